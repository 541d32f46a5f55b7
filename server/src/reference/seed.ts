import { sql, type Database } from '../db/database.ts';
import { categories } from './categories.ts';
import { departmentsByCity } from './departments.ts';

/**
 * Writes the seeded departments and categories. Existing rows are updated, never removed,
 * so edits made here reach an existing database on its next start.
 */
export async function seedReferenceData(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    for (const [cityCode, { prefix, departments }] of Object.entries(departmentsByCity)) {
      for (const d of departments) {
        await tx.query(sql`
          INSERT INTO departments (code, city_code, kind, name, short_name)
          VALUES (${`${prefix}-${d.kind}`}, ${cityCode}, ${d.kind}, ${d.name}, ${d.shortName})
          ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, short_name = EXCLUDED.short_name`);
      }
    }
    for (const [order, c] of categories.entries()) {
      await tx.query(sql`
        INSERT INTO categories (code, name_id, name_en, description_id, description_en, icon, color,
                                department_kind, sort_order, response_working_days, sensitive)
        VALUES (${c.code}, ${c.nameId}, ${c.nameEn}, ${c.descriptionId}, ${c.descriptionEn}, ${c.icon},
                ${c.color}, ${c.departmentKind}, ${order}, ${c.responseWorkingDays}, ${c.sensitive ?? false})
        ON CONFLICT (code) DO UPDATE SET
          name_id = EXCLUDED.name_id, name_en = EXCLUDED.name_en,
          description_id = EXCLUDED.description_id, description_en = EXCLUDED.description_en,
          icon = EXCLUDED.icon, color = EXCLUDED.color,
          department_kind = EXCLUDED.department_kind, sort_order = EXCLUDED.sort_order`);
    }
  });
}
