import { useTranslation } from 'react-i18next';
import type { InboxColumn, InboxSort } from './filters.ts';

interface Props {
  column: InboxColumn;
  sort: InboxSort;
  onSort(sort: InboxSort): void;
}

/**
 * A column heading that sorts the inbox by its column: the first click in the column's natural
 * order (deadline soonest, newest, A–Z), the next one reversed.
 */
export function SortHeader({ column, sort, onSort }: Props) {
  const { t } = useTranslation('console');
  const active = sort === column || sort === `-${column}`;
  const reversed = sort === `-${column}`;
  // The natural order of "created" is newest first, so its arrow points down.
  const descending = (column === 'created') !== reversed;
  return (
    <th scope="col" className={`col-${column}`} aria-sort={active ? (descending ? 'descending' : 'ascending') : undefined}>
      <button type="button" className="sort-button" onClick={() => onSort(active && !reversed ? `-${column}` : column)}>
        {t(`inbox.${column}`)}
        <span aria-hidden="true" className="sort-arrow">{active ? (descending ? '▼' : '▲') : ''}</span>
      </button>
    </th>
  );
}
