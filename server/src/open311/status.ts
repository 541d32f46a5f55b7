/**
 * PetaWarga's statuses as GeoReport v2's two. A report is open from its publication until a
 * department resolves it; resolved, closed and merged into another (duplicate) are closed.
 * Reports awaiting moderation or rejected are never shown, so they have no Open311 status.
 */
export const openStatuses = ['published', 'assigned', 'in_progress'] as const;
export const closedStatuses = ['resolved', 'closed', 'duplicate'] as const;

export type Open311Status = 'open' | 'closed';

export function statusesFor(wanted: Open311Status[]): string[] {
  return wanted.flatMap((s) => (s === 'open' ? [...openStatuses] : [...closedStatuses]));
}
