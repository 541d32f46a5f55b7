import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../navigation.tsx';
import { onOutbox, startOutbox } from './report-outbox.ts';
import { queuedReports, rejectedReports } from './report-store.ts';

interface Props {
  /** Opens the report form, where a refused report is restored with the server's reason. */
  onOpenForm(): void;
}

/**
 * On the map, what the device still holds: reports waiting for a connection, one the server
 * refused, and the code of one the queue has just delivered. Starts the queue on page load.
 */
export function OutboxNotice({ onOpenForm }: Props) {
  const { t } = useTranslation('public');
  const [counts, setCounts] = useState({ waiting: 0, rejected: 0 });
  const [sentCode, setSentCode] = useState<string>();

  useEffect(() => {
    const count = async () => {
      const [waiting, rejected] = await Promise.all([queuedReports(), rejectedReports()]);
      setCounts({ waiting: waiting.length, rejected: rejected.length });
    };
    void count();
    startOutbox();
    const stopChange = onOutbox('change', () => void count());
    const stopSent = onOutbox('sent', ({ report }) => setSentCode(report.code));
    return () => {
      stopChange();
      stopSent();
    };
  }, []);

  if (!counts.waiting && !counts.rejected && !sentCode) return null;
  return (
    <div className="outbox-notice" role="status">
      {counts.waiting > 0 && <p className="outbox-waiting">{t('outbox.waiting', { count: counts.waiting })}</p>}
      {counts.rejected > 0 && (
        <p>
          {t('outbox.rejected')}{' '}
          <button type="button" className="link-button" onClick={onOpenForm}>{t('outbox.open')}</button>
        </p>
      )}
      {sentCode && (
        <p>
          {t('outbox.sent', { code: sentCode })} <AppLink href={`/r/${sentCode}`}>{t('outbox.view')}</AppLink>
        </p>
      )}
    </div>
  );
}
