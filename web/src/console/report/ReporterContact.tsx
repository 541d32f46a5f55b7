import { useTranslation } from 'react-i18next';
import type { DeskReportDetail } from './desk-report.ts';

/** The resident's contact, for calling back: personal data, shown to staff only. */
export function ReporterContact({ reporter }: { reporter: DeskReportDetail['reporter'] }) {
  const { t } = useTranslation('console');
  return (
    <section className="panel" aria-labelledby="reporter-title">
      <h2 id="reporter-title">{t('detail.reporter')}</h2>
      {!reporter ? <p className="muted">{t('detail.reporterNone')}</p> : (
        <dl className="facts">
          {reporter.name && <><dt>{t('detail.name')}</dt><dd>{reporter.name}</dd></>}
          {reporter.phone && <><dt>{t('detail.phone')}</dt><dd><a href={`tel:${reporter.phone}`}>{reporter.phone}</a></dd></>}
          {reporter.email && <><dt>{t('detail.email')}</dt><dd><a href={`mailto:${reporter.email}`}>{reporter.email}</a></dd></>}
        </dl>
      )}
    </section>
  );
}
