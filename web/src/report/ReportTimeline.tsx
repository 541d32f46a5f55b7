import { useTranslation } from 'react-i18next';
import { useLanguage } from '../i18n/index.ts';
import { formatDateTime } from '../i18n/format.ts';
import type { PublicReport } from './public-report.ts';

/** What has happened to the report, oldest first. */
export function ReportTimeline({ timeline }: { timeline: PublicReport['timeline'] }) {
  const { t } = useTranslation('public');
  const language = useLanguage();
  return (
    <section className="report-section">
      <h2>{t('reportPage.timeline')}</h2>
      <ol className="timeline">
        {timeline.map((event, index) => (
          <li key={`${event.at}-${index}`}>
            <time dateTime={event.at}>{formatDateTime(event.at, language)}</time>
            <span className="timeline-what">
              {t(`timeline.${event.kind}`, { defaultValue: event.kind })}
              {event.status && event.status !== event.kind && <> · {t(`status.${event.status}`, { defaultValue: event.status })}</>}
            </span>
            {event.agency && <p className="timeline-note timeline-agency">{t('reportPage.referredTo', { agency: event.agency })}</p>}
            {event.outcome_reason && <p className="timeline-note">{t('reportPage.cannotFixReason', { reason: event.outcome_reason })}</p>}
            {event.note && <p className="timeline-note">{event.note}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
