import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { jsonQuery } from '../query-client.ts';
// The server's schemas, as types only: nothing of the server enters the bundle.
import type { Static } from 'typebox';
import type { KelurahanHit as KelurahanHitSchema } from '../../../server/src/console/schemas.ts';

export type KelurahanHit = Static<typeof KelurahanHitSchema>;

// Long enough that typing a name sends one request, not one per letter.
const debounceMs = 250;

/** Type a kelurahan's name (typos forgiven by the server), pick one of the matches. */
export function KelurahanSearch({ onPick, label }: { onPick(hit: KelurahanHit): void; label?: string }) {
  const { t } = useTranslation('console');
  const id = useId();
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');

  useEffect(() => {
    const timer = setTimeout(() => setQuery(typed.trim()), debounceMs);
    return () => clearTimeout(timer);
  }, [typed]);

  const searching = query.length >= 2;
  const { data } = useQuery({
    ...jsonQuery<{ kelurahan: KelurahanHit[] }>(`/api/console/kelurahan-search?q=${encodeURIComponent(query)}`),
    enabled: searching,
  });
  const hits = searching ? data?.kelurahan : undefined;

  return (
    <div className="kelurahan-search">
      <label htmlFor={id}>{label ?? t('kelurahanSearch.label')}</label>
      <input id={id} type="search" value={typed} placeholder={t('kelurahanSearch.placeholder')}
        autoComplete="off" onChange={(event) => setTyped(event.target.value)} />
      {hits && (
        <ul className="search-results" aria-label={t('kelurahanSearch.results')} aria-live="polite">
          {hits.length === 0 && <li className="muted">{t('kelurahanSearch.none')}</li>}
          {hits.map((hit) => (
            <li key={hit.code}>
              <button type="button" className="link-button" onClick={() => {
                onPick(hit);
                setTyped('');
                setQuery('');
              }}>
                {t('kelurahanSearch.option', { name: hit.name, kecamatan: hit.kecamatan.name, city: hit.city.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
