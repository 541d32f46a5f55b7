import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.ts';
import { useLanguage } from '../i18n/index.ts';

/** A failed request in the reader's language, announced to screen readers. */
export function ErrorMessage({ error }: { error: Error | null | undefined }) {
  const { t } = useTranslation('console');
  const language = useLanguage();
  if (!error) return null;
  return <p className="error" role="alert">{error instanceof ApiError ? error.messageIn(language) : t('failure.unexpected')}</p>;
}
