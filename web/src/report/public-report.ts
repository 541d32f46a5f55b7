// The server's schemas, as types only: nothing of the server enters the bundle.
import type { Static } from 'typebox';
import type { PublicReport as PublicReportSchema } from '../../../server/src/reports/schemas.ts';
import type { RoutingExplanation as RoutingExplanationSchema } from '../../../server/src/routing-rules/explanation.ts';

/** GET /api/reports/:code: the public view of a report, never the reporter's details. */
export type PublicReport = Static<typeof PublicReportSchema>;

/** Why this kelurahan and department got the report (server: routing-rules/route-report.ts). */
export type RoutingExplanation = Static<typeof RoutingExplanationSchema>;

/** The URL of a report's public view; also its key in the query cache. */
export function publicReportUrl(code: string): string {
  return `/api/reports/${encodeURIComponent(code)}`;
}
