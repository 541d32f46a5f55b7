import { randomBytes } from 'node:crypto';
import { sql, type Transaction } from '../db/database.ts';
import { assignDueAt } from '../deadlines/due-at.ts';
import { appError } from '../http/error-catalogue.ts';
import { findPossibleDuplicates, type PossibleDuplicate } from '../lifecycle/possible-duplicates.ts';
import { residentTokenHash } from '../lifecycle/resident-token.ts';
import { decidePublication } from '../moderation/decide.ts';
import { claimKey, findByKey, lockKey, requestDigest } from './idempotency.ts';
import { storePhotos, type ProcessedPhoto } from './photos.ts';
import { addEvent } from '../lifecycle/queries.ts';
import { insertPhoto, insertReport, insertReporter } from './queries.ts';
import { routeReport } from '../routing-rules/route-report.ts';
import type { ReportSubmission } from './schemas.ts';
import { newTrackingCode } from '../reference/tracking-code.ts';

export interface Submission {
  fields: ReportSubmission;
  photos: ProcessedPhoto[];
  /** Raw uploads, only for the idempotency digest. */
  uploads: Buffer[];
  idempotencyKey?: string;
  channel: 'web' | 'api' | 'sms' | 'phone' | 'walk_in';
  /** The point stands for a whole kelurahan (SMS), not the resident's pin. */
  locationIsApproximate?: boolean;
  /** Staff filing on a resident's behalf (phone, walk-in): the audit names them. */
  actor?: string;
  duplicates: { radiusM: number; windowDays: number };
  /** Hash of the device or SMS number it came from (rate-limit/client.ts), for burst screening. */
  sourceHash: string;
  /** Hash of its network address, when it came over the network; its burst limit is far higher. */
  addressHash?: string;
  moderation: { moderateAll: boolean; burstLimit: number; addressBurstLimit?: number };
}

export interface SubmitResult {
  /** Absent on a replay: the report is the earlier request's. */
  id?: number;
  code: string;
  /** True when an earlier request with the same Idempotency-Key created the report. */
  replayed: boolean;
  lon: number;
  lat: number;
  status: string;
  /** Given only to the submitter: lets them reopen the report later. */
  residentToken: string | null;
  /** Open reports of the same problem nearby, found before this one was stored. */
  possibleDuplicates: PossibleDuplicate[];
}

/**
 * Stores a resident's report in the caller's transaction: routed, coded, with its photos,
 * contact and first events. Photo files are written before the rows that name them and removed
 * again if the transaction rolls back, so a failure leaves neither rows nor files behind.
 * The answer is read back in the same transaction, so it is the stored report.
 */
export async function submitReport(tx: Transaction, photosDir: string, s: Submission): Promise<SubmitResult> {
  const f = s.fields;
  const digest = s.idempotencyKey ? requestDigest(f, s.uploads) : '';
  if (s.idempotencyKey) {
    // Requests with the same key wait here for each other: the second one sees the first's
    // report once it committed, and answers with it.
    await lockKey(tx, s.idempotencyKey);
    const earlier = await findByKey(tx, s.idempotencyKey, digest);
    if (earlier) return { ...earlier, replayed: true, lon: f.lon, lat: f.lat, possibleDuplicates: [] };
  }

  const [category] = await tx.query(sql`SELECT 1 FROM categories WHERE code = ${f.category}`);
  if (!category) throw appError('UNKNOWN_CATEGORY', { categories: [f.category] });
  const routing = await routeReport(tx, f.lon, f.lat, f.category);
  const possibleDuplicates = await findPossibleDuplicates(tx, {
    lon: f.lon, lat: f.lat, category: f.category, ...s.duplicates,
  });
  const residentToken = randomBytes(24).toString('base64url');
  const moderation = await decidePublication(tx, {
    description: f.description, categoryCode: f.category, sourceHash: s.sourceHash, addressHash: s.addressHash, ...s.moderation,
  });

  await storePhotos(tx, photosDir, s.photos);
  let inserted: { id: number } | null = null;
  let code = '';
  for (let attempt = 0; !inserted; attempt++) {
    if (attempt === 5) throw new Error('could not draw an unused tracking code in 5 attempts');
    code = newTrackingCode(routing.cityPrefix);
    inserted = await insertReport(tx, {
      code,
      categoryCode: f.category,
      description: f.description.trim(),
      status: moderation.status,
      lon: f.lon,
      lat: f.lat,
      // To the centimetre, which is more than GPS can tell; a finer value would underflow `real`.
      accuracyM: f.accuracy_m === undefined ? undefined : Math.round(f.accuracy_m * 100) / 100,
      address: f.address?.trim() || undefined,
      channel: s.channel,
      cityCode: routing.cityCode,
      kecamatanCode: routing.kecamatanCode,
      kelurahanCode: routing.kelurahanCode,
      departmentCode: routing.departmentCode,
      routingExplanation: routing.explanation,
      residentTokenHash: residentTokenHash(residentToken),
      sourceHash: s.sourceHash,
      addressHash: s.addressHash,
      moderationFlags: moderation.screen,
      locationIsApproximate: s.locationIsApproximate ?? false,
    });
  }
  const reportId = inserted.id;
  if (s.idempotencyKey) await claimKey(tx, s.idempotencyKey, digest, reportId, residentToken);
  const reporter = f.reporter;
  if (reporter && (reporter.name || reporter.phone || reporter.email)) {
    await insertReporter(tx, reportId, reporter);
  }
  for (const [position, p] of s.photos.entries()) {
    await insertPhoto(tx, reportId, { id: p.id, position, width: p.width, height: p.height, bytes: p.full.length });
  }
  // Public events reach the reporter through the outbox (queue_reporter_notice, db/functions).
  await addEvent(tx, {
    reportId, kind: 'submitted', actor: s.actor ?? 'resident', newValue: { status: 'submitted', channel: s.channel },
    isPublic: true,
  });
  if (moderation.status === 'published') {
    await addEvent(tx, {
      reportId, kind: 'published', actor: 'system', oldValue: { status: 'submitted' }, newValue: { status: 'published' },
      isPublic: true,
    });
    await assignDueAt(tx, reportId);
  } else {
    await addEvent(tx, { reportId, kind: 'held_for_moderation', actor: 'system', newValue: moderation.screen, isPublic: false });
  }
  await addEvent(tx, { reportId, kind: 'routed', actor: 'system', newValue: routing.explanation, isPublic: false });
  return {
    id: reportId, code, replayed: false, lon: f.lon, lat: f.lat, status: moderation.status, residentToken, possibleDuplicates,
  };
}
