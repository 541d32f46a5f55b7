import type { FeatureCollection } from 'geojson';
import type { GeoJSONSource, MapLayerMouseEvent, Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { boldFont } from '../../map/fonts.ts';
import { MapCanvas } from '../../map/MapCanvas.tsx';
import { initialBounds } from '../../map/service-area.ts';
import { navigate } from '../../navigation.tsx';
import { reportPath } from '../paths.ts';

const sourceId = 'desk-reports';
const clusterLayer = 'desk-report-clusters';
const countLayer = 'desk-report-cluster-counts';
const pointLayer = 'desk-report-points';
const noReports: FeatureCollection = { type: 'FeatureCollection', features: [] };
const isCluster = ['has', 'point_count'];

/**
 * The inbox's reports on a map. Up to 5,000 points would cover a kota in overlapping dots, so
 * the source clusters them (MapLibre's GeoJSON clustering, supercluster's algorithm, in its
 * worker): a bubble with its count, ringed red when any report in it is overdue, zooms in on a
 * click. Single reports are filled with the category's colour, ringed red when overdue, and open
 * on a click.
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
        loaded.addSource(sourceId, {
          type: 'geojson',
          data: latestReports.current,
          cluster: true,
          clusterRadius: 45,
          clusterMaxZoom: 16,
          clusterProperties: { overdue_count: ['+', ['case', ['get', 'overdue'], 1, 0]] },
        });
        loaded.addLayer({
          id: clusterLayer,
          type: 'circle',
          source: sourceId,
          filter: isCluster as never,
          paint: {
            'circle-color': ['step', ['get', 'point_count'], '#3aa394', 10, '#17806f', 100, '#0b5e55', 1000, '#063f39'],
            'circle-radius': ['step', ['get', 'point_count'], 12, 10, 16, 100, 21, 1000, 27],
            'circle-stroke-color': ['case', ['>', ['get', 'overdue_count'], 0], '#b42318', '#ffffff'],
            'circle-stroke-width': ['case', ['>', ['get', 'overdue_count'], 0], 3, 2],
          },
        });
        loaded.addLayer({
          id: countLayer,
          type: 'symbol',
          source: sourceId,
          filter: isCluster as never,
          layout: {
            'text-field': ['get', 'point_count_abbreviated'],
            'text-font': boldFont,
            'text-size': 12,
            'text-allow-overlap': true,
            'text-ignore-placement': true,
          },
          paint: { 'text-color': '#ffffff' },
        });
        loaded.addLayer({
          id: pointLayer,
          type: 'circle',
          source: sourceId,
          filter: ['!', isCluster] as never,
          paint: {
            'circle-color': ['get', 'color'],
            'circle-radius': ['interpolate', ['linear'], ['zoom'], 10, 5, 16, 9],
            'circle-stroke-color': ['case', ['get', 'overdue'], '#b42318', '#ffffff'],
            'circle-stroke-width': ['case', ['get', 'overdue'], 3, 1],
          },
        });
        const open = (event: MapLayerMouseEvent) => {
          const code = event.features?.[0]?.properties.code;
          if (code) navigate(reportPath(code));
        };
        const zoomIn = async (event: MapLayerMouseEvent) => {
          const cluster = event.features?.[0];
          if (!cluster || cluster.geometry.type !== 'Point') return;
          const source = loaded.getSource(sourceId) as GeoJSONSource;
          const zoom = await source.getClusterExpansionZoom(cluster.properties.cluster_id);
          loaded.easeTo({ center: cluster.geometry.coordinates as [number, number], zoom });
        };
        const pointer = () => { loaded.getCanvas().style.cursor = 'pointer'; };
        const plain = () => { loaded.getCanvas().style.cursor = ''; };
        loaded.on('click', pointLayer, open);
        loaded.on('click', clusterLayer, (event) => void zoomIn(event));
        for (const layer of [pointLayer, clusterLayer]) {
          loaded.on('mouseenter', layer, pointer);
          loaded.on('mouseleave', layer, plain);
        }
        return () => {
          map.current = null;
        };
      }}
    />
  );
}
