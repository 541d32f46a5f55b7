import { randomUUID } from 'node:crypto';
import sharp from 'sharp';

/** What the clients saw, counted as they went. */
export interface ClientFigures {
  requests: number;
  /** Idempotency-Key → tracking code, for every report the server acknowledged (200 or 201). */
  acknowledged: Map<string, string>;
  /** Keys sent at least once but never acknowledged before the clients stopped. */
  unacknowledged: Set<string>;
  status503: number;
  /** Any other 5xx: each is a failure. */
  other5xx: { status: number; body: string }[];
  /** 4xx other than 503's retry: each is a failure (the suite sends only valid reports). */
  refused: { status: number; body: string }[];
  /** No answer at all: refused or reset connections while the server was down or killed. */
  networkErrors: number;
}

// Points inside Kota Tangerang and Tangerang Selatan, jittered by up to ~300 m.
const places: [number, number][] = [[106.6402, -6.1803], [106.651, -6.19], [106.66, -6.2], [106.7, -6.29], [106.63, -6.17]];
const categories = ['jalan_rusak', 'sampah', 'banjir', 'lampu_jalan', 'drainase'];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A small photo of its own per client, so that reports differ in their photos too. */
async function photoOf(client: number): Promise<Blob> {
  const jpeg = await sharp({
    create: { width: 160, height: 120, channels: 3, background: { r: (client * 37) % 256, g: (client * 91) % 256, b: 120 } },
  }).jpeg().toBuffer();
  return new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' });
}

/** The fields of one report: the same on every retry, or the server refuses the reused key. */
function reportFields(key: string, client: number) {
  const [lon, lat] = places[client % places.length];
  return {
    category: categories[client % categories.length],
    // The key in the description lets the checks find a report stored twice even without its key row.
    description: `Laporan uji ketahanan ${key}: jalan berlubang dan saluran tersumbat`,
    lon: (lon + (Math.random() - 0.5) * 0.006).toFixed(6),
    lat: (lat + (Math.random() - 0.5) * 0.006).toFixed(6),
  };
}

function form(fields: Record<string, string>, photo: Blob): FormData {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.set(name, value);
  body.append('photos', photo, 'foto.jpg');
  return body;
}

/**
 * `clients` residents submitting reports with a photo and an Idempotency-Key until `until`,
 * each retrying its report with the same key until it is acknowledged: after Retry-After on
 * 503, after a short pause when the server does not answer. A report under way when time is
 * up is still retried, for at most `graceMs` more.
 */
export async function runClients(baseUrl: string, clients: number, until: number, graceMs: number): Promise<ClientFigures> {
  const figures: ClientFigures = {
    requests: 0, acknowledged: new Map(), unacknowledged: new Set(), status503: 0, other5xx: [], refused: [], networkErrors: 0,
  };
  const resident = async (client: number) => {
    const photo = await photoOf(client);
    while (Date.now() < until) {
      const key = `resilience-${randomUUID()}`;
      const fields = reportFields(key, client);
      figures.unacknowledged.add(key);
      for (let attempt = 0; Date.now() < until + graceMs; attempt++) {
        figures.requests++;
        let response: Response;
        try {
          response = await fetch(`${baseUrl}/api/reports`, {
            method: 'POST', headers: { 'idempotency-key': key }, body: form(fields, photo), signal: AbortSignal.timeout(30_000),
          });
        } catch {
          figures.networkErrors++;
          await sleep(Math.min(1000, 100 * 2 ** attempt) * (0.5 + Math.random() / 2));
          continue;
        }
        const text = await response.text();
        if (response.status === 200 || response.status === 201) {
          figures.acknowledged.set(key, JSON.parse(text).code);
          figures.unacknowledged.delete(key);
          break;
        }
        if (response.status === 503) {
          figures.status503++;
          const seconds = Number(response.headers.get('retry-after') ?? 1);
          await sleep(seconds * 1000 * (0.8 + Math.random() * 0.2));
          continue;
        }
        if (response.status >= 500) figures.other5xx.push({ status: response.status, body: text.slice(0, 300) });
        else {
          figures.refused.push({ status: response.status, body: text.slice(0, 300) });
          figures.unacknowledged.delete(key);
          break;
        }
        await sleep(500);
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, i) => resident(i)));
  return figures;
}
