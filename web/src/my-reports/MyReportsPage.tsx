import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.ts';
import { ErrorBoundary } from '../ErrorBoundary.tsx';
import { LoadProblem } from '../LoadProblem.tsx';
import { AppLink } from '../navigation.tsx';
import { MyReportCard } from './MyReportCard.tsx';
import { forgetReport, useMyReports } from './my-reports-store.ts';
import { TrackingCodeBox } from './TrackingCodeBox.tsx';

/** /laporan-saya: the reports sent or supported from this device, kept on the device only. */
export function MyReportsPage() {
  const { t } = useTranslation('public');
  const reports = useMyReports();

  return (
    <main className="report-page my-reports-page">
      <title>{`${t('myReports.title')} · PetaWarga`}</title>
      <AppLink href="/" className="back-link">← {t('reportPage.backToMap')}</AppLink>
      <h1>{t('myReports.title')}</h1>
      <p className="hint">{t('myReports.onThisDevice')}</p>
      {reports.length === 0 && <p className="my-reports-empty">{t('myReports.empty')}</p>}
      <ul className="my-reports-list">
        {reports.map((saved) => (
          <li key={saved.code}>
            <ErrorBoundary
              fallback={(error, retry) =>
                error instanceof ApiError && error.status === 404 ? (
                  <div className="my-report">
                    <p><strong>{saved.code}</strong> · {t('myReports.gone')}</p>
                    <button type="button" className="secondary" onClick={() => forgetReport(saved.code)}>{t('myReports.forget')}</button>
                  </div>
                ) : (
                  <LoadProblem error={error} onRetry={retry} />
                )
              }
            >
              <Suspense fallback={<p className="my-report" role="status">{saved.code} · {t('loading')}</p>}>
                <MyReportCard saved={saved} />
              </Suspense>
            </ErrorBoundary>
          </li>
        ))}
      </ul>
      <TrackingCodeBox />
    </main>
  );
}
