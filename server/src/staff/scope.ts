import { raw, sql, type Sql } from '../db/database.ts';
import type { Staff } from './queries.ts';

/**
 * The reports a staff member may see and act on, as a condition over `reports` (alias r):
 * officers see their own department's or kelurahan's reports (a kelurahan's: those lying in it,
 * unless a routing rule handed one to another kelurahan's desk, and those handed to it); admins
 * and moderators all;
 * planners none individually (they get aggregates only).
 */
export function reportScope(staff: Staff): Sql {
  switch (staff.role) {
    case 'admin':
    case 'moderator':
      return sql`true`;
    case 'department_officer':
      return sql`r.department_code = ${staff.department_code}`;
    case 'kelurahan_officer':
      return sql`${deskKelurahan('r')} = ${staff.kelurahan_code}`;
    default:
      return sql`false`;
  }
}

/**
 * The kelurahan whose desk handles a report (`alias` names `reports`): the one a routing rule
 * handed it to, else the one it lies in. Written as reports_desk_kelurahan_idx's expression
 * (migration 0105), so a desk's inbox uses that index.
 */
export function deskKelurahan(alias: string): Sql {
  const r = raw(alias);
  return sql`COALESCE(${r}.handling_kelurahan_code, ${r}.kelurahan_code)`;
}
