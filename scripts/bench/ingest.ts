// Ingest: 32 clients at once POST /api/reports (JSON) through the real server: validation,
// routing (route_kelurahan + rules), duplicate search, moderation screen, the insert and its
// events (the audit trail) in one transaction (one call of db/functions/submit_report.sql). Beside it, the same rows as plain INSERTs
// through a pool of the server's size (10) with the same 32 callers. Every added report is
// deleted afterwards, so the bench database keeps its count.
//
// Each simulated resident posts from its own address (X-Forwarded-For, trusted because the
// server runs with TRUST_PROXY=127.0.0.1), as residents behind a load balancer do; with one
// address and no device id for all, SOURCE_BURST_LIMIT (default 5, kept) would hold all but the
// first reports for moderation and DEVICE_WRITE_LIMIT (20) refuse the rest. The rate-limit
// counters of public writes (one statement counts the device and the address) are part of the figure.
import { sql } from '../../server/src/db/database.ts';
import { connectPostgres } from '../../server/src/db/postgres.ts';
import type { BenchArea, BenchContext } from './context.ts';
import { cpuMs } from './server.ts';
import { round } from './stats.ts';
import { rows } from './table.ts';
import { inParallel } from './tile-requests.ts';

const clients = 32;
const submissions = 2000;
const targetRps = 500;
const targetShareOfPlain = 0.55;

interface Sample { lon: number; lat: number; category: string; city: string; kecamatan: string; kelurahan: string; department: string }

// The audit trail refuses deletes (report_events_append_only); only the bench's own rows go,
// in one transaction that switches that guard off and on again.
export async function deleteAddedReports(context: BenchContext, lastId: number): Promise<void> {
  await context.db.transaction(async (tx) => {
    await tx.query(sql`ALTER TABLE report_events DISABLE TRIGGER report_events_append_only`);
    await tx.query(sql`DELETE FROM reports WHERE id > ${lastId}`);
    await tx.query(sql`ALTER TABLE report_events ENABLE TRIGGER report_events_append_only`);
  });
}

export const ingestBench: BenchArea = async (context) => {
  const [{ last_id: lastId }] = await context.db.query<{ last_id: number }>(sql`SELECT coalesce(max(id), 0)::int AS last_id FROM reports`);
  // Where and what residents report, drawn from the reports already there (spread like real ones).
  const samples = await context.db.query<Sample>(sql`
    SELECT ST_X(location) AS lon, ST_Y(location) AS lat, category_code AS category, city_code AS city,
           kecamatan_code AS kecamatan, kelurahan_code AS kelurahan, department_code AS department
    FROM reports
    ORDER BY md5(id::text)
    LIMIT ${submissions}`);
  const refused: string[] = [];
  let held = 0;
  const post = async (s: Sample, i: number) => {
    const response = await fetch(`${context.server.url}/api/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` },
      body: JSON.stringify({
        category: s.category, lon: s.lon, lat: s.lat,
        description: `Jalan berlubang dan saluran air tersumbat di depan gang, laporan uji beban ${i}`, accuracy_m: 8,
      }),
    });
    const body = await response.json() as { status?: string };
    if (response.status !== 201) refused.push(`HTTP ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
    else if (body.status === 'submitted') held++;
  };
  const numbered = samples.map((s, i) => ({ s, i }));
  let httpSeconds = 0;
  let plainSeconds = 0;
  let serverCpuMs = 0;
  try {
    let started = performance.now();
    const cpuBefore = cpuMs(context.server.pid);
    await inParallel(numbered, clients, ({ s, i }) => post(s, i));
    httpSeconds = (performance.now() - started) / 1000;
    serverCpuMs = cpuMs(context.server.pid) - cpuBefore;
    if (refused.length) throw new Error(`${refused.length} of ${samples.length} submissions were refused, e.g. ${refused[0]}`);
    const pool = await connectPostgres(context.databaseUrl, 10);
    started = performance.now();
    // The reference: the same report as one INSERT, with nothing around it (no routing, screening,
    // events, idempotency or tile invalidation).
    await inParallel(numbered, clients, async ({ s, i }) => {
      await pool.query(sql`
        INSERT INTO reports (code, category_code, description, status, location, accuracy_m, channel,
                             city_code, kecamatan_code, kelurahan_code, department_code, routing_explanation)
        VALUES (${`BEN-${String(i).padStart(6, '0')}`}, ${s.category}, ${`[bench] laporan uji beban nomor ${i}`}, 'published',
                ST_SetSRID(ST_MakePoint(${s.lon}, ${s.lat}), 4326), 8, 'web',
                ${s.city}, ${s.kecamatan}, ${s.kelurahan}, ${s.department}, '{}')`);
    });
    plainSeconds = (performance.now() - started) / 1000;
    await pool.close();
  } finally {
    await deleteAddedReports(context, lastId);
  }

  const ingestRps = round(samples.length / httpSeconds);
  const plainRps = round(samples.length / plainSeconds);
  context.log(`ingest: ${samples.length} reports by ${clients} clients in ${httpSeconds.toFixed(1)} s (${held} held for moderation), server process CPU ${round(serverCpuMs / samples.length, 2)} ms a report; plain INSERT ${plainSeconds.toFixed(1)} s`);
  rows.push({
    area: 'ingest', figure: `POST /api/reports @${clients} clients`, value: ingestRps, unit: 'reports/s',
    limit: { value: targetRps, kind: 'above', unit: 'reports/s' },
    reference: { label: 'plain INSERT', value: plainRps },
  });
  // The limit is either figure: 500 reports/s, or 0.55 of what a plain INSERT manages on the same
  // machine in the same run (the machine's own speed taken out).
  const ofPlain = round(ingestRps / plainRps, 2);
  rows.push({
    area: 'ingest', figure: 'POST /api/reports as a share of plain INSERT', value: ofPlain, unit: '×',
    limit: { value: targetShareOfPlain, kind: 'above', unit: '×' },
  });
  Object.assign(context.results, {
    ingest_rps: ingestRps, plain_insert_rps: plainRps, ingest_share_of_plain_insert: ofPlain,
    ingest_server_cpu_ms_per_report: round(serverCpuMs / samples.length, 2),
    ingest_settings: { clients, submissions: samples.length, held_for_moderation: held, TRUST_PROXY: '127.0.0.1', SOURCE_BURST_LIMIT: 'default (5)', distinct_client_addresses: true },
  });
};
