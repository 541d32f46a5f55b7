import { connectPostgres } from '../../server/src/db/postgres.ts';
import { sql } from '../../server/src/db/database.ts';
import { routeReport } from '../../server/src/reports/routing.ts';
import { findPossibleDuplicates } from '../../server/src/lifecycle/possible-duplicates.ts';
import { decidePublication, sourceHash } from '../../server/src/moderation/decide.ts';
import { insertReport } from '../../server/src/reports/queries.ts';
import { addEvent } from '../../server/src/lifecycle/queries.ts';
import { assignDueAt } from '../../server/src/deadlines/due-at.ts';
import { findPublicReport } from '../../server/src/reports/queries.ts';
const db = await connectPostgres(`postgres://postgres@127.0.0.1:5432/${process.argv[2]}`, 2);
const samples = await db.query<any>(sql`SELECT ST_X(location) AS lon, ST_Y(location) AS lat, category_code AS category FROM reports ORDER BY md5(id::text) LIMIT 200`);
const t: Record<string, number> = {};
const time = async <T>(k: string, f: () => Promise<T>) => { const s = performance.now(); const r = await f(); t[k] = (t[k] ?? 0) + performance.now() - s; return r; };
class Rollback extends Error {}
for (const [i, s] of samples.entries()) {
  await time('category', () => db.query(sql`SELECT 1 FROM categories WHERE code = ${s.category}`));
  const routing = await time('route', () => routeReport(db, s.lon, s.lat, s.category));
  await time('duplicates', () => findPossibleDuplicates(db, { lon: s.lon, lat: s.lat, category: s.category, radiusM: 50, windowDays: 30 }));
  await time('moderation', () => decidePublication(db, { description: 'Jalan berlubang di depan gang', categoryCode: s.category, sourceHash: sourceHash(`x${i}`), moderateAll: false, burstLimit: 5 }));
  await db.transaction(async (tx) => {
    const r = await time('insert', () => insertReport(tx, { code: `STP-${String(i).padStart(6, '0')}`, categoryCode: s.category, description: 'Jalan berlubang di depan gang', status: 'published', lon: s.lon, lat: s.lat, channel: 'web', cityCode: routing.cityCode, kecamatanCode: routing.kecamatanCode, kelurahanCode: routing.kelurahanCode, departmentCode: routing.departmentCode, routingExplanation: routing.explanation }));
    await time('events', async () => {
      await addEvent(tx, { reportId: r!.id, kind: 'submitted', actor: 'resident', newValue: { status: 'submitted' }, isPublic: true });
      await addEvent(tx, { reportId: r!.id, kind: 'published', actor: 'system', oldValue: { status: 'submitted' }, newValue: { status: 'published' }, isPublic: true });
      await addEvent(tx, { reportId: r!.id, kind: 'routed', actor: 'system', newValue: routing.explanation, isPublic: false });
    });
    await time('due_at', () => assignDueAt(tx, r!.id));
    await time('public_view', () => findPublicReport(tx as any, `STP-${String(i).padStart(6, '0')}`, true));
    throw new Rollback();
  }).catch((e) => { if (!(e instanceof Rollback)) throw e; });
}
for (const [k, v] of Object.entries(t)) console.log(k.padEnd(12), (v / samples.length).toFixed(2), 'ms per report');
await db.close();
