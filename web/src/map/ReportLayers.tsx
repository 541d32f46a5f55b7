import type { Map as MapLibreMap, VectorTileSource } from 'maplibre-gl';
import { useEffect, useRef } from 'react';
import type { Category } from '../categories.ts';
import { addCategoryImages } from './category-images.ts';
import { enableReportInteractions } from './report-interactions.ts';
import { reportLayerIds, reportsSourceId } from './report-layers.ts';
import { reportPopupContent } from './report-popup.ts';
import { reportTilesUrl } from './tile-urls.ts';

interface Props {
  map: MapLibreMap;
  categories: Category[];
  /** Category codes to show; undefined shows all. */
  shownCategories?: string[];
  /** Bumped after a submission so the new report shows at once (see tile-urls.ts). */
  version?: number;
  /** Off while the resident places a pin: then a click on the map is theirs. */
  interactive: boolean;
}

/**
 * The public map's reports (added with the style, addReportLayers) kept in step with the filter,
 * with their category symbols and clicks.
 */
export function ReportLayers({ map, categories, shownCategories, version, interactive }: Props) {
  const nothingShown = shownCategories?.length === 0;
  const tilesUrl = reportTilesUrl(window.location.origin, { categories: shownCategories, version });
  // The URL the source was last given, so that a re-render with the same filter fetches nothing.
  const appliedTilesUrl = useRef(reportTilesUrl(window.location.origin, {}));

  useEffect(() => {
    // The symbols come as the images decode; MapLibre draws each point once its image is there.
    void addCategoryImages(map, categories);
  }, [map, categories]);

  useEffect(() => {
    // The tile URL has no way to say "no category", so an empty choice hides the layers.
    for (const id of reportLayerIds) map.setLayoutProperty(id, 'visibility', nothingShown ? 'none' : 'visible');
    if (nothingShown || tilesUrl === appliedTilesUrl.current) return;
    appliedTilesUrl.current = tilesUrl;
    map.getSource<VectorTileSource>(reportsSourceId)?.setTiles([tilesUrl]);
  }, [map, nothingShown, tilesUrl]);

  useEffect(() => {
    if (!interactive) return;
    return enableReportInteractions(map, (feature) => reportPopupContent(feature, categories));
  }, [map, categories, interactive]);

  return null;
}
