import { sql, type Queryable } from '../db/database.ts';
import { appError } from '../http/error-catalogue.ts';
import { allStatuses, publicStatuses } from './filters.ts';
import { isoTime, reportViewFields, reportViewJoins } from './report-view.ts';
import type { PossibleDuplicate } from '../lifecycle/possible-duplicates.ts';
import type { ModerationScreen } from '../moderation/decide.ts';
import type { PublicReport } from './schemas.ts';

/** A validated submission, ready for submit_report (db/functions/submit_report.sql). */
export interface ReportToStore {
  categoryCode: string;
  description: string;
  lon: number;
  lat: number;
  accuracyM?: number;
  address?: string;
  channel: string;
  locationIsApproximate: boolean;
  /** Who the 'submitted' event names. */
  actor: string;
  /** Random tracking-code bodies, tried in order until one is free in the report's city. */
  codeBodies: string[];
  residentTokenHash: string;
  sourceHash: string;
  addressHash?: string;
  textScreen: ModerationScreen;
  moderateAll: boolean;
  burstLimit: number;
  addressBurstLimit?: number;
  duplicates: { radiusM: number; windowDays: number };
  reporter?: { name?: string; phone?: string; email?: string };
  photos: { id: string; position: number; width: number; height: number; bytes: number }[];
  /** Recorded with the report, so that a retry answers with it (idempotency.ts). */
  idempotency?: { key: string; requestHash: string; residentToken: string };
}

export interface StoredReport { id: number; code: string; status: string; possibleDuplicates: PossibleDuplicate[] }

/**
 * Routes, screens and stores a report with its contact, photo rows, deadline and first events,
 * in one call (the steps are listed in db/functions/submit_report.sql). Refuses an unknown
 * category (UNKNOWN_CATEGORY) and a point outside the service area (OUTSIDE_SERVICE_AREA); the
 * function answers those before it writes anything.
 */
export async function storeReport(tx: Queryable, r: ReportToStore): Promise<StoredReport> {
  const [row] = await tx.query<{
    refusal: 'UNKNOWN_CATEGORY' | 'OUTSIDE_SERVICE_AREA' | null;
    report_id: number; tracking_code: string; report_status: string; possible_duplicates: PossibleDuplicate[];
  }>(sql`
    SELECT refusal, report_id, tracking_code, report_status, possible_duplicates
    FROM submit_report(
      category                => ${r.categoryCode},
      description             => ${r.description},
      lon                     => ${r.lon}::float8,
      lat                     => ${r.lat}::float8,
      accuracy_m              => ${r.accuracyM ?? null}::real,
      address                 => ${r.address ?? null},
      channel                 => ${r.channel},
      location_is_approximate => ${r.locationIsApproximate},
      actor                   => ${r.actor},
      code_bodies             => ${r.codeBodies}::text[],
      resident_token_hash     => ${r.residentTokenHash},
      source_hash             => ${r.sourceHash},
      address_hash            => ${r.addressHash ?? null},
      text_screen             => ${JSON.stringify(r.textScreen)}::jsonb,
      moderate_all            => ${r.moderateAll},
      source_burst_limit      => ${r.burstLimit}::bigint,
      address_burst_limit     => ${r.addressBurstLimit ?? null}::bigint,
      duplicate_radius_m      => ${r.duplicates.radiusM}::float8,
      duplicate_window_days   => ${r.duplicates.windowDays}::integer,
      reporter                => ${r.reporter ? JSON.stringify(r.reporter) : null}::jsonb,
      photos                  => ${JSON.stringify(r.photos)}::jsonb,
      idempotency_key         => ${r.idempotency?.key ?? null},
      request_hash            => ${r.idempotency?.requestHash ?? null},
      resident_token          => ${r.idempotency?.residentToken ?? null})`);
  if (row.refusal === 'UNKNOWN_CATEGORY') throw appError('UNKNOWN_CATEGORY', { categories: [r.categoryCode] });
  if (row.refusal === 'OUTSIDE_SERVICE_AREA') throw appError('OUTSIDE_SERVICE_AREA');
  return {
    id: row.report_id, code: row.tracking_code, status: row.report_status, possibleDuplicates: row.possible_duplicates,
  };
}

/**
 * The public view of one report, assembled in PostgreSQL. Nothing from `reporters` is read, and
 * reports awaiting moderation or rejected are not public; `audience` 'sender' also shows those,
 * to the one who sent it (the caller has checked their token, see sender-view.ts).
 */
export async function findPublicReport(
  db: Queryable, code: string, audience: 'public' | 'sender' = 'public',
): Promise<PublicReport | null> {
  const statuses: readonly string[] = audience === 'sender' ? allStatuses : publicStatuses;
  const [row] = await db.query<{ report: PublicReport }>(sql`
    SELECT json_build_object(
      ${reportViewFields('public')},
      'photos', COALESCE((
        SELECT json_agg(json_build_object(
                 'kind', p.kind,
                 'url', '/media/photos/' || p.id || '.jpg',
                 'thumbnail_url', '/media/photos/' || p.id || '.thumb.jpg',
                 'width', p.width, 'height', p.height) ORDER BY p.kind DESC, p.position)
        FROM report_photos p
        -- after-photos are the proof of a fix: public once the report is resolved
        WHERE p.report_id = r.id AND (p.kind = 'before' OR r.status IN ('resolved', 'closed'))), '[]'::json),
      'timeline', COALESCE((
        SELECT json_agg(json_build_object(
                 'kind', e.kind,
                 'status', e.new_value ->> 'status',
                 'at', ${isoTime(sql`e.created_at`)},
                 'note', e.reason,
                 'agency', e.new_value ->> 'agency',
                 'outcome_reason', e.new_value ->> 'reason') ORDER BY e.id)
        FROM report_events e WHERE e.report_id = r.id AND e.is_public), '[]'::json)
    ) AS report
    FROM reports r
    ${reportViewJoins}
    WHERE r.code = ${code} AND r.status = ANY(${[...statuses]})`);
  return row?.report ?? null;
}
