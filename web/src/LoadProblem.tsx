import { useTranslation } from 'react-i18next';
import { ApiError } from './api.ts';
import { useLanguage } from './i18n/index.ts';

interface Props {
  error: unknown;
  onRetry(): void;
  className?: string;
}

/** What went wrong loading something from the API, in the resident's language, with a retry. */
export function LoadProblem({ error, onRetry, className }: Props) {
  const { t } = useTranslation('common');
  const language = useLanguage();
  const message = error instanceof ApiError ? error.messageIn(language) : t('failure.unexpected');
  return (
    <div className={`load-problem ${className ?? ''}`} role="alert">
      <p>{message}</p>
      <button type="button" onClick={onRetry}>{t('retry')}</button>
    </div>
  );
}
