import type { FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import { firstPointZoom } from '../reports/tile-layers.ts';
import type { TileJson } from './responses.ts';

// Bounds of the two seeded cities (data/boundaries/SOURCE.md), lon/lat.
const bounds = [106.551454, -6.362263, 106.779863, -6.097069];
const center = [106.665, -6.23, 11];

const sources = {
  reports: {
    name: 'PetaWarga reports',
    description: 'Public reports: clusters below zoom 17, individual reports from zoom 17.',
    maxzoom: firstPointZoom,
    vector_layers: [{
      id: 'reports',
      description: 'Clusters (cluster=true) or reports (cluster=false)',
      fields: {
        cluster: 'Boolean', point_count: 'Number', point_count_abbreviated: 'String', top_category: 'String',
        code: 'String', category: 'String', status: 'String', created_at: 'String',
      },
    }],
  },
  kelurahan: {
    name: 'PetaWarga boundaries',
    description: 'Kecamatan and kelurahan of Kota Tangerang and Kota Tangerang Selatan',
    maxzoom: 16,
    vector_layers: [
      { id: 'kecamatan', fields: { code: 'String', name: 'String', city_code: 'String' } },
      { id: 'kelurahan', fields: { code: 'String', name: 'String', kecamatan_code: 'String', kecamatan_name: 'String', city_code: 'String' } },
      { id: 'kecamatan_label', fields: { code: 'String', name: 'String' } },
      { id: 'kelurahan_label', fields: { code: 'String', name: 'String' } },
    ],
  },
  basemap: {
    name: 'PetaWarga base map',
    description: 'Roads, waterways, water, markets, schools, mosques and places from the imported OpenStreetMap extract',
    maxzoom: 16,
    vector_layers: [
      { id: 'roads', description: 'kind: major (from zoom 10), minor (13), path (15)', fields: { kind: 'String', name: 'String' } },
      { id: 'waterways', description: 'kind: river, canal, drain', fields: { kind: 'String', name: 'String' } },
      { id: 'water', fields: { name: 'String' } },
      { id: 'places', description: 'kind: the OSM place value', fields: { kind: 'String', name: 'String' } },
      { id: 'pois', description: 'kind: market, school, mosque (from zoom 14)', fields: { kind: 'String', name: 'String' } },
    ],
  },
} as const;

const attributions: Record<keyof typeof sources, string> = {
  reports: 'Laporan: PetaWarga, CC BY 4.0 (/open-data)',
  kelurahan: 'Batas wilayah: cahyadsn/wilayah_boundaries (MIT), Kepmendagri 300.2.2-2430/2025',
  basemap: '© OpenStreetMap contributors (ODbL)',
};

/** TileJSON 3.0.0; query parameters (filters) are carried into the tile URL template. */
export function tileJson(request: FastifyRequest, source: keyof typeof sources): Static<typeof TileJson> {
  const origin = `${request.protocol}://${request.host}`;
  const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
  return {
    tilejson: '3.0.0',
    ...sources[source],
    vector_layers: sources[source].vector_layers.map((layer) => ({ ...layer })),
    tiles: [`${origin}/tiles/${source}/{z}/{x}/{y}.mvt${query}`],
    minzoom: 0,
    bounds: [...bounds],
    center: [...center],
    scheme: 'xyz',
    attribution: attributions[source],
  };
}
