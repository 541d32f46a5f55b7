import { randomBytes } from 'node:crypto';
import type { Transaction } from '../db/database.ts';
import type { PossibleDuplicate } from '../lifecycle/possible-duplicates.ts';
import { residentTokenHash } from '../lifecycle/resident-token.ts';
import { screenReportText } from '../moderation/decide.ts';
import { lockAndFindByKey, requestDigest } from './idempotency.ts';
import { storePhotos, type ProcessedPhoto } from './photos.ts';
import { storeReport } from './queries.ts';
import type { ReportSubmission } from './schemas.ts';
import { newTrackingCodeBody } from '../reference/tracking-code.ts';

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
 * contact and first events. Here: the idempotency check, the text screen and the photo files;
 * everything else is one call of submit_report (queries.ts storeReport, the steps listed in
 * db/functions/submit_report.sql). Photo files are written before the rows that name them and
 * removed again if the transaction rolls back, so a failure leaves neither rows nor files behind.
 */
export async function submitReport(tx: Transaction, photosDir: string, s: Submission): Promise<SubmitResult> {
  const f = s.fields;
  const digest = s.idempotencyKey ? requestDigest(f, s.uploads) : '';
  if (s.idempotencyKey) {
    // Requests with the same key wait here for each other: the second one sees the first's
    // report once it committed, and answers with it.
    const earlier = await lockAndFindByKey(tx, s.idempotencyKey, digest);
    if (earlier) return { ...earlier, replayed: true, lon: f.lon, lat: f.lat, possibleDuplicates: [] };
  }

  const residentToken = randomBytes(24).toString('base64url');
  const textScreen = await screenReportText(tx, f.description, f.category);
  // The files before the rows that name them (photos.ts); a refusal below removes them again.
  await storePhotos(tx, photosDir, s.photos);
  const reporter = f.reporter;
  const stored = await storeReport(tx, {
    categoryCode: f.category,
    description: f.description.trim(),
    lon: f.lon,
    lat: f.lat,
    // To the centimetre, which is more than GPS can tell; a finer value would underflow `real`.
    accuracyM: f.accuracy_m === undefined ? undefined : Math.round(f.accuracy_m * 100) / 100,
    address: f.address?.trim() || undefined,
    channel: s.channel,
    locationIsApproximate: s.locationIsApproximate ?? false,
    actor: s.actor ?? 'resident',
    codeBodies: Array.from({ length: 5 }, newTrackingCodeBody),
    residentTokenHash: residentTokenHash(residentToken),
    sourceHash: s.sourceHash,
    addressHash: s.addressHash,
    textScreen,
    ...s.moderation,
    duplicates: s.duplicates,
    reporter: reporter && (reporter.name || reporter.phone || reporter.email) ? reporter : undefined,
    photos: s.photos.map((p, position) => ({ id: p.id, position, width: p.width, height: p.height, bytes: p.full.length })),
    idempotency: s.idempotencyKey ? { key: s.idempotencyKey, requestHash: digest, residentToken } : undefined,
  });
  return {
    id: stored.id, code: stored.code, replayed: false, lon: f.lon, lat: f.lat, status: stored.status, residentToken,
    possibleDuplicates: stored.possibleDuplicates,
  };
}
