import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './i18n/LanguageSwitch.tsx';
import { PublicMapPage } from './map/PublicMapPage.tsx';
import { AppLink, usePathname } from './navigation.tsx';
import { ReportPage } from './report/ReportPage.tsx';

const reportPath = /^\/r\/([^/]+)\/?$/;

/** The header and the page for the current path: / is the map, /r/<code> a report. */
export function App() {
  const { t } = useTranslation('public');
  const path = usePathname();
  const reportCode = reportPath.exec(path)?.[1];

  let page;
  if (reportCode) page = <ReportPage code={decodeURIComponent(reportCode)} />;
  else if (path === '/') page = <PublicMapPage />;
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
        <LanguageSwitch />
      </header>
      {page}
    </div>
  );
}
