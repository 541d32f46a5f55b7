import { useTranslation } from 'react-i18next';

/** A report's status in words (the public app's names), coloured by status in console.css. */
export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation('console');
  return <span className={`status-badge status-${status}`}>{t(`status.${status}`, { defaultValue: status })}</span>;
}
