import { sql, type Queryable } from '../db/database.ts';
import { appError } from '../http/error-catalogue.ts';
import { hashPassword, minPasswordLength } from './passwords.ts';
import { insertStaff, roles, type Role, type Staff } from './queries.ts';

export interface NewStaff {
  email: string;
  name: string;
  password: string;
  role: string;
  departmentCode?: string;
  kelurahanCode?: string;
}

/** Creates a staff account after checking role, scope and password; used by CLI and seeds. */
export async function createStaff(db: Queryable, s: NewStaff): Promise<Staff> {
  const problems: { field: string; problem: string }[] = [];
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s.email)) problems.push({ field: 'email', problem: 'not an e-mail address' });
  if (!(roles as readonly string[]).includes(s.role)) problems.push({ field: 'role', problem: `one of ${roles.join(', ')}` });
  if (s.password.length < minPasswordLength) problems.push({ field: 'password', problem: `at least ${minPasswordLength} characters` });
  if ((s.role === 'department_officer') !== Boolean(s.departmentCode)) {
    problems.push({ field: 'department', problem: 'required for department_officer, and only for it' });
  }
  if ((s.role === 'kelurahan_officer') !== Boolean(s.kelurahanCode)) {
    problems.push({ field: 'kelurahan', problem: 'required for kelurahan_officer, and only for it' });
  }
  if (problems.length) throw appError('VALIDATION_FAILED', { details: problems });
  if (s.departmentCode && !(await db.query(sql`SELECT 1 FROM departments WHERE code = ${s.departmentCode}`)).length) {
    throw appError('UNKNOWN_DEPARTMENT', { department: s.departmentCode });
  }
  if (s.kelurahanCode && !(await db.query(sql`SELECT 1 FROM kelurahan WHERE code = ${s.kelurahanCode}`)).length) {
    throw appError('UNKNOWN_KELURAHAN', { code: s.kelurahanCode });
  }
  if ((await db.query(sql`SELECT 1 FROM staff WHERE lower(email) = lower(${s.email})`)).length) {
    throw appError('STAFF_EXISTS');
  }
  return insertStaff(db, {
    email: s.email,
    name: s.name,
    passwordHash: await hashPassword(s.password),
    role: s.role as Role,
    department_code: s.departmentCode ?? null,
    kelurahan_code: s.kelurahanCode ?? null,
  });
}
