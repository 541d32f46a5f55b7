import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

export interface StoredFigures {
  /** Reports the suite's clients created (their description names their key). */
  stored: number;
  /** Acknowledged keys whose report is stored, under the acknowledged code, exactly once. */
  acknowledgedFound: number;
  /** Acknowledged keys with no report, or a report under another code. */
  acknowledgedMissing: string[];
  /** Keys with more than one report. */
  duplicateKeys: string[];
  /** Reports without their 'submitted' event. */
  withoutEvents: string[];
  /** Reports of the suite stored without being acknowledged (a client gave up on them). */
  storedUnacknowledged: number;
  photoRows: number;
  photoFiles: number;
  rowsWithoutFile: string[];
  filesWithoutRow: string[];
  /** Photo files whose transaction's outcome is still to be settled (photos.ts storePhotos). */
  pendingMarkers: number;
}

const keyOf = (description: string) => /(resilience-[0-9a-f-]{36})/.exec(description)?.[1] ?? '';

/** What the database and the photo folder hold after the run, against what was acknowledged. */
export async function checkStored(databaseUrl: string, photosDir: string, acknowledged: Map<string, string>): Promise<StoredFigures> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: reports } = await client.query<{ id: string; code: string; description: string; events: number; keyed: string | null }>(`
      SELECT r.id, r.code, r.description,
             (SELECT count(*) FROM report_events e WHERE e.report_id = r.id AND e.kind = 'submitted')::int AS events,
             (SELECT k.key FROM idempotency_keys k WHERE k.report_id = r.id) AS keyed
      FROM reports r WHERE r.description LIKE 'Laporan uji ketahanan resilience-%'`);
    const codesByKey = new Map<string, string[]>();
    for (const r of reports) {
      const key = keyOf(r.description);
      codesByKey.set(key, [...(codesByKey.get(key) ?? []), r.code]);
    }
    const acknowledgedMissing = [...acknowledged].filter(([key, code]) => {
      const codes = codesByKey.get(key) ?? [];
      return codes.length !== 1 || codes[0] !== code;
    }).map(([key]) => key);
    const { rows: photos } = await client.query<{ id: string }>(`SELECT p.id FROM report_photos p`);
    const names = fs.existsSync(photosDir) ? fs.readdirSync(photosDir) : [];
    const fileIds = new Set(names.filter((n) => n.endsWith('.jpg') && !n.endsWith('.thumb.jpg')).map((n) => n.slice(0, -4)));
    const thumbIds = new Set(names.filter((n) => n.endsWith('.thumb.jpg')).map((n) => n.slice(0, -'.thumb.jpg'.length)));
    const rowIds = new Set(photos.map((p) => p.id));
    return {
      stored: reports.length,
      acknowledgedFound: acknowledged.size - acknowledgedMissing.length,
      acknowledgedMissing,
      duplicateKeys: [...codesByKey].filter(([, codes]) => codes.length > 1).map(([key]) => key),
      withoutEvents: reports.filter((r) => r.events !== 1).map((r) => r.code),
      storedUnacknowledged: [...codesByKey.keys()].filter((key) => !acknowledged.has(key)).length,
      photoRows: rowIds.size,
      photoFiles: fileIds.size,
      rowsWithoutFile: [...rowIds].filter((id) => !fileIds.has(id) || !thumbIds.has(id)),
      filesWithoutRow: [...new Set([...fileIds, ...thumbIds])].filter((id) => !rowIds.has(id)),
      pendingMarkers: names.filter((n) => n.endsWith('.pending')).length,
    };
  } finally {
    await client.end();
  }
}

export const photosDirOf = (dataDir: string) => path.join(dataDir, 'photos');
