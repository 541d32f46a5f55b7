// Abuse: what one client can cost the server, against the real server with its default limits.
// - A 10000 × 10000 PNG (real, a few hundred KB): the time to its refusal, beside the time the
//   same file takes to decode in this process (what it cost when the server decoded it).
// - 8 residents at once each sending 3 photos of 12 MP: how long /api/categories takes meanwhile,
//   beside the same request on an idle server (photos decode two at a time, reports/photos.ts).
// - One carrier address: 100 phones sending a report each, and one phone sending 100: how many
//   were published, held for a moderator and refused (rate-limit/public-writes.ts).
// - Analytics: an anonymous address past its budget of new computations, the time of the 429
//   and of a cached answer meanwhile.
// Each simulated client has its own address through X-Forwarded-For (TRUST_PROXY=127.0.0.1).
// Every added report is deleted afterwards.
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { sql } from '../../server/src/db/database.ts';
import type { BenchArea } from './context.ts';
import { deleteAddedReports } from './ingest.ts';
import { percentile, round } from './stats.ts';
import { rows } from './table.ts';

// Kelurahan Sukarasa, Kota Tangerang.
const pin = { lon: 106.632, lat: -6.17 };
let nextAddress = 1;
const freshAddress = () => `10.77.${(nextAddress >> 8) & 255}.${nextAddress++ & 255}`;

