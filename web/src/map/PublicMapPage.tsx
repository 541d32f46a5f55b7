import { usePrefetchQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { categoriesQuery, useCategories } from '../categories.ts';
import { ErrorBoundary } from '../ErrorBoundary.tsx';
import { LoadProblem } from '../LoadProblem.tsx';
import { TrackingCodeBox } from '../my-reports/TrackingCodeBox.tsx';
import type { PublicReport } from '../report/public-report.ts';
import { OutboxNotice } from '../report/OutboxNotice.tsx';
import { forgetReportRequestedBeforeReact, reportRequestedBeforeReact } from '../static-page.ts';
import { fitFirstView } from './first-view.ts';
import { MapOptionsPanel } from './MapOptionsPanel.tsx';
import { PlaceSearch } from './PlaceSearch.tsx';
import { setOsmBaseMap } from './osm-base-map.ts';
import { adoptPublicMap, releasePublicMap, type PublicMap } from './public-map.ts';
import { ReportLayers } from './ReportLayers.tsx';

// The report form, its photo shrinking and its map pin are not part of what a phone must fetch
// and compile before the map can be used. They are fetched once the map has drawn, so they are
// there by the time a resident taps "Laporkan"; a failed fetch is tried again when the form opens.
const loadReportPanel = () => import('../report/ReportPanel.tsx');
const ReportPanel = lazy(() => loadReportPanel().then((m) => ({ default: m.ReportPanel })));

/** What floats over the public map and must not hide either city in the first view. */
const firstViewOverlays = '.map-options, .place-search, .report-button, .map-tracking-box, .maplibregl-ctrl-top-right';

/** The public map at /: every public report, the legend and filter, and the report flow. */
export function PublicMapPage() {
  const { t } = useTranslation('public');
  const slot = useRef<HTMLDivElement>(null);
  const [publicMap, setPublicMap] = useState<PublicMap | null>(null);
  // The entry has usually fetched them already (main.ts); if not, or when the page is opened
  // again from another, they are asked for now rather than once the map's style has loaded.
  usePrefetchQuery(categoriesQuery);

  // A layout effect, so the map is back in the page before the browser paints it without.
  useLayoutEffect(() => {
    const adopted = adoptPublicMap(slot.current!);
    let mounted = true;
    void adopted.styleLoaded.then(() => {
      if (mounted) setPublicMap(adopted);
    });
    void adopted.drawn.then(() => {
      if (mounted) loadReportPanel().catch(() => undefined);
    });
    return () => {
      mounted = false;
      setPublicMap(null);
      releasePublicMap(adopted);
    };
  }, []);

  const label = t('map.label');
  useEffect(() => publicMap?.container.setAttribute('aria-label', label), [publicMap, label]);

  const map = publicMap?.map;
  return (
    <div className="public-map">
      <title>{t('map.pageTitle')}</title>
      {/* The map's own element (public-map.ts) goes in here; React renders nothing inside. */}
      <div ref={slot} className="map-slot" />
      {map && <PlaceSearch map={map} />}
      {publicMap && (
        <ErrorBoundary
          fallback={(error, retry) => (
            <LoadProblem className="map-load-problem" error={error} onRetry={retry} />
          )}
        >
          <Suspense fallback={<p className="map-loading" role="status">{t('loading')}</p>}>
            <ReportsOnMap publicMap={publicMap} />
          </Suspense>
        </ErrorBoundary>
      )}
    </div>
  );
}

type Panel = { open: false } | { open: true; submitted: PublicReport | null };

function ReportsOnMap({ publicMap }: { publicMap: PublicMap }) {
  const { t } = useTranslation('public');
  const { map } = publicMap;
  const categories = useCategories();
  const [hiddenCategories, setHiddenCategories] = useState<string[]>([]);
  const [osmBaseMap, setOsmBaseMapShown] = useState(false);
  const [reportsVersion, setReportsVersion] = useState<number>();
  // Open from the start when the resident tapped the static page's "Laporkan" before React was there.
  const [panel, setPanel] = useState<Panel>(() => (reportRequestedBeforeReact() ? { open: true, submitted: null } : { open: false }));
  useEffect(forgetReportRequestedBeforeReact, []);
  const placingPin = panel.open && !panel.submitted;
  const reportButton = useRef<HTMLButtonElement>(null);
  const closePanel = () => {
    // "Laporkan" comes back as the panel closes: put it in the page now and give it the focus,
    // where the keyboard left off before the panel opened.
    flushSync(() => setPanel({ open: false }));
    reportButton.current?.focus();
  };

  useEffect(() => setOsmBaseMap(map, osmBaseMap), [map, osmBaseMap]);
  // Once the legend and buttons are laid out, fit both cities beside them, unless the map has
  // already been moved: it draws before these controls arrive, and a resident may have panned.
  useEffect(() => {
    const page = map.getContainer().closest('.public-map');
    if (page && !publicMap.cameraMoved()) fitFirstView(map, [...page.querySelectorAll(firstViewOverlays)]);
    publicMap.controlsShown();
  }, [map, publicMap]);

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
            onClose={closePanel}
          />
        </Suspense>
      ) : (
        <>
          <TrackingCodeBox className="map-tracking-box" />
          <button ref={reportButton} type="button" className="report-button primary" onClick={() => setPanel({ open: true, submitted: null })}>
            {t('report.open')}
          </button>
        </>
      )}
    </>
  );
}
