import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { basemapLayers, currentBasemapImport } from '../basemap/tile-layers.ts';
import { boundaryLayers } from '../boundaries/tile-layers.ts';
import { filterKey, parseReportFilter, ReportFilterQuery } from '../reports/filters.ts';
import { firstPointZoom, reportsLayer } from '../reports/tile-layers.ts';
import { errorResponses } from '../http/responses.ts';
import { TileJson, tileResponses } from './responses.ts';
import { sendTile } from './serve.ts';
import { checkTile, TileParams } from './tile-params.ts';
import { tileJson } from './tilejson.ts';

export const tileRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/tiles/reports/:z/:x/:y.mvt', {
    schema: {
      tags: ['tiles'],
      summary: 'Public reports as Mapbox Vector Tile 2.1 (layer "reports")',
      description: `Clusters (point_count, top_category, n_<category>) below zoom ${firstPointZoom}; ` +
        `every report as a point (code, category, status, created_at) from zoom ${firstPointZoom} up.`,
      params: TileParams,
      querystring: ReportFilterQuery,
      response: tileResponses,
    },
    // sendTile keeps each tile gzipped already; the compression plugin's hook would only look.
    compress: false,
  }, async (request, reply) => {
    const filter = parseReportFilter(request.query);
    return sendTile(app.tileCache, {
      source: 'reports',
      variant: filterKey(filter),
      layers: [reportsLayer(filter)],
      tile: checkTile(request.params),
      readPath: () => app.reportTileReads.read(),
      // A changed report must show within a second. Shared caches count freshness in whole
      // seconds (nginx: max-age=1 can live ~2 s), so every cache revalidates every use and
      // the strong ETag makes that a 304 from this instance's memory (docs/scaling.md).
      cacheControl: 'public, no-cache',
    }, request, reply);
  });

  app.get('/tiles/kelurahan/:z/:x/:y.mvt', {
    schema: {
      tags: ['tiles'],
      summary: 'Boundaries as Mapbox Vector Tile 2.1 (layers kecamatan, kelurahan, kecamatan_label, kelurahan_label)',
      params: TileParams,
      response: tileResponses,
    },
  }, async (request, reply) => {
    return sendTile(app.tileCache, {
      source: 'kelurahan',
      variant: '',
      layers: boundaryLayers,
      tile: checkTile(request.params),
      readPath: () => app.reads.after(undefined),
      // Boundaries change with a yearly decree: a day fresh, then served while revalidated.
      cacheControl: 'public, max-age=86400, stale-while-revalidate=604800',
    }, request, reply);
  });

  app.get('/tiles/basemap/:z/:x/:y.mvt', {
    schema: {
      tags: ['tiles'],
      summary: 'The self-hosted base map as Mapbox Vector Tile 2.1 (layers roads, waterways, water, places, pois)',
      description: 'Drawn from the last OpenStreetMap extract imported with npm run basemap:import; 204 everywhere before one is.',
      params: TileParams,
      response: tileResponses,
    },
  }, async (request, reply) => {
    const tile = checkTile(request.params);
    // The import the database shows now is part of the cache key: an import from a script
    // replaces the map without telling this instance, and the old tiles are then never served.
    const readPath = await app.reads.after(undefined);
    const importId = await currentBasemapImport(readPath.db);
    return sendTile(app.tileCache, {
      source: 'basemap',
      variant: String(importId),
      layers: basemapLayers,
      tile,
      readPath: async () => readPath,
      // Revalidated on every use, so that a browser sees a new import at once; unchanged
      // tiles cost a 304 from memory.
      cacheControl: 'public, no-cache',
    }, request, reply);
  });

  app.get('/tiles/reports.json', {
    schema: { tags: ['tiles'], summary: 'TileJSON 3.0 of the reports tiles', response: { 200: TileJson, ...errorResponses(500) } },
  },
    async (request) => tileJson(request, 'reports'));
  app.get('/tiles/kelurahan.json', {
    schema: { tags: ['tiles'], summary: 'TileJSON 3.0 of the boundary tiles', response: { 200: TileJson, ...errorResponses(500) } },
  },
    async (request) => tileJson(request, 'kelurahan'));
  app.get('/tiles/basemap.json', {
    schema: { tags: ['tiles'], summary: 'TileJSON 3.0 of the base map tiles', response: { 200: TileJson, ...errorResponses(500) } },
  },
    async (request) => tileJson(request, 'basemap'));
};
