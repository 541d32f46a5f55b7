import type { FeatureCollection } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { MapCanvas } from '../../map/MapCanvas.tsx';
import { initialBounds } from '../../map/service-area.ts';
import { navigate } from '../../navigation.tsx';
import { reportPath } from '../paths.ts';

const sourceId = 'desk-reports';
const noReports: FeatureCollection = { type: 'FeatureCollection', features: [] };

/**
 * The inbox's reports as points, in the public map's offline style: filled with the category's
 * colour, ringed red when overdue. A click opens the report.
 */
export function InboxMap({ reports = noReports }: { reports?: FeatureCollection }) {
  const { t } = useTranslation('console');
  const map = useRef<MapLibreMap | null>(null);
  const latestReports = useRef(reports);
  latestReports.current = reports;

  useEffect(() => {
    (map.current?.getSource(sourceId) as GeoJSONSource | undefined)?.setData(reports);
  }, [reports]);

  return (
    <MapCanvas
      className="inbox-map"
      label={t('inbox.mapLabel')}
      camera={{ bounds: initialBounds, fitBoundsOptions: { padding: 20 } }}
      onLoad={(loaded) => {
        map.current = loaded;
        loaded.addSource(sourceId, { type: 'geojson', data: latestReports.current });
        loaded.addLayer({
          id: 'desk-report-points',
          type: 'circle',
          source: sourceId,
          paint: {
            'circle-color': ['get', 'color'],
            'circle-radius': ['interpolate', ['linear'], ['zoom'], 10, 4, 16, 9],
            'circle-stroke-color': ['case', ['get', 'overdue'], '#b42318', '#ffffff'],
            'circle-stroke-width': ['case', ['get', 'overdue'], 3, 1],
          },
        });
        const open = (event: { features?: { properties: { code?: string } }[] }) => {
          const code = event.features?.[0]?.properties.code;
          if (code) navigate(reportPath(code));
        };
        const pointer = () => { loaded.getCanvas().style.cursor = 'pointer'; };
        const plain = () => { loaded.getCanvas().style.cursor = ''; };
        loaded.on('click', 'desk-report-points', open);
        loaded.on('mouseenter', 'desk-report-points', pointer);
        loaded.on('mouseleave', 'desk-report-points', plain);
        return () => {
          map.current = null;
        };
      }}
    />
  );
}
