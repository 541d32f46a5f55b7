import { sql, type Queryable } from '../db/database.ts';

export const roles = ['admin', 'moderator', 'department_officer', 'kelurahan_officer', 'planner'] as const;
export type Role = (typeof roles)[number];

export interface Staff {
  id: number;
  email: string;
  name: string;
  role: Role;
  department_code: string | null;
  kelurahan_code: string | null;
}

const staffColumns = sql`s.id, s.email, s.name, s.role, s.department_code, s.kelurahan_code`;

export async function insertStaff(
  db: Queryable,
  s: Omit<Staff, 'id'> & { passwordHash: string },
): Promise<Staff> {
  const [row] = await db.query<Staff>(sql`
    INSERT INTO staff AS s (email, name, password_hash, role, department_code, kelurahan_code)
    VALUES (${s.email}, ${s.name}, ${s.passwordHash}, ${s.role}, ${s.department_code}, ${s.kelurahan_code})
    RETURNING ${staffColumns}`);
  return row;
}

export async function findStaffForLogin(db: Queryable, email: string) {
  const [row] = await db.query<Staff & { password_hash: string }>(sql`
    SELECT ${staffColumns}, s.password_hash
    FROM staff s WHERE lower(s.email) = lower(${email}) AND s.is_active`);
  return row;
}

export async function insertSession(db: Queryable, s: { tokenHash: string; staffId: number; csrfToken: string; hours: number }) {
  await db.query(sql`
    INSERT INTO staff_sessions (token_hash, staff_id, csrf_token, expires_at)
    VALUES (${s.tokenHash}, ${s.staffId}, ${s.csrfToken}, now() + make_interval(hours => ${s.hours}))`);
}

export async function findSession(db: Queryable, tokenHash: string) {
  const [row] = await db.query<Staff & { csrf_token: string }>(sql`
    SELECT ${staffColumns}, ss.csrf_token
    FROM staff_sessions ss JOIN staff s ON s.id = ss.staff_id
    WHERE ss.token_hash = ${tokenHash} AND ss.expires_at > now() AND s.is_active`);
  return row;
}

export async function deleteSession(db: Queryable, tokenHash: string): Promise<void> {
  await db.query(sql`DELETE FROM staff_sessions WHERE token_hash = ${tokenHash}`);
}
