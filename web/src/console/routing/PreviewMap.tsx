import type { FeatureCollection } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftEffect } from '../../../../server/src/routing-rules/schemas.ts';
import { MapCanvas } from '../../map/MapCanvas.tsx';
import { maplibregl } from '../../map/maplibre.ts';
import { initialBounds } from '../../map/service-area.ts';

const sourceId = 'draft-moved-reports';

function asPoints(reports: DraftEffect['reports']): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: reports.map((r) => ({
      type: 'Feature', geometry: { type: 'Point', coordinates: [r.lon, r.lat] }, properties: { code: r.code, open: r.is_open },
    })),
  };
}

function fitTo(map: MapLibreMap, reports: DraftEffect['reports']) {
  if (reports.length === 0) return;
  const bounds = new maplibregl.LngLatBounds();
  for (const r of reports) bounds.extend([r.lon, r.lat]);
  map.fitBounds(bounds, { padding: 40, maxZoom: 16, duration: 0 });
}

/** The reports a draft would move, as points: filled when still open, hollow when closed. */
export function PreviewMap({ reports }: { reports: DraftEffect['reports'] }) {
  const { t } = useTranslation('console');
  const map = useRef<MapLibreMap | null>(null);
  const latest = useRef(reports);
  latest.current = reports;

  useEffect(() => {
    if (!map.current) return;
    (map.current.getSource(sourceId) as GeoJSONSource | undefined)?.setData(asPoints(reports));
    fitTo(map.current, reports);
  }, [reports]);

  return (
    <MapCanvas
      className="preview-map"
      label={t('rules.previewMap', { count: reports.length })}
      camera={{ bounds: initialBounds, fitBoundsOptions: { padding: 20 } }}
      onLoad={(loaded) => {
        map.current = loaded;
        loaded.addSource(sourceId, { type: 'geojson', data: asPoints(latest.current) });
        loaded.addLayer({
          id: 'draft-moved-report-points',
          type: 'circle',
          source: sourceId,
          paint: {
            'circle-color': ['case', ['get', 'open'], '#b42318', '#ffffff'],
            'circle-radius': 6,
            'circle-stroke-color': '#b42318',
            'circle-stroke-width': 2,
          },
        });
        fitTo(loaded, latest.current);
        return () => {
          map.current = null;
        };
      }}
    />
  );
}
