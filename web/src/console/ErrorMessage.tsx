import { useLanguage } from '../i18n/index.ts';
import type { ApiError } from './api.ts';

/** An API error in the reader's language, announced to screen readers. */
export function ErrorMessage({ error }: { error: ApiError | null | undefined }) {
  const language = useLanguage();
  if (!error) return null;
  return <p className="error" role="alert">{error.messageIn(language)}</p>;
}
