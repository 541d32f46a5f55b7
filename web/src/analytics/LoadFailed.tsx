import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.ts';
import { useLanguage } from '../i18n/index.ts';

/** What went wrong loading a layer, chart or list, in the planner's language. */
export function LoadFailed({ error }: { error: Error }) {
  const { t } = useTranslation('analytics');
  const language = useLanguage();
  const message = error instanceof ApiError ? error.messageIn(language) : t('failure.unexpected');
  return <p role="alert">{t('loadFailed', { message })}</p>;
}
