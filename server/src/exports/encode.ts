import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { exportFields } from './fields.ts';
import { dataLicence } from './licence.ts';
import type { ExportFormat, ExportRow } from './rows.ts';

export const mediaTypes: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  geojson: 'application/geo+json',
  ndjson: 'application/x-ndjson',
};

const csvColumns = exportFields.map((f) => f.name);

// Booleans as true/false and nulls as empty cells, which QGIS and spreadsheets read as such.
const csvValue = (value: unknown) => (value === null || value === undefined ? '' : typeof value === 'boolean' ? String(value) : value);

function csvChunk(rows: ExportRow[], header: boolean): string {
  return stringify(rows.map((row) => csvColumns.map((c) => csvValue(row[c]))), { header, columns: csvColumns });
}

// The FeatureCollection names its licence and attribution as foreign members (RFC 7946 §6.1),
// so a copy passed on keeps them.
const geojsonHead = `{"type":"FeatureCollection","licence":${JSON.stringify(dataLicence.id)},` +
  `"licence_url":${JSON.stringify(dataLicence.url)},"attribution":${JSON.stringify(dataLicence.attribution)},"features":[\n`;

/** The text of a whole export, chunk by chunk, from batches of rows (exports/rows.ts). */
export async function* encodeExport(format: ExportFormat, batches: AsyncIterable<ExportRow[]>): AsyncGenerator<string> {
  let first = true;
  if (format === 'geojson') yield geojsonHead;
  for await (const rows of batches) {
    if (format === 'csv') yield csvChunk(rows, first);
    else if (format === 'ndjson') yield rows.map((r) => `${r.feature as string}\n`).join('');
    else yield (first ? '' : ',\n') + rows.map((r) => r.feature as string).join(',\n');
    first = false;
  }
  if (format === 'csv' && first) yield csvChunk([], true);
  if (format === 'geojson') yield '\n]}\n';
}

/**
 * A byte stream of the export that reads the first batch before it is returned: a database out
 * of reach or a bad query is then an error answer (503, 400), not a 200 cut short.
 */
export async function exportStream(format: ExportFormat, batches: AsyncGenerator<ExportRow[]>): Promise<Readable> {
  const first = await batches.next();
  async function* all(): AsyncGenerator<ExportRow[]> {
    if (first.done) return;
    yield first.value;
    yield* batches;
  }
  const chunks = encodeExport(format, all());
  const stream = Readable.from(chunks, { objectMode: false });
  // A download stopped early: the cursor and its transaction are closed at once.
  stream.once('close', () => void batches.return(undefined).catch(() => undefined));
  return stream;
}