function reportForm(photos: Buffer[], i: number): FormData {
  const form = new FormData();
  form.set('category', 'jalan_rusak');
  form.set('description', `Jalan berlubang di depan pasar, uji penyalahgunaan ${i}`);
  form.set('lat', String(pin.lat));
  form.set('lon', String(pin.lon));
  for (const [n, photo] of photos.entries()) form.append('photos', new Blob([new Uint8Array(photo)], { type: 'image/png' }), `p${n}.png`);
  return form;
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

export const abuseBench: BenchArea = async (context) => {
  const base = context.server.url;
  const [{ last_id: lastId }] = await context.db.query<{ last_id: number }>(sql`SELECT coalesce(max(id), 0)::int AS last_id FROM reports`);
  const post = (body: FormData | object, address: string, deviceId?: string) => fetch(`${base}/api/reports`, {
    method: 'POST',
    headers: {
      'x-forwarded-for': address,
      ...(deviceId ? { 'x-device-id': deviceId } : {}),
      ...(body instanceof FormData ? {} : { 'content-type': 'application/json' }),
    },
    body: body instanceof FormData ? body : JSON.stringify(body),
  });
  try {
    // The huge PNG: refused from its header.
    const huge = await sharp({ create: { width: 10_000, height: 10_000, channels: 3, background: '#808080' } })
      .png({ compressionLevel: 9 }).toBuffer();
    const decode = await timed(() => sharp(huge, { limitInputPixels: false }).resize(2048, 2048, { fit: 'inside' }).jpeg().toBuffer());
    const refusals: number[] = [];
    for (let i = 0; i < 5; i++) {
      const { ms, value: response } = await timed(() => post(reportForm([huge], i), freshAddress(), randomUUID()));
      const body = await response.json() as { error?: { code: string } };
      if (body.error?.code !== 'PHOTO_TOO_MANY_PIXELS') throw new Error(`the 10000 × 10000 PNG was not refused: HTTP ${response.status}`);
      refusals.push(ms);
    }
    const refusalMs = percentile(refusals, 50);
    context.log(`abuse: a ${Math.round(huge.length / 1024)} KB PNG of 10000 × 10000 refused in ${refusalMs.toFixed(1)} ms (median of 5); decoding it takes ${decode.ms.toFixed(0)} ms`);
    rows.push({
      area: 'abuse', figure: 'refusal of a 10000×10000 PNG', value: round(refusalMs), unit: 'ms',
      limit: { value: 100, kind: 'below', unit: 'ms' }, reference: { label: 'decoding it', value: round(decode.ms) },
    });

    // Many photos at once: does the rest of the server stay answerable?
    const photo = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
      .jpeg({ quality: 85 }).toBuffer();
    const probe = async (until: () => boolean) => {
      const samples: number[] = [];
      do samples.push((await timed(() => fetch(`${base}/api/categories`).then((r) => r.arrayBuffer()))).ms);
      while (until());
      return samples;
    };
    const idle = await probe(((n) => () => --n > 0)(50));
    let uploading = true;
    const busy = probe(() => uploading);
    const uploads = await timed(() => Promise.all(Array.from({ length: 8 }, async (_, i) => {
      const response = await post(reportForm([photo, photo, photo], i), freshAddress(), randomUUID());
      if (response.status !== 201) throw new Error(`a photo upload was refused: HTTP ${response.status} ${await response.text()}`);
    })));
    uploading = false;
    const during = await busy;
    const duringP95 = percentile(during, 95);
    context.log(`abuse: 8 uploads of 3 × 12 MP photos in ${(uploads.ms / 1000).toFixed(1)} s; GET /api/categories meanwhile p95 ${duringP95.toFixed(1)} ms (${during.length} requests), idle p95 ${percentile(idle, 95).toFixed(1)} ms`);
    rows.push({
      area: 'abuse', figure: 'GET /api/categories p95 during 8×3 photo uploads', value: round(duringP95), unit: 'ms',
      limit: { value: 250, kind: 'below', unit: 'ms' }, reference: { label: 'idle', value: round(percentile(idle, 95)) },
    });

    // One carrier address: many phones, or one phone flooding.
    const tally = async (requests: () => Promise<Response>[]) => {
      const counts = { published: 0, held: 0, refused: 0, other: 0 };
      for (const response of await Promise.all(requests())) {
        const body = await response.json() as { status?: string };
        if (response.status === 429) counts.refused++;
        else if (response.status !== 201) counts.other++;
        else if (body.status === 'published') counts.published++;
        else counts.held++;
      }
      return counts;
    };
    const json = (i: number) => ({ category: 'jalan_rusak', description: `Jalan berlubang di depan pasar, uji ${i}`, ...pin });
    const crowdAddress = freshAddress();
    const crowd = await tally(() => Array.from({ length: 100 }, (_, i) => post(json(i), crowdAddress, randomUUID())));
    const floodAddress = freshAddress();
    const flooder = randomUUID();
    const flood = await timed(() => tally(() => Array.from({ length: 100 }, (_, i) => post(json(i), floodAddress, flooder))));
    context.log(`abuse: 100 phones behind one address: ${JSON.stringify(crowd)}; one phone sending 100 in ${flood.ms.toFixed(0)} ms: ${JSON.stringify(flood.value)}`);

    // Analytics past the budget (ANALYTICS_COMPUTE_BUDGET, 10 a minute by default).
    const analyticsAddress = freshAddress();
    const analytics = (since: string) => timed(() => fetch(`${base}/api/analytics/kelurahan?since=${since}`, {
      headers: { 'x-forwarded-for': analyticsAddress },
    }).then(async (r) => ({ status: r.status, bytes: (await r.arrayBuffer()).byteLength })));
    const statuses: number[] = [];
    for (let day = 1; day <= 12; day++) statuses.push((await analytics(`2025-01-${String(day).padStart(2, '0')}`)).value.status);
    const refusedTimes: number[] = [];
    const cachedTimes: number[] = [];
    for (let i = 0; i < 20; i++) {
      const refused = await analytics(`2025-02-${String(i + 1).padStart(2, '0')}`);
      if (refused.value.status !== 429) throw new Error(`an analytics request past the budget answered ${refused.value.status}`);
      refusedTimes.push(refused.ms);
      const cached = await analytics('2025-01-01');
      if (cached.value.status !== 200) throw new Error(`a cached analytics result answered ${cached.value.status}`);
      cachedTimes.push(cached.ms);
    }
    context.log(`abuse: analytics from one address, 12 new parameter sets: ${statuses.join(' ')}; past the budget a 429 in ${percentile(refusedTimes, 50).toFixed(1)} ms, a cached result in ${percentile(cachedTimes, 50).toFixed(1)} ms (medians of 20)`);
    rows.push({
      area: 'abuse', figure: 'analytics 429 past the budget (median)', value: round(percentile(refusedTimes, 50)), unit: 'ms',
      limit: { value: 50, kind: 'below', unit: 'ms' }, reference: { label: 'cached result', value: round(percentile(cachedTimes, 50)) },
    });

    Object.assign(context.results, {
      abuse_huge_png_refusal_ms: round(refusalMs), abuse_huge_png_decode_ms: round(decode.ms), abuse_huge_png_kb: Math.round(huge.length / 1024),
      abuse_categories_p95_during_uploads_ms: round(duringP95), abuse_categories_p95_idle_ms: round(percentile(idle, 95)),
      abuse_uploads_8x3_seconds: round(uploads.ms / 1000, 2),
      abuse_one_address_100_phones: crowd, abuse_one_phone_100_reports: flood.value,
      abuse_analytics_statuses: statuses, abuse_analytics_429_ms: round(percentile(refusedTimes, 50)),
      abuse_analytics_cached_ms: round(percentile(cachedTimes, 50)),
    });
  } finally {
    await deleteAddedReports(context, lastId);
  }
};
