// The server's schemas, as types only: nothing of the server enters the bundle.
import type { Static } from 'typebox';
import type { DeskEvent as DeskEventSchema, DeskReportDetail as DeskReportDetailSchema } from '../../../../server/src/console/schemas.ts';

export type { RoutingExplanation } from '../../report/public-report.ts';

/** One event of a report as the desk sees it, internal ones too. */
export type DeskEvent = Static<typeof DeskEventSchema>;

/** GET /api/console/reports/:code (server/src/console/detail.ts). */
export type DeskReportDetail = Static<typeof DeskReportDetailSchema>;

/** The URL of a report at the desk; also its key in the query cache. */
export function deskReportUrl(code: string): string {
  return `/api/console/reports/${encodeURIComponent(code)}`;
}
