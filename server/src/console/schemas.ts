import { Type, type Static } from 'typebox';
import { allStatuses } from '../reports/filters.ts';
import { ErrorResponse } from '../http/app-error.ts';
import { Feature, FeatureCollection, PointGeometry } from '../http/geojson.ts';
import { ModerationFlags } from '../moderation/schemas.ts';
import { PublicReport } from '../reports/schemas.ts';

const csv = (pattern: string, description: string) =>
  Type.String({ pattern: `^${pattern}(,${pattern})*$`, maxLength: 2000, description });

// format 'date' (RFC 3339 full-date) also refuses days a month does not have, like 2026-02-30;
// the years are those of reports (PostgreSQL has no year 0000).
const isoDate = (description: string) =>
  Type.String({ format: 'date', pattern: '^(19|2[01])\\d{2}-', description: `${description} (YYYY-MM-DD, a WIB calendar day, 1900–2199)` });

/** The inbox's sortable columns; "-column" is the reverse of the column's natural order. */
export const inboxSorts = [
  'due', '-due', 'created', '-created', 'code', '-code', 'category', '-category', 'kelurahan', '-kelurahan', 'status', '-status',
] as const;

/** Filters of the desk's inbox; comma lists as in the public API (reports/filters.ts). */
export const ConsoleListQuery = Type.Object({
  status: Type.Optional(csv(`(${allStatuses.join('|')})`, 'Statuses, comma-separated')),
  category: Type.Optional(csv('[a-z_]{2,40}', 'Category codes, comma-separated')),
  kelurahan: Type.Optional(csv('[0-9]{2}\\.[0-9]{2}\\.[0-9]{2}\\.[0-9]{4}', 'Kelurahan codes, comma-separated')),
  department: Type.Optional(csv('[a-z0-9-]{2,40}', 'Department codes, comma-separated')),
  overdue: Type.Optional(Type.Boolean({ description: 'Only open reports past their deadline' })),
  created_from: Type.Optional(isoDate('Created on or after this day')),
  created_to: Type.Optional(isoDate('Created on or before this day')),
  sort: Type.Enum(inboxSorts, {
    default: 'due',
    description: 'The column to sort by, each in its natural order: due, deadline soonest first (no deadline last); '
      + 'created, newest first; code; category (code); kelurahan (name); status (lifecycle order). '
      + 'A leading "-" reverses it.',
  }),
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  offset: Type.Integer({ minimum: 0, maximum: 100_000, default: 0 }),
  format: Type.Union([Type.Literal('json'), Type.Literal('geojson')], {
    default: 'json', description: 'geojson: every match as points for the map (up to 5000), no paging',
  }),
});
export type ConsoleListQuery = Static<typeof ConsoleListQuery>;

const nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

export const DeskReport = Type.Object({
  code: Type.String(),
  category: Type.String(),
  status: Type.String(),
  summary: Type.String({ description: 'The first 140 characters of the description' }),
  kelurahan: Type.Object({ code: Type.String(), name: Type.String() }),
  department: Type.Object({ code: Type.String(), short_name: Type.String() }),
  channel: Type.String(),
  support_count: Type.Integer(),
  due_at: nullable(Type.String({ format: 'date-time' })),
  created_at: Type.String({ format: 'date-time' }),
  overdue: Type.Boolean(),
});

export type DeskReport = Static<typeof DeskReport>;

export const ConsoleList = Type.Object({
  total: Type.Integer(),
  reports: Type.Array(DeskReport),
});

export const CodeParams = Type.Object({ code: Type.String({ maxLength: 40 }) });

export const NoteBody = Type.Object({
  text: Type.String({ minLength: 1, maxLength: 4000, pattern: '\\S' }),
}, { additionalProperties: false });

export const BulkAssignBody = Type.Object({
  codes: Type.Array(Type.String({ maxLength: 40 }), { minItems: 1, maxItems: 100, uniqueItems: true }),
  /** Public, in each report's timeline, like the reason of a single status change. */
  reason: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
  /** Private, added to each report as an internal note. */
  note: Type.Optional(Type.String({ minLength: 1, maxLength: 4000 })),
}, { additionalProperties: false });

const Reporter = Type.Object({
  name: Type.Optional(Type.String({ maxLength: 100 })),
  phone: Type.Optional(Type.String({ pattern: '^\\+?[0-9][0-9 ()-]{5,19}$' })),
  email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
}, { additionalProperties: false, description: 'Private: never published' });

export const IntakeBody = Type.Object({
  channel: Type.Union([Type.Literal('phone'), Type.Literal('walk_in')]),
  category: Type.String({ pattern: '^[a-z_]{2,40}$' }),
  description: Type.String({ minLength: 10, maxLength: 2000, pattern: '\\S' }),
  location: Type.Union([
    Type.Object({
      lat: Type.Number({ minimum: -90, maximum: 90 }),
      lon: Type.Number({ minimum: -180, maximum: 180 }),
    }, { additionalProperties: false, description: 'Picked on the map' }),
    Type.Object({
      kelurahan_code: Type.String({ pattern: '^[0-9]{2}\\.[0-9]{2}\\.[0-9]{2}\\.[0-9]{4}$' }),
    }, { additionalProperties: false, description: 'Only the kelurahan is known: placed at its label point, marked approximate' }),
  ]),
  address: Type.Optional(Type.String({ maxLength: 300 })),
  reporter: Type.Optional(Reporter),
}, { additionalProperties: false });
export type IntakeBody = Static<typeof IntakeBody>;

