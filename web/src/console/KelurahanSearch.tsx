import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useJson } from './use-json.ts';

export interface KelurahanHit {
  code: string;
  name: string;
  kecamatan: { code: string; name: string };
  city: { code: string; name: string };
  label_point: { lat: number; lon: number };
}

// Long enough that typing a name sends one request, not one per letter.
const debounceMs = 250;

/** Type a kelurahan's name (typos forgiven by the server), pick one of the matches. */
export function KelurahanSearch({ onPick, label }: { onPick(hit: KelurahanHit): void; label?: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');

  useEffect(() => {
    const timer = setTimeout(() => setQuery(typed.trim()), debounceMs);
    return () => clearTimeout(timer);
  }, [typed]);

  const { data } = useJson<{ kelurahan: KelurahanHit[] }>(
    query.length >= 2 ? `/api/console/kelurahan-search?q=${encodeURIComponent(query)}` : null,
  );
  const hits = query.length >= 2 ? data?.kelurahan : undefined;

  return (
    <div className="kelurahan-search">
      <label htmlFor={id}>{label ?? t('console.kelurahanSearch.label')}</label>
      <input id={id} type="search" value={typed} placeholder={t('console.kelurahanSearch.placeholder')}
        autoComplete="off" onChange={(event) => setTyped(event.target.value)} />
      {hits && (
        <ul className="search-results" aria-label={t('console.kelurahanSearch.results')} aria-live="polite">
          {hits.length === 0 && <li className="muted">{t('console.kelurahanSearch.none')}</li>}
          {hits.map((hit) => (
            <li key={hit.code}>
              <button type="button" className="link-button" onClick={() => {
                onPick(hit);
                setTyped('');
                setQuery('');
              }}>
                {t('console.kelurahanSearch.option', { name: hit.name, kecamatan: hit.kecamatan.name, city: hit.city.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
