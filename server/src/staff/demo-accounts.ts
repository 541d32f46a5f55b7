import { sql, type Database } from '../db/database.ts';
import { createStaff } from './create.ts';

/**
 * One account of each role for trying the app, with passwords published in the README.
 * Created only with the demo data, never on a database that already has staff.
 */
export const demoAccounts = [
  { email: 'admin@demo.petawarga.id', name: 'Admin Demo', role: 'admin', password: 'demo-admin-2026' },
  { email: 'moderator@demo.petawarga.id', name: 'Moderator Demo', role: 'moderator', password: 'demo-moderator-2026' },
  { email: 'pupr@demo.petawarga.id', name: 'Petugas Dinas PUPR', role: 'department_officer', departmentCode: 'tgr-pupr', password: 'demo-dinas-2026' },
  { email: 'sukarasa@demo.petawarga.id', name: 'Petugas Kelurahan Sukarasa', role: 'kelurahan_officer', kelurahanCode: '36.71.01.1001', password: 'demo-kelurahan-2026' },
  { email: 'planner@demo.petawarga.id', name: 'Perencana Demo', role: 'planner', password: 'demo-planner-2026' },
];

export async function createDemoAccounts(db: Database): Promise<number> {
  const [{ n }] = await db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM staff`);
  if (n > 0) return 0;
  for (const account of demoAccounts) await createStaff(db, account);
  return demoAccounts.length;
}
