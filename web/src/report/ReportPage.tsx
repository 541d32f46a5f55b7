import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.ts';
import { ErrorBoundary } from '../ErrorBoundary.tsx';
import { LoadProblem } from '../LoadProblem.tsx';
import { AppLink } from '../navigation.tsx';
import { ReportDetails } from './ReportDetails.tsx';

/** /r/:code: one report as the public may see it. */
export function ReportPage({ code }: { code: string }) {
  const { t } = useTranslation('public');

  return (
    <main className="report-page">
      <AppLink href="/" className="back-link">← {t('reportPage.backToMap')}</AppLink>
      <ErrorBoundary
        key={code}
        fallback={(error, retry) =>
          error instanceof ApiError && error.status === 404 ? (
            <div className="report-not-found">
              <h1>{t('reportPage.notFound.title')}</h1>
              <p>{t('reportPage.notFound.body', { code })}</p>
            </div>
          ) : (
            <LoadProblem error={error} onRetry={retry} />
          )
        }
      >
        <Suspense fallback={<p role="status">{t('loading')}</p>}>
          <ReportDetails code={code} />
        </Suspense>
      </ErrorBoundary>
    </main>
  );
}
