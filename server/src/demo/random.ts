import { sql, type Sql } from '../db/database.ts';

// Randomness inside SQL that depends only on (seed, key, stream): a hash, not random(), so a
// row's draws do not depend on the order or parallelism in which PostgreSQL visits rows.
// hashint8extended is PostgreSQL's own 64-bit hash (stable: hash partitioning relies on it).

const streams = 64;

/** A uniform number in [0, 1) for this key; distinct streams give independent draws. */
export function uniform(seed: number, key: Sql, stream: number): Sql {
  if (stream < 0 || stream >= streams) throw new Error(`stream ${stream} out of range`);
  // The low 53 bits of the hash, scaled: every float8 in [0, 1) with 2^-53 resolution.
  return sql`((hashint8extended((${key}) * ${streams} + ${stream}, ${seed}::bigint) & 9007199254740991)::float8
              / 9007199254740992.0)`;
}

// The tracking-code alphabet of reference/tracking-code.ts (no 0/O, 1/I/L, U): 30^6 bodies.
const alphabet = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 'TGR-7K3P9Q'-style code: six base-30 digits of a hash of (seed, key, attempt). */
export function trackingCode(seed: number, prefix: Sql, key: Sql, attempt: Sql): Sql {
  // 40 bits, so that the 30^6 bodies are equally likely to within 1 in 1,500.
  const body = sql`(hashint8extended((${key}) * 1024 + (${attempt}), ${seed}::bigint) & 1099511627775)`;
  const digits = [0, 1, 2, 3, 4, 5].map(
    (i) => sql`substr(${alphabet}, (${body} / ${30 ** i} % 30)::int + 1, 1)`,
  );
  return sql`${prefix} || '-' || ${digits[0]} || ${digits[1]} || ${digits[2]} || ${digits[3]} || ${digits[4]} || ${digits[5]}`;
}
