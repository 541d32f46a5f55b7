import type { Map as MapLibreMap, VectorTileSource } from 'maplibre-gl';
import { useEffect, useRef } from 'react';
import type { Category } from '../categories.ts';
import { watchRemoval } from './map-removal.ts';
import { addCategoryImages } from './category-images.ts';
import { enableReportInteractions } from './report-interactions.ts';
import { reportLayerIds, reportLayers, reportsAttribution, reportsSourceId } from './report-layers.ts';
import { reportPopupContent } from './report-popup.ts';
import { serviceAreaBounds } from './service-area.ts';
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

/** The reports source and layers on the public map, kept in step with the filter. */
export function ReportLayers({ map, categories, shownCategories, version, interactive }: Props) {
  const nothingShown = shownCategories?.length === 0;
  const tilesUrl = reportTilesUrl(window.location.origin, { categories: shownCategories, version });
  // The URL the source was last given, so that a re-render with the same filter fetches nothing.
  const appliedTilesUrl = useRef('');

  useEffect(() => {
    appliedTilesUrl.current = tilesUrl;
    map.addSource(reportsSourceId, {
      type: 'vector',
      tiles: [tilesUrl],
      minzoom: 0,
      maxzoom: 17,
      bounds: serviceAreaBounds,
      attribution: reportsAttribution,
    });
    for (const layer of reportLayers()) map.addLayer(layer);
    // The symbols come as the images decode; MapLibre draws each point once its image is there.
    void addCategoryImages(map, categories);
    const removal = watchRemoval(map);
    return () => {
      removal.stop();
      if (removal.isRemoved()) return;
      for (const id of reportLayerIds) map.removeLayer(id);
      map.removeSource(reportsSourceId);
    };
    // Made once per map and category list; filter changes go through setTiles below.
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
