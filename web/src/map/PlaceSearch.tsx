import type { Map as MapLibreMap } from 'maplibre-gl';
import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { jsonQuery } from '../query-client.ts';
// The server's schema, as a type only: nothing of the server enters the bundle.
import type { Static } from 'typebox';
import type { SearchResults } from '../../../server/src/search/schemas.ts';

type Hit = Static<typeof SearchResults>['results'][number];

/** Typed text that the server accepts (GET /api/search: 2 to 80 characters). */
const searchable = (text: string) => text.length >= 2 && text.length <= 80;

/** "Pasar" for a market, "Jalan" for a road: what kind of place each result is. */
function kindLabel(hit: Hit, t: (key: string) => string): string {
  return t(`map.search.kinds.${hit.kind === 'poi' && hit.subtype ? hit.subtype : hit.kind}`);
}

/**
 * Finds a kelurahan, kecamatan or, where the base map has them, a street or landmark by name,
 * and moves the map there: residents know where they live by these names before they can
 * find it on a map.
 */
export function PlaceSearch({ map }: { map: MapLibreMap }) {
  const { t } = useTranslation('public');
  const [typed, setTyped] = useState('');
  const [listOpen, setListOpen] = useState(false);
  const listId = useId();
  // Typing stays responsive; the request follows the latest text React has time for.
  const q = useDeferredValue(typed.trim());
  const { data, isError } = useQuery({
    ...jsonQuery<Static<typeof SearchResults>>(`/api/search?${new URLSearchParams({ q })}`),
    enabled: searchable(q),
    staleTime: 5 * 60_000,
  });
  const hits = searchable(q) ? data?.results : undefined;

  function show(hit: Hit) {
    const [west, south, east, north] = hit.bbox;
    map.fitBounds([[west, south], [east, north]], { padding: 48, maxZoom: hit.kind === 'kecamatan' || hit.kind === 'kelurahan' ? 16 : 17 });
    setTyped(hit.name);
    setListOpen(false);
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (hits?.[0]) show(hits[0]);
  }

  return (
    <form className="place-search" role="search" onSubmit={onSubmit}>
      <input
        type="search"
        aria-label={t('map.search.label')}
        placeholder={t('map.search.placeholder')}
        value={typed}
        maxLength={80}
        // Only while the list is there: pointing at a missing element misleads a screen reader.
        aria-controls={listOpen && searchable(q) ? listId : undefined}
        onChange={(event) => {
          setTyped(event.target.value);
          setListOpen(true);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') setListOpen(false);
        }}
      />
      {listOpen && searchable(q) && (
        <div id={listId} className="place-search-results" aria-live="polite">
          {isError && <p>{t('map.search.failed')}</p>}
          {hits?.length === 0 && <p>{t('map.search.none')}</p>}
          {hits && hits.length > 0 && (
            <ul>
              {hits.map((hit) => (
                <li key={`${hit.kind}/${hit.name}/${hit.context ?? ''}`}>
                  <button type="button" onClick={() => show(hit)}>
                    <span className="place-search-name">{hit.name}</span>
                    <span className="place-search-context">
                      {kindLabel(hit, t)}{hit.context ? ` · ${hit.context}` : ''}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </form>
  );
}
