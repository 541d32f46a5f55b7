import type { Map as MapLibreMap } from 'maplibre-gl';
import { usePrefetchQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { categoriesQuery, useCategories } from '../categories.ts';
import { ErrorBoundary } from '../ErrorBoundary.tsx';
import { LoadProblem } from '../LoadProblem.tsx';
import { TrackingCodeBox } from '../my-reports/TrackingCodeBox.tsx';
import type { PublicReport } from '../report/public-report.ts';
import { OutboxNotice } from '../report/OutboxNotice.tsx';
import { registerServiceWorker } from '../service-worker.ts';
import { fitFirstView } from './first-view.ts';
import { MapCanvas } from './MapCanvas.tsx';
import { MapOptionsPanel } from './MapOptionsPanel.tsx';
import { PlaceSearch } from './PlaceSearch.tsx';
import { setOsmBaseMap } from './osm-base-map.ts';
import { addReportLayers } from './report-layers.ts';
import { ReportLayers } from './ReportLayers.tsx';
import { initialBounds } from './service-area.ts';

// The report form, its photo shrinking and its map pin are not part of what a phone must fetch
// and compile before the map can be used. They are fetched once the map has drawn, so they are
// there by the time a resident taps "Laporkan"; a failed fetch is tried again when the form opens.
const loadReportPanel = () => import('../report/ReportPanel.tsx');
const ReportPanel = lazy(() => loadReportPanel().then((m) => ({ default: m.ReportPanel })));

const camera = { bounds: initialBounds, fitBoundsOptions: { padding: 16 } };
/** What floats over the public map and must not hide either city in the first view. */
const firstViewOverlays = '.map-options, .place-search, .report-button, .map-tracking-box, .maplibregl-ctrl-top-right';

/** The public map at /: every public report, the legend and filter, and the report flow. */
export function PublicMapPage() {
  const { t } = useTranslation('public');
  const [map, setMap] = useState<MapLibreMap | null>(null);
  // Asked for now, while the map loads its style, so the report layers need not wait for it.
  usePrefetchQuery(categoriesQuery);

  return (
    <div className="public-map">
      <title>{t('map.pageTitle')}</title>
      <MapCanvas
        className="map"
        label={t('map.label')}
        camera={camera}
        onLoad={(loaded) => {
          addReportLayers(loaded);
          loaded.once('idle', () => {
            registerServiceWorker();
            loadReportPanel().catch(() => undefined);
          });
          setMap(loaded);
          return () => setMap(null);
        }}
      />
      {map && <PlaceSearch map={map} />}
      {map && (
        <ErrorBoundary
          fallback={(error, retry) => (
            <LoadProblem className="map-load-problem" error={error} onRetry={retry} />
          )}
        >
          <Suspense fallback={<p className="map-loading" role="status">{t('loading')}</p>}>
            <ReportsOnMap map={map} />
          </Suspense>
        </ErrorBoundary>
      )}
    </div>
  );
}

type Panel = { open: false } | { open: true; submitted: PublicReport | null };

function ReportsOnMap({ map }: { map: MapLibreMap }) {
  const { t } = useTranslation('public');
  const categories = useCategories();
  const [hiddenCategories, setHiddenCategories] = useState<string[]>([]);
  const [osmBaseMap, setOsmBaseMapShown] = useState(false);
  const [reportsVersion, setReportsVersion] = useState<number>();
  const [panel, setPanel] = useState<Panel>({ open: false });
  const placingPin = panel.open && !panel.submitted;

  useEffect(() => setOsmBaseMap(map, osmBaseMap), [map, osmBaseMap]);
  // Once the legend and buttons are laid out, fit both cities beside them.
  useEffect(() => {
    const page = map.getContainer().parentElement;
    if (page) fitFirstView(map, [...page.querySelectorAll(firstViewOverlays)]);
  }, [map]);

  return (
    <>
      <ReportLayers
        map={map}
        categories={categories}
        shownCategories={hiddenCategories.length ? categories.map((c) => c.code).filter((c) => !hiddenCategories.includes(c)) : undefined}
        version={reportsVersion}
        interactive={!placingPin}
      />
      <MapOptionsPanel
        categories={categories}
        hiddenCategories={hiddenCategories}
        onHiddenCategoriesChange={setHiddenCategories}
        osmBaseMap={osmBaseMap}
        onOsmBaseMapChange={setOsmBaseMapShown}
      />
      <OutboxNotice onOpenForm={() => setPanel({ open: true, submitted: null })} />
      {panel.open ? (
        <Suspense fallback={<p className="map-loading" role="status">{t('loading')}</p>}>
          <ReportPanel
            map={map}
            categories={categories}
            submitted={panel.submitted}
            onSubmitted={(report) => {
              setPanel({ open: true, submitted: report });
              setReportsVersion(Date.now());
            }}
            onReportAnother={() => setPanel({ open: true, submitted: null })}
            onClose={() => setPanel({ open: false })}
          />
        </Suspense>
      ) : (
        <>
          <TrackingCodeBox className="map-tracking-box" />
          <button type="button" className="report-button primary" onClick={() => setPanel({ open: true, submitted: null })}>
            {t('report.open')}
          </button>
        </>
      )}
    </>
  );
}
