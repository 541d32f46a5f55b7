import { sql, type Queryable } from '../db/database.ts';

/**
 * Back-off after failed sign-ins, per client address and per (address, e-mail) pair, never per
 * account (migration 0091): failures from one address slow down that address only, so the owner
 * signing in from anywhere else is never refused. After `free` failures in a row each further
 * failure blocks for 30 s, doubling up to 15 minutes (OWASP Authentication Cheat Sheet:
 * throttle rather than lock, so the lock cannot be turned against the user).
 */
const rules = {
  // One person mistyping their own password.
  pair: { free: 4 },
  // An office behind one address where several officers mistype: enough room for them, while a
  // guesser trying many e-mails from one address soon waits too.
  address: { free: 19 },
};
const firstBlockSeconds = 30;
const longestBlockSeconds = 15 * 60;
// A failure this long ago no longer counts: the next one starts afresh.
const forgetAfter = sql`interval '1 hour'`;

/**
 * The part of a client address that one client controls: an IPv6 client usually holds a whole
 * /64, so its addresses there count as one.
 */
export function clientKey(ip: string): string {
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (v4) return v4[1];
  if (!ip.includes(':')) return ip;
  const [head, tail] = ip.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

const keysOf = (ip: string, email: string) => {
  const client = clientKey(ip);
  return {
    pair: `pair|${client}|${email.trim().toLowerCase()}`,
    address: `address|${client}`,
  };
};

/** Seconds until an attempt for this e-mail from this address may be checked; 0 when it may now. */
export async function secondsBlocked(db: Queryable, ip: string, email: string): Promise<number> {
  const { pair, address } = keysOf(ip, email);
  const [row] = await db.query<{ seconds: number }>(sql`
    SELECT COALESCE(ceil(max(extract(epoch FROM blocked_until - now()))), 0)::int AS seconds
    FROM login_throttle
    WHERE key IN (${pair}, ${address}) AND blocked_until > now()`);
  return row.seconds;
}

async function countFailure(db: Queryable, key: string, free: number): Promise<void> {
  const failures = sql`CASE WHEN t.last_failure_at < now() - ${forgetAfter} THEN 1 ELSE t.failures + 1 END`;
  await db.query(sql`
    INSERT INTO login_throttle AS t (key, failures, last_failure_at, blocked_until)
    VALUES (${key}, 1, now(), NULL)
    ON CONFLICT (key) DO UPDATE SET
      failures = ${failures},
      last_failure_at = now(),
      blocked_until = CASE WHEN ${failures} > ${free}
        THEN now() + least(${longestBlockSeconds}, ${firstBlockSeconds} * power(2, ${failures} - ${free} - 1))
                     * interval '1 second'
        END`);
}

let failuresSinceSweep = 0;
const sweepEvery = 100;

/** Counts a failed sign-in (unknown e-mail or wrong password alike) for its address and pair. */
export async function recordFailure(db: Queryable, ip: string, email: string): Promise<void> {
  const { pair, address } = keysOf(ip, email);
  await countFailure(db, pair, rules.pair.free);
  await countFailure(db, address, rules.address.free);
  if (++failuresSinceSweep % sweepEvery === 0) {
    await db.query(sql`
      DELETE FROM login_throttle
      WHERE last_failure_at < now() - ${forgetAfter} AND (blocked_until IS NULL OR blocked_until < now())`);
  }
}

/**
 * After a successful sign-in the pair starts afresh; the address keeps its count, or a guesser
 * holding one account could clear their address by signing into it between guesses.
 */
export async function forgetPair(db: Queryable, ip: string, email: string): Promise<void> {
  await db.query(sql`DELETE FROM login_throttle WHERE key = ${keysOf(ip, email).pair}`);
}
