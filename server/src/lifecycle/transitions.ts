import { appError } from '../http/error-catalogue.ts';
import type { Role } from '../staff/queries.ts';

export type Status = 'submitted' | 'published' | 'rejected' | 'assigned' | 'in_progress' | 'resolved' | 'closed' | 'duplicate';

interface Transition {
  from: Status;
  to: Status;
  roles: readonly Role[];
  /** A reason (rejection) or a public response (resolution) is required. */
  needs?: 'reason' | 'response';
}

const officers = ['admin', 'department_officer', 'kelurahan_officer'] as const;
const moderators = ['admin', 'moderator'] as const;

/**
 * Every status change staff may make. `duplicate` is reached only by merging, and a resolved
 * report goes back to `assigned` only when its reporter reopens it; both have their own routes.
 */
export const transitions: Transition[] = [
  { from: 'submitted', to: 'published', roles: moderators },
  { from: 'submitted', to: 'rejected', roles: moderators, needs: 'reason' },
  { from: 'published', to: 'rejected', roles: moderators, needs: 'reason' },
  { from: 'published', to: 'assigned', roles: [...officers, 'moderator'] },
  { from: 'published', to: 'in_progress', roles: officers },
  { from: 'assigned', to: 'in_progress', roles: officers },
  { from: 'published', to: 'resolved', roles: officers, needs: 'response' },
  { from: 'assigned', to: 'resolved', roles: officers, needs: 'response' },
  { from: 'in_progress', to: 'resolved', roles: officers, needs: 'response' },
  { from: 'resolved', to: 'closed', roles: [...officers, 'moderator'] },
];

/** Statuses in which a report is still waiting for the city. */
export const openStatuses: Status[] = ['published', 'assigned', 'in_progress'];

export function allowedFrom(from: Status, role: Role): Status[] {
  return transitions.filter((t) => t.from === from && t.roles.includes(role)).map((t) => t.to);
}

/** The transition, or a 409 INVALID_TRANSITION / 403 that says what is allowed instead. */
export function checkTransition(from: Status, to: Status, role: Role): Transition {
  const anyRole = transitions.find((t) => t.from === from && t.to === to);
  if (!anyRole) {
    throw appError('INVALID_TRANSITION', {
      from, to, details: { from, to, allowed: transitions.filter((t) => t.from === from).map((t) => t.to) },
    });
  }
  if (!anyRole.roles.includes(role)) {
    throw appError('TRANSITION_NOT_ALLOWED_FOR_ROLE', { role, from, to, details: { from, to, allowed: allowedFrom(from, role) } });
  }
  return anyRole;
}
