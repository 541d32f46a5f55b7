import { createHash } from 'node:crypto';
import path from 'node:path';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import { sql, type Transaction } from '../db/database.ts';
import { appError } from '../http/error-catalogue.ts';
import { checkIdempotencyKey } from '../reports/idempotency.ts';
import { validateSubmission } from '../reports/multipart.ts';
import { submitReport } from '../reports/submit.ts';
import { writeSourceOf } from '../rate-limit/client.ts';
import { JurisdictionId } from './schemas.ts';
import { checkAnswers, type AttributeAnswers } from './questions.ts';
import { placeByKelurahan } from './place.ts';
import { jurisdictionCities } from './services.ts';

const text = (maxLength: number, description?: string) => Type.Optional(Type.String({ maxLength, description }));
const answer = Type.Union([Type.String({ maxLength: 200 }), Type.Array(Type.String({ maxLength: 200 }), { maxItems: 20 })]);

/**
 * POST requests, as a form (application/x-www-form-urlencoded, the specification's) or JSON.
 * Answers arrive as `attribute[code]=value`, a multivaluelist as `attribute[code][]=value` once
 * per value; a JSON body may nest them as `attribute: {code: value}` instead.
 */
export const PostRequestBody = Type.Object({
  api_key: text(200, 'Issued by a PetaWarga admin; a missing, wrong or revoked key answers 403'),
  jurisdiction_id: JurisdictionId,
  service_code: Type.String({ maxLength: 100, description: 'See GET services' }),
  lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
  long: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
  address_string: text(300, 'Where the problem is, in words. Without lat and long, a part of it between commas must name a kelurahan'),
  address_id: text(100, 'Not used: PetaWarga has no address register'),
  email: text(254, 'Private: never published'),
  device_id: text(100, 'Private: only counts the device\'s reports, as X-Device-Id does'),
  account_id: text(100, 'Not used'),
  first_name: text(50, 'Private: never published'),
  last_name: text(50, 'Private: never published'),
  phone: text(30, 'Private: never published'),
  description: Type.Optional(Type.String({ maxLength: 4000, description: 'What is wrong; 10–2000 characters, as on every channel' })),
  media_url: Type.Optional(Type.String({ maxLength: 2000, pattern: '^https?://\\S+$', description: 'A link to a photo; kept as a link, never fetched' })),
  attribute: Type.Optional(Type.Record(Type.String({ pattern: '^[a-z_]{1,40}$' }), answer)),
}, {
  additionalProperties: false,
  patternProperties: { '^attribute\\[[a-z_]{1,40}\\](\\[\\])?$': answer },
});
export type PostRequestBody = Static<typeof PostRequestBody>;

/**
 * A form's fields as the body schema reads them: lat and long as numbers when they are written
 * as numbers (a body is checked as JSON is, without turning text into numbers), a key ending in
 * [] as the list of its values, any other key repeated as its last value.
 */
export function readForm(body: string): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    if (key.endsWith('[]')) fields[key] = [...((fields[key] as string[] | undefined) ?? []), value];
    else if ((key === 'lat' || key === 'long') && /^-?\d{1,3}(\.\d{1,15})?$/.test(value.trim())) fields[key] = Number(value);
    else fields[key] = value;
  }
  return fields;
}

/** The answers, from form keys (attribute[code], attribute[code][]) and from a nested JSON object. */
function answersOf(body: PostRequestBody): AttributeAnswers {
  const answers: AttributeAnswers = { ...(body.attribute ?? {}) };
  for (const [key, value] of Object.entries(body)) {
    const match = /^attribute\[([a-z_]{1,40})\](\[\])?$/.exec(key);
    if (match) answers[match[1]] = match[2] ? [value as string | string[]].flat() : (value as string | string[]);
  }
  return answers;
}

const hash = (value: string) => createHash('sha256').update(value).digest('hex');

export interface PostedRequest {
  code: string;
  published: boolean;
  replayed: boolean;
}

/**
 * Files a report for an API client through the submission every channel uses (reports/submit.ts):
 * the same checks, screening, routing, deadline and idempotency. The contact goes to `reporters`,
 * which no public answer reads.
 */
export async function postRequest(
  app: FastifyInstance, request: FastifyRequest, tx: Transaction, body: PostRequestBody, apiKeyId: number,
): Promise<PostedRequest> {
  await jurisdictionCities(tx, body.jurisdiction_id);
  const [category] = await tx.query(sql`SELECT 1 FROM categories WHERE code = ${body.service_code}`);
  if (!category) throw appError('UNKNOWN_SERVICE_CODE', { serviceCode: body.service_code });
  const point = body.lat !== undefined && body.long !== undefined
    ? { lat: body.lat, lon: body.long }
    : body.address_string && await placeByKelurahan(tx, body.address_string);
  if (!point) throw appError('LOCATION_REQUIRED');
  const answers = answersOf(body);
  const wrong = checkAnswers(body.service_code, answers);
  if (wrong) throw appError('INVALID_ATTRIBUTE', wrong);

  const name = [body.first_name, body.last_name].map((s) => s?.trim()).filter(Boolean).join(' ');
  const reporter = { name: name || undefined, phone: body.phone?.trim() || undefined, email: body.email?.trim() || undefined };
  // Checked by the web form's own schema, as the body a JSON client of /api/reports would send:
  // the round trip through JSON leaves out the fields that are undefined.
  const fields = validateSubmission(JSON.parse(JSON.stringify({
    category: body.service_code,
    description: body.description ?? '',
    lat: point.lat,
    lon: point.lon,
    address: body.address_string?.trim() || undefined,
    reporter: reporter.name || reporter.phone || reporter.email ? reporter : undefined,
  })));

  // Keys are per client application, so two applications' retries never meet.
  const idempotencyKey = checkIdempotencyKey(request.headers['idempotency-key'] as string | undefined);
  const source = writeSourceOf(request);
  const result = await submitReport(tx, path.join(app.config.dataDir, 'photos'), {
    // What a report carries beyond the shared fields counts in the Idempotency-Key's digest too:
    // a retry that changed an answer or the link is refused (IDEMPOTENCY_KEY_REUSED), not replayed.
    fields, photos: [], uploads: [Buffer.from(JSON.stringify({ answers, media_url: body.media_url ?? null }))],
    idempotencyKey: idempotencyKey && `open311:${apiKeyId}:${idempotencyKey}`,
    channel: 'api',
    locationIsApproximate: body.lat === undefined,
    duplicates: { radiusM: app.config.duplicateRadiusM, windowDays: app.config.duplicateWindowDays },
    // A server relaying many residents names each one's device; their bursts are held apart.
    sourceHash: body.device_id ? hash(`source:open311:${apiKeyId}:${body.device_id}`) : source.device,
    addressHash: source.address,
    moderation: {
      moderateAll: app.config.moderateAll, burstLimit: app.config.sourceBurstLimit, addressBurstLimit: app.config.addressBurstLimit,
    },
  });
  if (!result.replayed && result.id !== undefined) {
    await tx.query(sql`
      INSERT INTO open311_submissions (report_id, api_key_id, attributes, media_url)
      VALUES (${result.id}, ${apiKeyId}, ${JSON.stringify(answers)}, ${body.media_url ?? null})`);
  }
  return { code: result.code, published: result.status !== 'submitted', replayed: result.replayed };
}
