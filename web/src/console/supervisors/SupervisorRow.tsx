import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { invalidateUrls } from '../../query-client.ts';
import { staffWrite } from '../api.ts';
import { ErrorMessage } from '../ErrorMessage.tsx';

export const supervisorsUrl = '/api/admin/supervisors';

/** One department's or kelurahan's supervisor e-mail, saved on its own; empty removes it. */
export function SupervisorRow({ name, place, email, url }: { name: string; place: string; email: string | null; url: string }) {
  const { t } = useTranslation('console');
  const client = useQueryClient();
  const [draft, setDraft] = useState(email ?? '');
  const save = useMutation({
    mutationFn: (address: string) => staffWrite('PATCH', url, { supervisor_email: address === '' ? null : address }),
    onSuccess: () => invalidateUrls(client, supervisorsUrl),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(draft.trim());
  };
  const inputId = `supervisor-${url.replace(/[^a-z0-9]+/gi, '-')}`;
  return (
    <tr>
      <th scope="row">{name}<br /><span className="muted">{place}</span></th>
      <td>
        <form className="supervisor-form" onSubmit={submit}>
          <label htmlFor={inputId} className="visually-hidden">{t('supervisors.emailFor', { name })}</label>
          <input id={inputId} type="email" value={draft} maxLength={254} placeholder={t('supervisors.nobody')}
            onChange={(e) => setDraft(e.target.value)} />
          <button type="submit" disabled={save.isPending || draft.trim() === (email ?? '')}
            aria-label={t('supervisors.saveFor', { name })}>{t('save')}</button>
          {save.isSuccess && draft.trim() === (email ?? '') && <span role="status">{t('saved')}</span>}
        </form>
        <ErrorMessage error={save.error} />
      </td>
    </tr>
  );
}
