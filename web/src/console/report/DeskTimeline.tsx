import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/index.ts';
import { formatDateTime } from '../../i18n/format.ts';
import type { DeskEvent } from './desk-report.ts';

/** Every event of the report, oldest first, marked public or internal, with who did it. */
export function DeskTimeline({ events }: { events: DeskEvent[] }) {
  const { t } = useTranslation('console');
  const language = useLanguage();
  return (
    <section className="panel" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('deskTimeline.title')}</h2>
      <ol className="timeline">
        {events.map((event) => {
          const status = typeof event.new_value?.status === 'string' ? event.new_value.status : null;
          return (
            <li key={event.id} className={event.is_public ? 'public' : 'internal'}>
              <time dateTime={event.at}>{formatDateTime(event.at, language)}</time>{' '}
              <strong>{t(`event.${event.kind}`, { defaultValue: t(`timeline.${event.kind}`, { defaultValue: event.kind }) })}</strong>
              {status && status !== event.kind && <> · {t(`status.${status}`, { defaultValue: status })}</>}
              {' '}<span className="tag">{event.is_public ? t('deskTimeline.public') : t('deskTimeline.internal')}</span>
              {event.actor_name && <span className="muted"> {t('deskTimeline.by', { name: event.actor_name })}</span>}
              {event.reason && <p className="timeline-note">{event.reason}</p>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
