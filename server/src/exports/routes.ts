import fs from 'node:fs';
import path from 'node:path';
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { appError } from '../http/error-catalogue.ts';
import { errorResponses, mediaContent, mediaResponse } from '../http/responses.ts';
import { parseReportFilter } from '../reports/filters.ts';
import { parseBbox } from '../reports/list.ts';
import { dictionary, dictionaryPage } from './dictionary.ts';
import { exportStream, mediaTypes } from './encode.ts';
import { licenceLink, openDataPage } from './licence.ts';
import { exportFormats, exportRows, type ExportFormat } from './rows.ts';
import { Dictionary, ExportCollectionBody, ExportLinesBody, ExportQuery, SnapshotList } from './schemas.ts';
import { listSnapshots, snapshotDir, snapshotFile } from './snapshots.ts';

const errors = errorResponses(400, 500, 503);

const bodies: Record<ExportFormat, object> = {
  csv: mediaResponse('text/csv', 'Every selected report, oldest first, one per row with a header; columns as in the data dictionary'),
  geojson: { description: 'A GeoJSON FeatureCollection', content: { 'application/geo+json': { schema: ExportCollectionBody } } },
  ndjson: { description: 'Newline-delimited GeoJSON Features', content: { 'application/x-ndjson': { schema: ExportLinesBody } } },
};

const licenceNote = `Licensed CC BY 4.0; every field is described at ${openDataPage} and GET /api/exports/dictionary.`;

export const exportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  for (const format of exportFormats) {
    app.get(`/api/exports/reports.${format}`, {
      schema: {
        tags: ['open data'],
        summary: `Every public report as ${format.toUpperCase()}, streamed`,
        description: `The list's filters apply (category, status, kelurahan, since, until, bbox); without them, every ` +
          `public report. No personal data; a sensitive category's point is the centre of its grid square. ${licenceNote} ` +
          'A fixed daily copy with its SHA-256: GET /api/exports/snapshots.',
        querystring: ExportQuery,
        response: { 200: bodies[format] as never, ...errors },
      },
    }, async (request, reply) => {
      const selection = { filter: parseReportFilter(request.query), bbox: request.query.bbox ? parseBbox(request.query.bbox) : undefined };
      const stream = await exportStream(format, exportRows(app.reads.db, format, selection));
      return reply
        .type(mediaTypes[format])
        .header('content-disposition', `attachment; filename="petawarga-reports.${format}"`)
        .header('link', licenceLink)
        .send(stream);
    });
  }

  app.get('/api/exports/dictionary', {
    schema: {
      tags: ['open data'],
      summary: 'The data dictionary: every exported field, its meaning and its licence',
      response: { 200: Dictionary, ...errorResponses(500) },
    },
  }, async () => dictionary());

  app.get(openDataPage, {
    schema: {
      tags: ['open data'],
      summary: 'The data dictionary and the licence, as a page for people',
      response: { 200: mediaResponse('text/html', 'The open-data page', 'text'), ...errorResponses(500) },
    },
  }, async (_request, reply) => reply.type('text/html; charset=utf-8').header('link', licenceLink).send(dictionaryPage()));

  app.get('/api/exports/snapshots', {
    schema: {
      tags: ['open data'],
      summary: 'The daily snapshots of every format (the last 7 days), newest first, with their SHA-256',
      response: { 200: SnapshotList, ...errorResponses(500) },
    },
  }, async () => ({
    snapshots: listSnapshots(app.config.dataDir).map((s) => ({
      ...s, url: `/api/exports/snapshots/${s.file}`, sha256_url: `/api/exports/snapshots/${s.file}.sha256`,
    })),
  }));

  app.get('/api/exports/snapshots/:file', {
    schema: {
      tags: ['open data'],
      summary: 'One daily snapshot, or its checksum (<file>.sha256, in sha256sum format)',
      params: Type.Object({ file: Type.String({ maxLength: 60, description: 'e.g. reports-2026-12-07.csv or reports-2026-12-07.csv.sha256' }) }),
      response: {
        200: {
          description: 'The snapshot file or its checksum',
          content: {
            ...mediaContent('text/csv', 'A CSV snapshot'),
            ...mediaContent('text/plain', 'A checksum: "<sha256>  <file>"', 'text'),
            'application/geo+json': { schema: ExportCollectionBody },
            'application/x-ndjson': { schema: ExportLinesBody },
          },
        } as never,
        ...errorResponses(404, 500),
      },
    },
  }, async (request, reply) => {
    const { file } = request.params;
    const isChecksum = file.endsWith('.sha256');
    const match = snapshotFile.exec(isChecksum ? file.slice(0, -'.sha256'.length) : file);
    const full = path.join(snapshotDir(app.config.dataDir), file);
    if (!match || !fs.existsSync(full)) throw appError('SNAPSHOT_NOT_FOUND', { file });
    const format = match[2] as ExportFormat;
    return reply
      .type(isChecksum ? 'text/plain; charset=utf-8' : mediaTypes[format])
      .header('content-length', String(fs.statSync(full).size))
      .header('content-disposition', `attachment; filename="${file}"`)
      .header('link', licenceLink)
      // A day's snapshot never changes once written.
      .header('cache-control', 'public, max-age=86400, immutable')
      .send(fs.createReadStream(full));
  });
};
