import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './i18n/LanguageSwitch.tsx';
import { PublicMapPage } from './map/PublicMapPage.tsx';
import { AppLink, usePathname } from './navigation.tsx';

// Most visits open the map; a report's page and "Laporan saya" load their code when opened.
const MyReportsPage = lazy(() => import('./my-reports/MyReportsPage.tsx').then((m) => ({ default: m.MyReportsPage })));
const ReportPage = lazy(() => import('./report/ReportPage.tsx').then((m) => ({ default: m.ReportPage })));

const reportPath = /^\/r\/([^/]+)\/?$/;
const myReportsPath = '/laporan-saya';

/** The header and the page for the current path: / is the map, /r/<code> a report, /laporan-saya this device's reports. */
export function App() {
  const { t } = useTranslation('public');
  const path = usePathname();
  const reportCode = reportPath.exec(path)?.[1];

  let page;
  if (reportCode) page = <ReportPage code={decodeURIComponent(reportCode)} />;
  else if (path === '/') page = <PublicMapPage />;
  else if (path === myReportsPath) page = <MyReportsPage />;
  else page = (
    <main className="not-found-page">
      <title>{`${t('notFound.title')} · PetaWarga`}</title>
      <h1>{t('notFound.title')}</h1>
      <AppLink href="/">{t('reportPage.backToMap')}</AppLink>
    </main>
  );

  return (
    <div className={path === '/' ? 'app app-map' : 'app'}>
      <header className="app-header">
        <AppLink href="/" className="brand">
          <span className="brand-name">PetaWarga</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </AppLink>
        <nav className="header-nav">
          <AppLink href={myReportsPath} className="header-link" aria-current={path === myReportsPath ? 'page' : undefined}>
            {t('myReports.title')}
          </AppLink>
          <LanguageSwitch />
        </nav>
      </header>
      <Suspense fallback={<p className="page-loading" role="status">{t('loading')}</p>}>{page}</Suspense>
    </div>
  );
}
