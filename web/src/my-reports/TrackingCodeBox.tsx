import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../navigation.tsx';
import { normaliseTrackingCode } from './tracking-code.ts';

/** A tracking code box: opens the report's page, whoever sent it. */
export function TrackingCodeBox({ className }: { className?: string }) {
  const { t } = useTranslation('public');
  const [code, setCode] = useState('');

  const open = (event: FormEvent) => {
    event.preventDefault();
    const normalised = normaliseTrackingCode(code);
    if (normalised) navigate(`/r/${encodeURIComponent(normalised)}`);
  };

  return (
    <form className={`tracking-box ${className ?? ''}`} onSubmit={open} role="search" aria-label={t('tracking.label')}>
      <label htmlFor="tracking-code-input" className="visually-hidden">{t('tracking.label')}</label>
      <input
        id="tracking-code-input" type="text" value={code} onChange={(event) => setCode(event.target.value)}
        placeholder={t('tracking.placeholder')} maxLength={40} autoCapitalize="characters" autoComplete="off" spellCheck={false}
      />
      <button type="submit" className="primary" disabled={!code.trim()}>{t('tracking.open')}</button>
    </form>
  );
}
