import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { basemapLabelLayers, basemapShapeLayers, basemapSourceId } from './basemap-layers.ts';
import { boundaryLayers, boundaryLabelLayerIds } from './boundary-layers.ts';
import { serviceAreaBounds } from './service-area.ts';
import { basemapTilesUrl, kelurahanTilesUrl } from './tile-urls.ts';

export const boundariesSourceId = 'boundaries';

const boundariesAttribution =
  'Batas wilayah: <a href="https://github.com/cahyadsn/wilayah_boundaries">cahyadsn/wilayah_boundaries</a> (MIT)';

const basemapAttribution = '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors';

/**
 * The map's own style: a plain background, the base map imported from an OpenStreetMap extract
 * and the kelurahan boundary tiles, all from our server. Nothing in it leaves the site: no
 * remote base map, no glyphs URL (labels are drawn from the bundled Noto Sans, see fonts.ts),
 * no sprite. Boundary lines lie over the base map's shapes, its names over the lines, and the
 * kelurahan and kecamatan names over everything, so they stay when no base map is imported.
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
      [basemapSourceId]: {
        type: 'vector',
        tiles: [basemapTilesUrl(origin)],
        minzoom: 0,
        maxzoom: 16,
        bounds: serviceAreaBounds,
        attribution: basemapAttribution,
      },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#dfe6e9' } },
      ...withBasemap(boundaryLayers(boundariesSourceId)),
    ],
  };
}

/** The boundary layers with the base map's shapes above the land fill and its names below the boundary names. */
function withBasemap(boundaries: LayerSpecification[]): LayerSpecification[] {
  const [landFill, ...rest] = boundaries;
  const lines = rest.filter((l) => !boundaryLabelLayerIds.includes(l.id));
  const labels = rest.filter((l) => boundaryLabelLayerIds.includes(l.id));
  return [landFill, ...basemapShapeLayers(basemapSourceId), ...lines, ...basemapLabelLayers(basemapSourceId), ...labels];
}
