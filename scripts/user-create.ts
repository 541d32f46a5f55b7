// npm run user:create -- --email a@b.id --role department_officer --department tgr-pupr [--name N] [--password P]
// Without --password the password is asked for on the terminal, so it need not appear in the
// shell history.
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline/promises';
import { prepareDatabase } from '../server/src/prepare-database.ts';
import { withDatabase } from './with-database.ts';
import { createStaff } from '../server/src/staff/create.ts';

const { values } = parseArgs({
  options: {
    email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' },
    department: { type: 'string' }, kelurahan: { type: 'string' }, password: { type: 'string' },
  },
});
if (!values.email || !values.role) {
  console.error('usage: npm run user:create -- --email E --role admin|moderator|department_officer|kelurahan_officer|planner [--department CODE | --kelurahan CODE] [--name NAME] [--password P]');
  process.exit(2);
}
let password = values.password;
if (!password) {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  password = await rl.question('Password (at least 10 characters): ');
  rl.close();
}
await withDatabase(async (db) => {
  await prepareDatabase(db);
  const staff = await createStaff(db, {
    email: values.email!, role: values.role!, name: values.name ?? values.email!, password: password!,
    departmentCode: values.department, kelurahanCode: values.kelurahan,
  });
  console.log(`created ${staff.role} ${staff.email} (id ${staff.id})`);
});
