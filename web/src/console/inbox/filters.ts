// The server's schema, as a type only: nothing of the server enters the bundle.
import type { ConsoleListQuery } from '../../../../server/src/console/schemas.ts';

/** A sort order of GET /api/console/reports: a column, or "-column" for its reverse. */
export type InboxSort = ConsoleListQuery['sort'];
export type InboxColumn = Exclude<InboxSort, `-${string}`>;

/** What the inbox shows; the same filters drive the list and the map. */
export interface InboxFilters {
  statuses: string[];
  category: string;
  kelurahan: { code: string; name: string } | null;
  overdueOnly: boolean;
  createdFrom: string;
  createdTo: string;
  sort: InboxSort;
}

export const allStatuses = [
  'submitted', 'published', 'assigned', 'in_progress', 'resolved', 'referred', 'cannot_fix', 'no_action_needed',
  'closed', 'rejected', 'duplicate',
];

/** A desk opens on what still waits for the city, deadline soonest first. */
export const defaultFilters: InboxFilters = {
  statuses: ['published', 'assigned', 'in_progress'],
  category: '',
  kelurahan: null,
  overdueOnly: false,
  createdFrom: '',
  createdTo: '',
  sort: 'due',
};

const storageKey = 'petawarga.console.filters';

// Kept for the tab, so that opening a report and coming back finds the inbox as it was left.
export function storedFilters(): InboxFilters {
  try {
    const stored = sessionStorage.getItem(storageKey);
    return stored ? { ...defaultFilters, ...JSON.parse(stored) } : defaultFilters;
  } catch {
    return defaultFilters;
  }
}

export function storeFilters(filters: InboxFilters): void {
  try {
    sessionStorage.setItem(storageKey, JSON.stringify(filters));
  } catch {
    // Storage blocked: the filters then last until the page is left.
  }
}

/** The query string of GET /api/console/reports (server/src/console/schemas.ts). */
export function filterQuery(f: InboxFilters): URLSearchParams {
  const q = new URLSearchParams();
  if (f.statuses.length) q.set('status', f.statuses.join(','));
  if (f.category) q.set('category', f.category);
  if (f.kelurahan) q.set('kelurahan', f.kelurahan.code);
  if (f.overdueOnly) q.set('overdue', 'true');
  if (f.createdFrom) q.set('created_from', f.createdFrom);
  if (f.createdTo) q.set('created_to', f.createdTo);
  q.set('sort', f.sort);
  return q;
}
