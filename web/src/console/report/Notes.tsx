import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/index.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { invalidateUrls } from '../../query-client.ts';
import { staffWrite } from '../api.ts';
import { ErrorMessage } from '../ErrorMessage.tsx';
import { deskReportUrl, type DeskEvent } from './desk-report.ts';

/** Private notes between staff; kept in the report's audit trail, never public. */
export function Notes({ code, notes }: { code: string; notes: DeskEvent[] }) {
  const { t } = useTranslation('console');
  const language = useLanguage();
  const [text, setText] = useState('');
  const client = useQueryClient();
  const adding = useMutation({
    mutationFn: () => staffWrite('POST', `${deskReportUrl(code)}/notes`, { text }),
    onSuccess: () => {
      setText('');
      return invalidateUrls(client, deskReportUrl(code));
    },
  });

  return (
    <section className="panel notes" aria-labelledby="notes-title">
      <h2 id="notes-title">{t('notes.title')}</h2>
      <p className="hint">{t('notes.hint')}</p>
      {notes.length === 0 && <p className="muted">{t('notes.empty')}</p>}
      <ul className="plain-list">
        {notes.map((note) => (
          <li key={note.id}>
            <p className="note-text">{note.reason}</p>
            <span className="muted">{note.actor_name} · <time dateTime={note.at}>{formatDateTime(note.at, language)}</time></span>
          </li>
        ))}
      </ul>
      <label>
        {t('notes.label')}
        <textarea value={text} rows={2} maxLength={4000} onChange={(event) => setText(event.target.value)} />
      </label>
      <ErrorMessage error={adding.error} />
      <button type="button" disabled={adding.isPending || !text.trim()} onClick={() => adding.mutate()}>{t('notes.add')}</button>
    </section>
  );
}
