import { Type, type Static } from 'typebox';
import { Feature, FeatureCollection, PointGeometry } from '../http/geojson.ts';
import { RoutingExplanation } from '../routing-rules/explanation.ts';
import { PossibleDuplicate } from '../lifecycle/possible-duplicates.ts';

// What a resident (or a client on their behalf) may send. The same schema checks a JSON body
// and the text fields of a multipart form, so both paths refuse exactly the same input.
export const ReportSubmission = Type.Object(
  {
    category: Type.String({ pattern: '^[a-z_]{2,40}$', description: 'Category code, see GET /api/categories' }),
    description: Type.String({ minLength: 10, maxLength: 2000, pattern: '\\S', description: 'What is wrong, 10–2000 characters' }),
    lat: Type.Number({ minimum: -90, maximum: 90, description: 'Latitude, WGS 84' }),
    lon: Type.Number({ minimum: -180, maximum: 180, description: 'Longitude, WGS 84' }),
    accuracy_m: Type.Optional(Type.Number({ minimum: 0, maximum: 10000, description: 'GPS accuracy radius in metres' })),
    address: Type.Optional(Type.String({ maxLength: 300 })),
    reporter: Type.Optional(
      Type.Object(
        {
          name: Type.Optional(Type.String({ maxLength: 100 })),
          phone: Type.Optional(Type.String({ pattern: '^\\+?[0-9][0-9 ()-]{5,19}$', description: 'e.g. +6281234567890' })),
          email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
        },
        { additionalProperties: false, description: 'Private: never published' },
      ),
    ),
  },
  { additionalProperties: false },
);
export type ReportSubmission = Static<typeof ReportSubmission>;

const Named = Type.Object({ code: Type.String(), name: Type.String() });

export const PublicReport = Type.Object({
  code: Type.String({ examples: ['TGR-7K3P9Q'] }),
  category: Type.Object({
    code: Type.String(), name_id: Type.String(), name_en: Type.String(), color: Type.String(), icon: Type.String(),
  }),
  description: Type.String(),
  status: Type.String(),
  location: Type.Object({
    lat: Type.Number(), lon: Type.Number(),
    is_approximate: Type.Boolean({ description: 'Not the exact point of the problem: placed at the kelurahan (e.g. SMS), or snapped to a grid (grid_m)' }),
    grid_m: Type.Optional(Type.Union([Type.Integer(), Type.Null()], {
      description: 'For a sensitive category, in public: the point is the centre of a square of this many metres (UTM 48S grid) that holds the report',
    })),
  }),
  accuracy_m: Type.Union([Type.Number(), Type.Null()]),
  address: Type.Union([Type.String(), Type.Null()]),
  channel: Type.String(),
  kelurahan: Named,
  kecamatan: Named,
  city: Named,
  department: Type.Object({ code: Type.String(), name: Type.String(), short_name: Type.String() }),
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
  due_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
    description: 'Response deadline: the end (23:59:59.999 WIB) of the last working day its category allows',
  }),
  is_overdue: Type.Boolean({
    description: 'Past its deadline and still waiting for the city (published, assigned or in progress), as of this answer',
  }),
  photos: Type.Array(Type.Object({
    kind: Type.Union([Type.Literal('before'), Type.Literal('after')]),
    url: Type.String(), thumbnail_url: Type.String(), width: Type.Integer(), height: Type.Integer(),
  })),
  timeline: Type.Array(Type.Object({
    kind: Type.String(), status: Type.Union([Type.String(), Type.Null()]), at: Type.String({ format: 'date-time' }),
    note: Type.Union([Type.String(), Type.Null()], { description: 'The public response of a resolution or other outcome, or a reason' }),
    agency: Type.Union([Type.String(), Type.Null()], { description: 'The agency a report was referred to (referred)' }),
    outcome_reason: Type.Union([Type.String(), Type.Null()], { description: 'Why it cannot be fixed (cannot_fix)' }),
  })),
  routing_explanation: RoutingExplanation,
  is_synthetic: Type.Boolean(),
  support_count: Type.Integer({ description: 'Residents who reported the same problem (+1)' }),
  duplicate_of: Type.Union([Type.Object({ code: Type.String(), status: Type.String() }), Type.Null()], {
    description: 'The report this one was merged into; it follows that report\'s status',
  }),
});
export type PublicReport = Static<typeof PublicReport>;

/** An open report of the same category near a point (lifecycle/possible-duplicates.ts): public fields only. */
/** What the submitter gets back: the public report plus what only they should see. */
export const SubmittedReport = Type.Object({
  ...PublicReport.properties,
  resident_token: Type.Union([Type.String(), Type.Null()], {
    description: 'Keep it: it lets the reporter reopen the report after it is resolved',
  }),
  possible_duplicates: Type.Array(PossibleDuplicate),
});


/** GET /api/reports: one page of public reports, newest first (reports/list.ts). */
/** The properties of a public report as a GeoJSON feature (list.ts publicReportFeature). */
export const PublicReportProperties = Type.Object({
  code: Type.String(), category: Type.String(), status: Type.String(), description: Type.String(),
  kelurahan: Type.String(), kecamatan: Type.String(), city: Type.String(), department: Type.String(),
  channel: Type.String(),
  created_at: Type.String({ format: 'date-time' }), updated_at: Type.String({ format: 'date-time' }),
  is_synthetic: Type.Boolean(),
});

export const PublicReportPage = Type.Object({
  ...FeatureCollection(Feature(PublicReportProperties, Type.String({ description: 'The tracking code' }), PointGeometry)).properties,
  next_cursor: Type.Union([Type.String(), Type.Null()], { description: 'Pass as cursor for the next page; null on the last' }),
});
export type PublicReportPage = Static<typeof PublicReportPage>;
