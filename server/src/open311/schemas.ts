import { Type, type TSchema } from 'typebox';
import { FormatParam } from './format.ts';

// The answers of GeoReport v2 (wiki.open311.org/GeoReport_v2), field for field. JSON lists are
// sent bare, as in the specification; XML wraps them in the root element each route names.

const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const Discovery = Type.Object({
  changeset: Type.String({ format: 'date-time', description: 'When this description last changed' }),
  contact: Type.String(),
  key_service: Type.String({ description: 'How to get an api_key' }),
  endpoints: Type.Array(Type.Object({
    specification: Type.String(), url: Type.String(), changeset: Type.String({ format: 'date-time' }),
    type: Type.Literal('production'), formats: Type.Array(Type.String()),
  })),
});

export const Service = Type.Object({
  service_code: Type.String({ description: 'A PetaWarga category code' }),
  service_name: Type.String(),
  description: Type.String(),
  metadata: Type.Boolean({ description: 'True when GET services/{service_code} lists questions (attributes)' }),
  type: Type.Literal('realtime', { description: 'A posted request gets its service_request_id at once, unless held for moderation' }),
  keywords: Type.String({ description: 'Comma-separated words residents use for it' }),
  group: Type.String(),
});

export const ServiceDefinition = Type.Object({
  service_code: Type.String(),
  attributes: Type.Array(Type.Object({
    variable: Type.Literal(true),
    code: Type.String(),
    datatype: Type.String({ description: 'string, number, singlevaluelist or multivaluelist' }),
    required: Type.Boolean(),
    datatype_description: nullable(Type.String()),
    order: Type.Integer(),
    description: Type.String(),
    values: Type.Array(Type.Object({ key: Type.String(), name: Type.String() })),
  })),
});

export const ServiceRequest = Type.Object({
  service_request_id: Type.String({ description: 'The tracking code, e.g. TGR-7K3P9Q' }),
  status: Type.Union([Type.Literal('open'), Type.Literal('closed')]),
  status_notes: nullable(Type.String({ description: 'The latest public response of the department' })),
  service_name: Type.String(),
  service_code: Type.String(),
  description: Type.String(),
  agency_responsible: Type.String({ description: 'The department the report is routed to' }),
  service_notice: nullable(Type.String()),
  requested_datetime: Type.String({ format: 'date-time' }),
  updated_datetime: Type.String({ format: 'date-time' }),
  expected_datetime: nullable(Type.String({ format: 'date-time', description: 'The response deadline (working days)' })),
  address: nullable(Type.String({ description: 'Where the problem is, as the reporter described the place' })),
  address_id: Type.Null(),
  zipcode: Type.Null(),
  lat: Type.Number(),
  long: Type.Number(),
  media_url: nullable(Type.String()),
});

export const PostedRequest = Type.Object({
  service_request_id: Type.Optional(Type.String({ description: 'Absent while the report awaits moderation: use token' })),
  token: Type.Optional(Type.String({ description: 'GET tokens/{token} gives the service_request_id once the report is published' })),
  service_notice: Type.String(),
  account_id: Type.Null(),
});

export const TokenAnswer = Type.Object({
  token: Type.String(),
  service_request_id: Type.Optional(Type.String({ description: 'Absent while the report awaits moderation' })),
});

export const Open311Errors = Type.Array(Type.Object({
  code: Type.Integer({ description: 'The HTTP status' }),
  description: Type.String({ description: 'What went wrong, in English, then PetaWarga\'s stable error code in brackets' }),
}));

const xml = (description: string) => ({ schema: Type.String({ description }) });

/** One 2xx answer in both formats: the JSON schema, and XML under text/xml. */
export function bothFormats(json: TSchema, description: string) {
  return {
    description,
    content: { 'application/json': { schema: json }, 'text/xml': xml(`${description}, as XML`) },
  };
}

/** Errors of the Open311 routes: the specification's list of {code, description}, in both formats. */
export function open311Errors<S extends number>(...statuses: S[]) {
  const answer = bothFormats(Open311Errors, 'Errors as GeoReport v2 lists them');
  return Object.fromEntries(statuses.map((s) => [s, answer])) as Record<S, typeof answer>;
}

export const FormatParams = Type.Object({ format: FormatParam });
export const Locale = Type.Optional(Type.Union([Type.Literal('id'), Type.Literal('en')], {
  description: 'Language of names and descriptions: id (Indonesian, the default) or en',
}));
export const JurisdictionId = Type.Optional(Type.String({
  maxLength: 20, description: 'A city code (36.71 Kota Tangerang, 36.74 Kota Tangerang Selatan); absent: both',
}));
