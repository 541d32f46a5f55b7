import { waitingStatuses } from '../deadlines/overdue.ts';
import { appError } from '../http/error-catalogue.ts';
import type { Role } from '../staff/queries.ts';

/**
 * Final answers other than a fix: referred to the agency that is responsible (with its name),
 * cannot be fixed (with the reason), no action needed. Each is given with a public response.
 */
export const outcomeStatuses = ['referred', 'cannot_fix', 'no_action_needed'] as const;
export type OutcomeStatus = (typeof outcomeStatuses)[number];

export type Status =
  | 'submitted' | 'published' | 'rejected' | 'assigned' | 'in_progress' | 'resolved' | 'closed' | 'duplicate'
  | OutcomeStatus;

/** What staff must write with a change: a reason, a public response, the agency referred to. */
export type Requirement = 'reason' | 'response' | 'agency';

interface Transition {
  from: Status;
  to: Status;
  roles: readonly Role[];
  /** Fields the change is refused without, checked in this order. */
  needs?: readonly Requirement[];
}

const officers = ['admin', 'department_officer', 'kelurahan_officer'] as const;
const moderators = ['admin', 'moderator'] as const;

/** Statuses in which a report is still waiting for the city (one list: deadlines/overdue.ts). */
export const openStatuses: Status[] = [...waitingStatuses];

const outcomeNeeds: Record<OutcomeStatus, readonly Requirement[]> = {
  referred: ['agency', 'response'],
  cannot_fix: ['reason', 'response'],
  no_action_needed: ['response'],
};

/**
 * Every status change staff may make. `duplicate` is reached only by merging, and a resolved
 * report goes back to `assigned` only when its reporter reopens it; both have their own routes.
 *
 * The other outcomes are final answers like `resolved`, given by the desk that holds an open
 * report. They are not closed afterwards: `closed` means "fixed, and the fix confirmed", which
 * none of them is. Who may move them on:
 * - `referred`: the desk takes it back to `assigned` when the other agency returns it (it is
 *   ours after all). The reporter cannot reopen it: the city no longer holds the problem, and
 *   a new deadline would count against a desk that cannot act; they follow it with the agency.
 * - `cannot_fix` and `no_action_needed`: the reporter may reopen them within the reopen window,
 *   as a resolution (reopen.ts), when they disagree; the desk cannot take them back itself.
 */
export const transitions: Transition[] = [
  { from: 'submitted', to: 'published', roles: moderators },
  { from: 'submitted', to: 'rejected', roles: moderators, needs: ['reason'] },
  { from: 'published', to: 'rejected', roles: moderators, needs: ['reason'] },
  { from: 'published', to: 'assigned', roles: [...officers, 'moderator'] },
  { from: 'published', to: 'in_progress', roles: officers },
  { from: 'assigned', to: 'in_progress', roles: officers },
  { from: 'published', to: 'resolved', roles: officers, needs: ['response'] },
  { from: 'assigned', to: 'resolved', roles: officers, needs: ['response'] },
  { from: 'in_progress', to: 'resolved', roles: officers, needs: ['response'] },
  { from: 'resolved', to: 'closed', roles: [...officers, 'moderator'] },
  ...openStatuses.flatMap((from) => outcomeStatuses.map((to) => ({ from, to, roles: officers, needs: outcomeNeeds[to] }))),
  { from: 'referred', to: 'assigned', roles: officers },
];

/** The outcomes a reporter may reopen within the window, besides `resolved` (see above). */
export const reopenableStatuses: Status[] = ['resolved', 'cannot_fix', 'no_action_needed'];

export const isOutcome = (status: string): status is OutcomeStatus => (outcomeStatuses as readonly string[]).includes(status);

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
