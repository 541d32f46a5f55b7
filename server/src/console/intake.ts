import { sql, type Transaction } from '../db/database.ts';
import { appError } from '../http/error-catalogue.ts';
import { sourceHash } from '../moderation/decide.ts';
import { submitReport, type SubmitResult } from '../reports/submit.ts';
import type { Staff } from '../staff/queries.ts';
import type { IntakeBody } from './schemas.ts';

export interface IntakeSettings {
  photosDir: string;
  duplicates: { radiusM: number; windowDays: number };
  moderateAll: boolean;
}

/**
 * "Ruang Rakyat": staff file a report for a resident who phoned or walked in. It is the same
 * submission as a resident's (routing, screening, deadline, audit), naming the staff member as
 * its actor. When only the kelurahan is known, the report stands at its label point and says it
 * is approximate, as an SMS report does, until someone places it exactly.
 */
export async function fileIntake(tx: Transaction, staff: Staff, body: IntakeBody, settings: IntakeSettings)
: Promise<SubmitResult & { locationIsApproximate: boolean }> {
  let point: { lat: number; lon: number };
  let locationIsApproximate = false;
  if ('kelurahan_code' in body.location) {
    const [kelurahan] = await tx.query<{ lat: number; lon: number }>(sql`
      SELECT ST_Y(label_point) AS lat, ST_X(label_point) AS lon FROM kelurahan WHERE code = ${body.location.kelurahan_code}`);
    if (!kelurahan) throw appError('UNKNOWN_KELURAHAN', { code: body.location.kelurahan_code });
    point = kelurahan;
    locationIsApproximate = true;
  } else {
    point = body.location;
  }
  const actor = `staff:${staff.id}`;
  // The resident who left a phone number or e-mail is sent the tracking code: the 'submitted'
  // event of a phone or walk-in report goes to the outbox (queue_reporter_notice, db/functions).
  const result = await submitReport(tx, settings.photosDir, {
    fields: {
      category: body.category, description: body.description, lat: point.lat, lon: point.lon,
      address: body.address, reporter: body.reporter,
    },
    photos: [], uploads: [], channel: body.channel, locationIsApproximate, actor,
    duplicates: settings.duplicates,
    sourceHash: sourceHash(actor),
    // The text is still screened (a caller's insult or phone number is held for a moderator),
    // but a desk files many reports in a row: no burst limit for staff.
    moderation: { moderateAll: settings.moderateAll, burstLimit: Number.MAX_SAFE_INTEGER },
  });
  return { ...result, locationIsApproximate };
}
