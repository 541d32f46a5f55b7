import type { StyleSpecification } from 'maplibre-gl';
import { boundaryLayers } from './boundary-layers.ts';
import { serviceAreaBounds } from './service-area.ts';
import { kelurahanTilesUrl } from './tile-urls.ts';

export const boundariesSourceId = 'boundaries';

const boundariesAttribution =
  'Batas wilayah: <a href="https://github.com/cahyadsn/wilayah_boundaries">cahyadsn/wilayah_boundaries</a> (MIT)';

/**
 * The map's own style: a plain background and the kelurahan boundary tiles from our server.
 * Nothing in it leaves the site: no remote base map, no glyphs URL (labels are drawn from the
 * bundled Noto Sans, see fonts.ts), no sprite.
 */
export function offlineStyle(origin: string): StyleSpecification {
  return {
    version: 8,
    sources: {
      [boundariesSourceId]: {
        type: 'vector',
        tiles: [kelurahanTilesUrl(origin)],
        minzoom: 0,
        maxzoom: 16,
        bounds: serviceAreaBounds,
        attribution: boundariesAttribution,
      },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#dfe6e9' } },
      ...boundaryLayers(boundariesSourceId),
    ],
  };
}
