import { useQuery } from '@tanstack/react-query';
import type { FeatureCollection } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { Suspense, useState, type Dispatch, type SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../i18n/LanguageSwitch.tsx';
import { MapCanvas } from '../map/MapCanvas.tsx';
import { initialBounds } from '../map/service-area.ts';
import { jsonQuery } from '../query-client.ts';
import { analyticsUrls, type AnalyticsFilter } from './api.ts';
import { ChoroplethLegend } from './ChoroplethLegend.tsx';
import { ClusterLegend } from './ClusterLegend.tsx';
import { measureValue, type ChoroplethMeasure } from './choropleth-measures.ts';
import { DeckOverlay } from './DeckOverlay.tsx';
import { DensityLegend } from './DensityLegend.tsx';
import { EmergingLegend } from './EmergingLegend.tsx';
import { FeatureDetails } from './FeatureDetails.tsx';
import { HotspotLegend } from './HotspotLegend.tsx';
import { LayerPanel } from './LayerPanel.tsx';
import { LoadFailed } from './LoadFailed.tsx';
import { defaultMethodParameters, type MethodParameters } from './method-parameters.ts';
import { MethodControls } from './MethodControls.tsx';
import { PickedReports } from './PickedReports.tsx';
import { analyticsLayers, type LayerKey, type Picked } from './layers.ts';
import { WeeklyChart } from './WeeklyChart.tsx';

const camera = { bounds: initialBounds, fitBoundsOptions: { padding: 20 } };

/** A layer's GeoJSON, fetched only while the layer is shown; undefined while it is off. */
function useLayerData(url: string, shown: boolean) {
  const query = useQuery({ ...jsonQuery<FeatureCollection>(url), enabled: shown });
  return shown ? query : undefined;
}

/** The planner view: the map with its analysis layers, the controls, the weekly chart. */
export function AnalyticsPage() {
  const { t } = useTranslation('analytics');
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const [filter, setFilter] = useState<AnalyticsFilter>({ category: '', since: '', until: '' });
  const [visible, setVisible] = useState<Record<LayerKey, boolean>>(
    { hotspots: false, emerging: false, heatmap: false, clusters: false, choropleth: true });
  const [picked, setPicked] = useState<Picked | null>(null);
  const [measure, setMeasure] = useState<ChoroplethMeasure>('reports');
  // a clicked feature's numbers belong to the window it was computed for: a new filter drops it
  const changeFilter: Dispatch<SetStateAction<AnalyticsFilter>> = (update) => {
    setFilter(update);
    setPicked(null);
  };
  const [parameters, setParameters] = useState<MethodParameters>(defaultMethodParameters);
  const changeParameters = (next: MethodParameters) => {
    setParameters(next);
    setPicked(null);
  };

  const urls = analyticsUrls(filter, parameters);
  // a layer's data is fetched only while it is shown; the heatmap is drawn from the Gi* cells
  const hotspots = useLayerData(urls.hotspots, visible.hotspots || visible.heatmap);
  const emerging = useLayerData(urls.emerging, visible.emerging);
  const clusters = useLayerData(urls.clusters, visible.clusters);
  // the kelurahan polygons also name the place of a clicked hexagon
  const kelurahan = useLayerData(urls.kelurahan, visible.choropleth || visible.hotspots || visible.emerging);
  const data = { hotspots: hotspots?.data, emerging: emerging?.data, clusters: clusters?.data, kelurahan: kelurahan?.data };
  const values = (data.kelurahan?.features ?? []).map((f) => measureValue(f.properties, measure));
  const known = values.filter((v) => v !== null);
  const choropleth = { measure, max: Math.max(0, ...known), someUnknown: known.length < values.length };
  // new layer objects each render is deck.gl's model: it diffs them by id and data identity
  const layers = analyticsLayers(data, visible, choropleth, setPicked);
  const failure = [hotspots, emerging, clusters, kelurahan].find((l) => l?.error)?.error;
  const loading = [hotspots, emerging, clusters, kelurahan].some((l) => l?.isLoading);

  return (
    <div className="analytics-page" data-loading={loading ? '1' : undefined}>
      <title>{`${t('title')} · PetaWarga`}</title>
      <header className="analytics-header">
        <h1>{t('title')}</h1>
        <LanguageSwitch />
      </header>
      <aside className="analytics-side">
        <p className="analytics-open-data" data-testid="open-data-note">{t('openData')}</p>
        <Suspense fallback={<p>{t('loading')}</p>}>
          <LayerPanel parameters={parameters} filter={filter} onFilter={changeFilter} measure={measure} onMeasure={setMeasure} visible={visible}
            onToggle={(key, on) => setVisible({ ...visible, [key]: on })} />
        </Suspense>
        <MethodControls value={parameters} onChange={changeParameters} />
        {failure && <LoadFailed error={failure} />}
        {visible.hotspots && <HotspotLegend cells={data.hotspots} />}
        {visible.emerging && <EmergingLegend />}
        {visible.heatmap && <DensityLegend />}
        {visible.clusters && <ClusterLegend clusters={data.clusters} eps={parameters.eps_m} minPoints={parameters.min_points} />}
        {visible.choropleth && data.kelurahan && <ChoroplethLegend {...choropleth} />}
        <FeatureDetails picked={picked} kelurahan={data.kelurahan} weeks={parameters.weeks} />
        {picked && (
          <Suspense fallback={<p>{t('loading')}</p>}>
            <PickedReports picked={picked} />
          </Suspense>
        )}
        <Suspense fallback={<p>{t('loading')}</p>}>
          <WeeklyChart url={urls.weekly} />
        </Suspense>
      </aside>
      <main className="analytics-map">
        <MapCanvas label={t('mapLabel')} camera={camera} className="analytics-map-canvas" onLoad={setMap} />
        {map && <DeckOverlay map={map} layers={layers} />}
      </main>
    </div>
  );
}
