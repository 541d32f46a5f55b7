import { waitingStatuses } from '../deadlines/overdue.ts';

/**
 * PetaWarga's statuses as GeoReport v2's two. A report is open from its publication until a
 * department answers it; resolved, closed, merged into another (duplicate), referred to another
 * agency, found impossible to fix and found to need no action are closed, the last three with
 * the agency or reason and the public explanation in status_notes (requests.ts).
 * Reports awaiting moderation or rejected are never shown, so they have no Open311 status.
 */
export const openStatuses = waitingStatuses;
export const closedStatuses = ['resolved', 'closed', 'duplicate', 'referred', 'cannot_fix', 'no_action_needed'] as const;

export type Open311Status = 'open' | 'closed';

export function statusesFor(wanted: Open311Status[]): string[] {
  return wanted.flatMap((s) => (s === 'open' ? [...openStatuses] : [...closedStatuses]));
}
