import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../ErrorMessage.tsx';
import { jsonQuery } from '../../query-client.ts';
import { ModerationItem, type HeldReport } from './ModerationItem.tsx';

/** The moderation queue, oldest first (server/src/moderation/routes.ts). */
export function ModerationPage() {
  const { t } = useTranslation('console');
  const queue = useQuery(jsonQuery<{ reports: HeldReport[] }>('/api/moderation/queue?limit=100'));
  const [message, setMessage] = useState('');

  return (
    <div className="moderation">
      <title>{`${t('moderation.title')} · PetaWarga`}</title>
      <h1>{t('moderation.title')}</h1>
      <p role="status" className="ok">{message}</p>
      <ErrorMessage error={queue.error} />
      {queue.data?.reports.length === 0 && <p>{t('moderation.empty')}</p>}
      <ul className="plain-list">
        {queue.data?.reports.map((report) => (
          // Keyed by the text too: after an edit the item starts afresh with the new text.
          <ModerationItem key={`${report.code}:${report.description}`} report={report}
            onDecided={setMessage} />
        ))}
      </ul>
    </div>
  );
}
