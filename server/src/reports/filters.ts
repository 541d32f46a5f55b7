import { Type, type Static } from 'typebox';
import { join, sql, type Sql } from '../db/database.ts';
import { appError } from '../http/error-catalogue.ts';

/** Statuses the public may see: never 'submitted' (awaiting moderation) nor 'rejected'. */
export const publicStatuses = [
  'published', 'assigned', 'in_progress', 'resolved', 'closed', 'duplicate', 'referred', 'cannot_fix', 'no_action_needed',
] as const;
export const allStatuses = ['submitted', 'rejected', ...publicStatuses] as const;

const csv = (pattern: string, description: string) =>
  Type.String({ pattern: `^${pattern}(,${pattern})*$`, maxLength: 2000, description });

/** Query parameters shared by the list API and the report tiles. */
export const ReportFilterQuery = Type.Object({
  category: Type.Optional(csv('[a-z_]{2,40}', 'Category codes, comma-separated')),
  status: Type.Optional(csv('[a-z_]{2,20}', 'Statuses, comma-separated (public ones only)')),
  kelurahan: Type.Optional(csv('[0-9]{2}\\.[0-9]{2}\\.[0-9]{2}\\.[0-9]{4}', 'Kelurahan codes, comma-separated')),
  // Years of reports only (1900–2199): PostgreSQL has no year 0000.
  since: Type.Optional(Type.String({ format: 'date-time', pattern: '^(19|2[01])\\d{2}-', description: 'Created at or after (ISO 8601)' })),
  until: Type.Optional(Type.String({ format: 'date-time', pattern: '^(19|2[01])\\d{2}-', description: 'Created before (ISO 8601)' })),
});
export type ReportFilterQuery = Static<typeof ReportFilterQuery>;

export interface ReportFilter {
  categories?: string[];
  statuses: string[];
  kelurahan?: string[];
  since?: Date;
  until?: Date;
}

const list = (value?: string) => (value ? [...new Set(value.split(','))].sort() : undefined);

// RFC 3339 allows a leap second (23:59:60), which JavaScript's Date cannot hold.
function instant(field: 'since' | 'until', value: string | undefined): Date | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw appError('INVALID_DATE', { field, value, details: { field } });
  return date;
}

/** Parsed filter; a non-public status asked for simply matches nothing. */
export function parseReportFilter(q: ReportFilterQuery): ReportFilter {
  const wanted = list(q.status);
  return {
    categories: list(q.category),
    statuses: wanted ? wanted.filter((s) => (publicStatuses as readonly string[]).includes(s)) : [...publicStatuses],
    kelurahan: list(q.kelurahan),
    since: instant('since', q.since),
    until: instant('until', q.until),
  };
}

/** A stable text form of the filter, for cache keys. */
export function filterKey(f: ReportFilter): string {
  return JSON.stringify([f.categories, f.statuses, f.kelurahan, f.since?.toISOString(), f.until?.toISOString()]);
}

/** The WHERE conditions of a filter over columns of `reports` (or of the cluster cells). */
export function filterConditions(f: ReportFilter, options: { timeColumns: boolean }): Sql[] {
  const conditions: Sql[] = [sql`status = ANY(${f.statuses})`];
  if (f.categories) conditions.push(sql`category_code = ANY(${f.categories})`);
  if (f.kelurahan) conditions.push(sql`kelurahan_code = ANY(${f.kelurahan})`);
  if (options.timeColumns && f.since) conditions.push(sql`created_at >= ${f.since}`);
  if (options.timeColumns && f.until) conditions.push(sql`created_at < ${f.until}`);
  return conditions;
}

export const and = (conditions: Sql[]): Sql => join(conditions, ' AND ');
