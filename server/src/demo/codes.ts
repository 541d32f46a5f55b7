import { sql, type Queryable } from '../db/database.ts';
import { trackingCode } from './random.ts';

// Tracking codes for the routed slots. 30^6 ≈ 729 million bodies per city prefix, so among a
// million reports about 170 pairs collide by chance (birthday bound n²/2m per city), and a
// second seed with the same seed collides everywhere. A slot whose code is taken by an
// existing report, or by a lower slot, draws again with the next attempt number until all
// codes are unique. Run it while holding the lock on reports (see load.ts), so no concurrent
// submission can take a code between this check and the insert.

const maxAttempts = 20;

export async function assignTrackingCodes(tx: Queryable, seed: number): Promise<void> {
  await tx.query(sql`
    CREATE TEMP TABLE demo_code ON COMMIT DROP AS
    SELECT r.slot, c.code_prefix, 0 AS attempt, ${trackingCode(seed, sql`c.code_prefix`, sql`r.slot`, sql`0`)} AS code
    FROM demo_routed r JOIN cities c ON c.code = r.city_code`);
  await tx.query(sql`CREATE INDEX ON demo_code (code)`);
  await tx.query(sql`ANALYZE demo_code`);

  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const redrawn = await tx.query(sql`
      UPDATE demo_code d
      SET attempt = d.attempt + 1,
          code = ${trackingCode(seed, sql`d.code_prefix`, sql`d.slot`, sql`d.attempt + 1`)}
      WHERE EXISTS (SELECT 1 FROM reports r WHERE r.code = d.code)
         OR EXISTS (SELECT 1 FROM demo_code o WHERE o.code = d.code AND o.slot < d.slot)
      RETURNING d.slot`);
    if (redrawn.length === 0) return;
  }
  throw new Error(`could not draw unused tracking codes in ${maxAttempts} rounds`);
}
