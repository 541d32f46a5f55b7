import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/index.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { postJson, type ApiError } from '../api.ts';
import { ErrorMessage } from '../ErrorMessage.tsx';
import type { DeskEvent } from './desk-report.ts';

/** Private notes between staff; kept in the report's audit trail, never public. */
export function Notes({ code, notes, onAdded }: { code: string; notes: DeskEvent[]; onAdded(): void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const add = async () => {
    setBusy(true);
    setError(null);
    try {
      await postJson(`/api/console/reports/${encodeURIComponent(code)}/notes`, { text });
      setText('');
      onAdded();
    } catch (failure) {
      setError(failure as ApiError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel notes" aria-labelledby="notes-title">
      <h2 id="notes-title">{t('console.notes.title')}</h2>
      <p className="hint">{t('console.notes.hint')}</p>
      {notes.length === 0 && <p className="muted">{t('console.notes.empty')}</p>}
      <ul className="plain-list">
        {notes.map((note) => (
          <li key={note.id}>
            <p className="note-text">{note.reason}</p>
            <span className="muted">{note.actor_name} · <time dateTime={note.at}>{formatDateTime(note.at, language)}</time></span>
          </li>
        ))}
      </ul>
      <label>
        {t('console.notes.label')}
        <textarea value={text} rows={2} maxLength={4000} onChange={(event) => setText(event.target.value)} />
      </label>
      <ErrorMessage error={error} />
      <button type="button" disabled={busy || !text.trim()} onClick={add}>{t('console.notes.add')}</button>
    </section>
  );
}
