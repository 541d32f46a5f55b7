import { sql, type Queryable } from '../db/database.ts';
import { allStatuses, publicStatuses } from './filters.ts';
import { isoTime, reportViewFields, reportViewJoins } from './report-view.ts';
import type { PublicReport } from './schemas.ts';

export interface NewReport {
  code: string;
  categoryCode: string;
  description: string;
  status: string;
  lon: number;
  lat: number;
  accuracyM?: number;
  address?: string;
  channel: string;
  cityCode: string;
  kecamatanCode: string;
  kelurahanCode: string;
  departmentCode: string;
  routingExplanation: unknown;
  residentTokenHash?: string;
  sourceHash?: string;
  addressHash?: string;
  moderationFlags?: unknown;
  locationIsApproximate?: boolean;
}

/** Inserts a report; null when its tracking code is already taken (the caller draws again). */
export async function insertReport(tx: Queryable, r: NewReport): Promise<{ id: number } | null> {
  const [row] = await tx.query<{ id: number }>(sql`
    INSERT INTO reports (code, category_code, description, status, location, accuracy_m, address, channel,
                         city_code, kecamatan_code, kelurahan_code, department_code, routing_explanation,
                         resident_token_hash, source_hash, address_hash, moderation_flags, location_is_approximate)
    VALUES (${r.code}, ${r.categoryCode}, ${r.description}, ${r.status},
            ST_SetSRID(ST_MakePoint(${r.lon}, ${r.lat}), 4326), ${r.accuracyM ?? null}, ${r.address ?? null},
            ${r.channel}, ${r.cityCode}, ${r.kecamatanCode}, ${r.kelurahanCode}, ${r.departmentCode},
            ${JSON.stringify(r.routingExplanation)}, ${r.residentTokenHash ?? null}, ${r.sourceHash ?? null}, ${r.addressHash ?? null},
            ${r.moderationFlags === undefined ? null : JSON.stringify(r.moderationFlags)}, ${r.locationIsApproximate ?? false})
    ON CONFLICT (code) DO NOTHING
    RETURNING id`);
  return row ?? null;
}

export async function insertReporter(
  tx: Queryable,
  reportId: number,
  reporter: { name?: string; phone?: string; email?: string },
): Promise<void> {
  await tx.query(sql`
    INSERT INTO reporters (report_id, name, phone, email)
    VALUES (${reportId}, ${reporter.name ?? null}, ${reporter.phone ?? null}, ${reporter.email ?? null})`);
}

export async function insertPhoto(
  tx: Queryable,
  reportId: number,
  photo: { id: string; position: number; width: number; height: number; bytes: number },
): Promise<void> {
  await tx.query(sql`
    INSERT INTO report_photos (id, report_id, kind, position, width, height, bytes)
    VALUES (${photo.id}, ${reportId}, 'before', ${photo.position}, ${photo.width}, ${photo.height}, ${photo.bytes})`);
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
