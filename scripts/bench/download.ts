// One download read to its end: when the first byte of the body arrived (what a person waiting
// for a file sees first) and when the last did. Shared by the export benches.

/** Any export, at any report count, starts arriving within this (issue 15). */
export const firstByteLimitMs = 1000;

export interface Download {
  status: number;
  /** From sending the request to the first chunk of the body, ms. */
  firstByteMs: number;
  /** From sending the request to the end of the body, ms. */
  totalMs: number;
  bytes: number;
  /** Line feeds in the body: rows of a CSV or NDJSON, features of the exports' GeoJSON. */
  newlines: number;
}

/** Reads `url` to the end; throws, with the start of the body, on an answer other than 200. */
export async function readDownload(url: string, headers: Record<string, string> = {}): Promise<Download> {
  const started = performance.now();
  const response = await fetch(url, { headers });
  if (!response.ok || !response.body) {
    throw new Error(`${url}: HTTP ${response.status} ${(await response.text()).slice(0, 300)}`);
  }
  let firstByteMs = Number.NaN;
  let bytes = 0;
  let newlines = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    if (bytes === 0 && chunk.length) firstByteMs = performance.now() - started;
    bytes += chunk.length;
    for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) newlines++;
  }
  return { status: response.status, firstByteMs, totalMs: performance.now() - started, bytes, newlines };
}
