import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Static } from 'typebox';
import { sql } from '../db/database.ts';

const Category = Type.Object({
  code: Type.String(), name_id: Type.String(), name_en: Type.String(),
  description_id: Type.String(), description_en: Type.String(),
  icon: Type.String(), color: Type.String(), department_kind: Type.String(),
});

export const referenceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/categories', {
    schema: {
      tags: ['reference'],
      summary: 'Report categories with their names, colours and default department kind',
      response: { 200: Type.Object({ categories: Type.Array(Category) }) },
    },
  }, async () => {
    const categories = await app.db.query<Static<typeof Category>>(sql`
      SELECT code, name_id, name_en, description_id, description_en, icon, color, department_kind
      FROM categories ORDER BY sort_order`);
    return { categories };
  });

  app.get('/api/departments', {
    schema: { tags: ['reference'], summary: 'Departments of each city' },
  }, async () => {
    const departments = await app.db.query(sql`
      SELECT code, city_code, level, kind, name, short_name FROM departments ORDER BY city_code NULLS LAST, kind`);
    return { departments };
  });
};
