import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../i18n/index.ts';
import type { ApiError } from './api.ts';

/** E-mail and password; the server sets the session cookie and hands back the CSRF token. */
export function SignIn({ onSignIn }: { onSignIn(email: string, password: string): Promise<void> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await onSignIn(String(form.get('email')), String(form.get('password')));
    } catch (failure) {
      setError(failure as ApiError);
      setBusy(false);
    }
  };

  return (
    <form className="panel sign-in" onSubmit={submit} aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t('console.signIn.title')}</h1>
      <label>
        {t('console.signIn.email')}
        <input name="email" type="email" autoComplete="username" required />
      </label>
      <label>
        {t('console.signIn.password')}
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {error && <p className="error" role="alert">{error.messageIn(language)}</p>}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('console.signIn.busy') : t('console.signIn.submit')}
      </button>
    </form>
  );
}
