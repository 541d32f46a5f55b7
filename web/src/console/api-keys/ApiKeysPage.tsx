import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiKeyView } from '../../../../server/src/open311/api-keys.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useLanguage } from '../../i18n/index.ts';
import { invalidateUrls, jsonQuery } from '../../query-client.ts';
import { staffWrite } from '../api.ts';
import { ErrorMessage } from '../ErrorMessage.tsx';

const url = '/api/admin/api-keys';

/**
 * Admins issue the keys other applications post Open311 requests with (server/src/open311/), and
 * revoke them. A new key is shown once, here: the server keeps only its SHA-256.
 */
export function ApiKeysPage() {
  const { t } = useTranslation('console');
  const language = useLanguage();
  const client = useQueryClient();
  const keys = useQuery(jsonQuery<ApiKeyView[]>(url));
  const [name, setName] = useState('');
  const issue = useMutation({
    mutationFn: (keyName: string) => staffWrite<ApiKeyView & { key: string }>('POST', url, { name: keyName }),
    onSuccess: () => {
      setName('');
      return invalidateUrls(client, url);
    },
  });
  const revoke = useMutation({
    mutationFn: (id: number) => staffWrite<ApiKeyView>('POST', `${url}/${id}/revoke`),
    onSuccess: () => invalidateUrls(client, url),
  });
  const when = (at: string | null) => (at ? formatDateTime(at, language) : t('none'));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    issue.mutate(name);
  };

  return (
    <div className="api-keys">
      <title>{`${t('apiKeys.title')} · PetaWarga`}</title>
      <h1>{t('apiKeys.title')}</h1>
      <p>{t('apiKeys.intro')}</p>
      <form className="panel" onSubmit={submit}>
        <label htmlFor="api-key-name">{t('apiKeys.name')}</label>
        <input id="api-key-name" value={name} maxLength={100} required onChange={(e) => setName(e.target.value)} />
        <button type="submit" disabled={issue.isPending || name.trim() === ''}>{t('apiKeys.issue')}</button>
        <ErrorMessage error={issue.error} />
      </form>
      {issue.data && (
        <div className="panel" role="status">
          <p>{t('apiKeys.issued', { name: issue.data.name })}</p>
          <p><code aria-label={t('apiKeys.newKey')}>{issue.data.key}</code></p>
        </div>
      )}
      <ErrorMessage error={keys.error ?? revoke.error} />
      {keys.data?.length === 0 && <p>{t('apiKeys.empty')}</p>}
      {keys.data && keys.data.length > 0 && (
        <table className="report-table">
          <thead>
            <tr>
              <th scope="col">{t('apiKeys.name')}</th>
              <th scope="col">{t('apiKeys.createdBy')}</th>
              <th scope="col">{t('apiKeys.createdAt')}</th>
              <th scope="col">{t('apiKeys.lastUsedAt')}</th>
              <th scope="col">{t('apiKeys.state')}</th>
            </tr>
          </thead>
          <tbody>
            {keys.data.map((key) => (
              <tr key={key.id}>
                <th scope="row">{key.name}</th>
                <td>{key.created_by ?? t('none')}</td>
                <td>{when(key.created_at)}</td>
                <td>{when(key.last_used_at)}</td>
                <td>
                  {key.revoked_at ? t('apiKeys.revokedAt', { at: when(key.revoked_at) }) : (
                    <button type="button" disabled={revoke.isPending} onClick={() => revoke.mutate(key.id)}
                      aria-label={t('apiKeys.revokeNamed', { name: key.name })}>
                      {t('apiKeys.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