export const IntakeResult = Type.Object({
  code: Type.String(),
  status: Type.String(),
  resident_token: Type.Union([Type.String(), Type.Null()], { description: 'For the receipt: lets the resident reopen the report' }),
  receipt_path: Type.String({ examples: ['/console/receipt/TGR-7K3P9Q'] }),
  public_path: Type.String({ examples: ['/r/TGR-7K3P9Q'] }),
  location_is_approximate: Type.Boolean(),
  possible_duplicates: Type.Array(Type.Object({
    code: Type.String(), distance_m: Type.Number(), created_at: Type.String(), status: Type.String(),
    support_count: Type.Integer(),
  })),
});

/** POST /api/console/reports/:code/photos. */
export const AfterPhotosResult = Type.Object({ added: Type.Integer(), total_after: Type.Integer() });

export const KelurahanSearchQuery = Type.Object({
  q: Type.String({ minLength: 2, maxLength: 60 }),
  limit: Type.Integer({ minimum: 1, maximum: 20, default: 8 }),
});

export const KelurahanHit = Type.Object({
  code: Type.String(),
  name: Type.String(),
  kecamatan: Type.Object({ code: Type.String(), name: Type.String() }),
  city: Type.Object({ code: Type.String(), name: Type.String() }),
  label_point: Type.Object({ lat: Type.Number(), lon: Type.Number() }),
  score: Type.Number(),
});
export type KelurahanHit = Static<typeof KelurahanHit>;

export const errors = {
  400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse,
  409: ErrorResponse, 413: ErrorResponse, 415: ErrorResponse, 422: ErrorResponse,
  500: ErrorResponse, 503: ErrorResponse,
};

/** GET /api/console/reports?format=geojson: every match as a point for the desk's map (list.ts). */
export const DeskMapCollection = FeatureCollection(Feature(Type.Object({
  code: Type.String(), category: Type.String(), status: Type.String(),
  color: Type.String({ description: "The category's colour" }),
  overdue: Type.Boolean(),
  approximate: Type.Boolean({ description: 'Placed at the kelurahan, not at the problem' }),
}), Type.Integer(), PointGeometry));
export type DeskMapCollection = Static<typeof DeskMapCollection>;

const nullableText = Type.Union([Type.String(), Type.Null()]);

/** One event of a report, internal ones too (detail.ts). */
export const DeskEvent = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  actor: Type.String({ description: "'staff:<id>', 'reporter', 'system:…'" }),
  actor_name: Type.Union([Type.String(), Type.Null()], { description: 'The staff member, when the actor is one' }),
  old_value: Type.Union([Type.Record(Type.String(), Type.Unknown({ description: 'Depends on the kind' })), Type.Null()]),
  new_value: Type.Union([Type.Record(Type.String(), Type.Unknown({ description: 'Depends on the kind, e.g. status' })), Type.Null()]),
  reason: nullableText,
  is_public: Type.Boolean(),
  at: Type.String({ format: 'date-time' }),
});
export type DeskEvent = Static<typeof DeskEvent>;

const { timeline: _publicTimeline, ...reportFields } = PublicReport.properties;

/** GET /api/console/reports/:code: the public view without its timeline, plus the private side. */
export const DeskReportDetail = Type.Object({
  ...reportFields,
  resolved_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  outcome_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
    description: 'When it was referred, found impossible to fix or found to need no action',
  }),
  overdue: Type.Boolean(),
  moderation_flags: ModerationFlags,
  events: Type.Array(DeskEvent, { description: 'Every event, internal ones too, oldest first' }),
  notes: Type.Array(DeskEvent, { description: 'The events of kind note (private)' }),
  public_response: Type.Union([Type.String(), Type.Null()], { description: 'The text of the latest resolution or other outcome' }),
  reporter: Type.Union([
    Type.Object({ name: nullableText, phone: nullableText, email: nullableText }, { description: 'Private' }),
    Type.Null(),
  ], { description: 'null when the report came without contact, or for a role that may not see it' }),
  allowed_transitions: Type.Array(Type.Object({
    to: Type.String(),
    needs: Type.Array(Type.Union([Type.Literal('reason'), Type.Literal('response'), Type.Literal('agency')]), {
      description: 'What the change must carry: reason, public response, the agency referred to',
    }),
  }), { description: 'What this staff member may do next (lifecycle/transitions.ts)' }),
});
export type DeskReportDetail = Static<typeof DeskReportDetail>;

/** GET /api/console/receipts/:code: what the printed receipt shows (receipt.ts); nothing private. */
export const Receipt = Type.Object({
  code: Type.String(),
  channel: Type.String(),
  status: Type.String(),
  category: Type.String(),
  category_name_id: Type.String(),
  category_name_en: Type.String(),
  kelurahan: Type.String(),
  kecamatan: Type.String(),
  city: Type.String(),
  department: Type.String(),
  address: nullableText,
  location_is_approximate: Type.Boolean(),
  created_at: Type.String({ format: 'date-time' }),
  due_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  filed_by: Type.Union([Type.String(), Type.Null()], { description: 'The staff member who filed it' }),
});
export type Receipt = Static<typeof Receipt>;
