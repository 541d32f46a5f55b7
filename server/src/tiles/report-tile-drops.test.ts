import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeTile } from '../../../tiles/src/decode.ts';
import { tilesContaining, type TileCoord } from '../../../tiles/src/index.ts';
import { createTestApp, type TestApp } from '../test/app.ts';
import { eventually } from '../test/eventually.ts';
import { immediateFromZoom, lowZoomFreshnessMs } from './report-tile-drops.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

// Near Tangerang's city hall: every point below lies in one z10 tile, each in its own z14 tile row.
const origin = { lon: 106.631, lat: -6.176 };
const lowZoom = 10;
const tileAt = (z: number, lon: number, lat: number) => tilesContaining(lon, lat, z, z)[0];

const getTile = async (tile: TileCoord, etag?: string) => {
  const res = await t.app.inject({
    method: 'GET', url: `/tiles/reports/${tile.z}/${tile.x}/${tile.y}.mvt`,
    headers: etag ? { 'if-none-match': etag } : {},
  });
  const reports = res.rawPayload.length ? decodeTile(res.rawPayload).reports ?? [] : [];
  return {
    status: res.statusCode,
    etag: String(res.headers.etag),
    rendered: res.headers['x-read-from'] !== 'cache',
    reportCount: reports.reduce((sum, f) => sum + Number(f.properties.point_count ?? 1), 0),
  };
};

const submit = async (lon: number, lat: number, n: number) => {
  const res = await t.app.inject({
    method: 'POST', url: '/api/reports',
    payload: { category: 'sampah', description: `Tumpukan sampah nomor ${n} di pinggir jalan`, lon, lat },
  });
  expect(res.statusCode).toBe(201);
};

describe('report tiles under a burst of reports', () => {
  it(`renders a z${lowZoom} tile at most once per ${lowZoomFreshnessMs} ms, while z${immediateFromZoom}+ tiles change at once`, async () => {
    const low = tileAt(lowZoom, origin.lon, origin.lat);
    const before = await getTile(low);
    let renders = before.rendered ? 1 : 0;
    // A visitor reloading the low-zoom tile throughout the burst, one request at a time, so each
    // render is seen once.
    let bursting = true;
    const visitor = (async () => {
      while (bursting) {
        if ((await getTile(low)).rendered) renders++;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();

    // 20 reports a second for about 3 s: longer than the bound, so the bound is what is tested.
    const burst = 60, everyMs = 50;
    const started = Date.now();
    for (let n = 0; n < burst; n++) {
      await new Promise((resolve) => setTimeout(resolve, started + n * everyMs - Date.now()));
      const lon = origin.lon + n * 0.0003, lat = origin.lat - n * 0.0002;
      expect(tileAt(lowZoom, lon, lat)).toEqual(low);
      const high = tileAt(immediateFromZoom, lon, lat);
      const previous = await getTile(high);
      await submit(lon, lat, n);
      // From zoom 14 the answer to the write is never followed by a stale tile.
      const after = await getTile(high);
      expect(after.rendered).toBe(true);
      expect(after.reportCount).toBe(previous.reportCount + 1);
      expect(after.etag).not.toBe(previous.etag);
    }
    const burstMs = Date.now() - started;
    // The visitor stops before the check below starts asking: two requests that arrive during
    // one render share it and both say they were rendered, which would count that render twice.
    bursting = false;
    await visitor;

    // Every report of the burst reaches the low-zoom tile within the bound of the last one.
    const shown = await eventually(async () => {
      const now = await getTile(low);
      if (now.rendered) renders++;
      return now.reportCount === before.reportCount + burst && now;
    }, { what: `the z${lowZoom} tile to count the whole burst`, timeoutMs: lowZoomFreshnessMs + 1000, intervalMs: 25 });

    expect(burstMs).toBeGreaterThan(lowZoomFreshnessMs);
    expect(renders).toBeLessThanOrEqual(Math.ceil(burstMs / lowZoomFreshnessMs) + 1);
    // The changed tile has a new validator: a client holding the old one gets the new tile.
    expect(shown.etag).not.toBe(before.etag);
    expect((await getTile(low, before.etag)).status).toBe(200);
    expect((await getTile(low, shown.etag)).status).toBe(304);
  });

  it(`shows a report in a z${lowZoom} tile within ${lowZoomFreshnessMs} ms of its answer`, async () => {
    const lon = 106.64, lat = -6.19;
    const low = tileAt(lowZoom, lon, lat);
    const before = await getTile(low);
    await submit(lon, lat, 100);
    const answered = Date.now();
    await eventually(async () => (await getTile(low)).reportCount === before.reportCount + 1,
      { what: `the z${lowZoom} tile to count the new report`, timeoutMs: lowZoomFreshnessMs + 500, intervalMs: 25 });
    // The bound plus one render of a small tile.
    expect(Date.now() - answered).toBeLessThan(lowZoomFreshnessMs + 500);
  });
});
