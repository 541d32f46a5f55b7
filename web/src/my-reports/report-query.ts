import { queryOptions } from '@tanstack/react-query';
import { fetchJson } from '../api.ts';
import { publicReportUrl, type PublicReport } from '../report/public-report.ts';

/**
 * GET /api/reports/:code, with the sender's token when this device holds one: the sender also
 * sees their report while it is held for moderation or after it is rejected. Cached under the
 * report's URL (and 'sender'), so invalidating the URL refreshes both views.
 */
export function reportQuery(code: string, residentToken: string | null) {
  const url = publicReportUrl(code);
  if (!residentToken) {
    return queryOptions({ queryKey: [url], queryFn: ({ signal }) => fetchJson<PublicReport>(url, { signal }) });
  }
  return queryOptions({
    queryKey: [url, 'sender'],
    queryFn: ({ signal }) => fetchJson<PublicReport>(url, { signal, headers: { 'x-resident-token': residentToken } }),
  });
}

/** The reason a moderator gave for rejecting, from the report's timeline. */
export function rejectionReason(report: PublicReport): string | null {
  return report.timeline.findLast((e) => e.status === 'rejected')?.note ?? null;
}

const answers = ['resolved', 'referred', 'cannot_fix', 'no_action_needed'];

/** The department's public answer when it resolved the report or gave another outcome, from the report's timeline. */
export function departmentResponse(report: PublicReport): string | null {
  return report.timeline.findLast((e) => e.status !== null && answers.includes(e.status))?.note ?? null;
}
