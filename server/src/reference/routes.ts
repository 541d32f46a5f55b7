import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Static } from 'typebox';
import { sql } from '../db/database.ts';
import { errorResponses } from '../http/responses.ts';
import { Category, Department } from './schemas.ts';

// Reading reference data can fail only when the database is out of reach.
const errors = errorResponses(500, 503);

export const referenceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/categories', {
    schema: {
      tags: ['reference'],
      summary: 'Report categories with their names, colours and default department kind',
      response: { 200: Type.Object({ categories: Type.Array(Category) }), ...errors },
    },
  }, async () => {
    const categories = await app.db.query<Static<typeof Category>>(sql`
      SELECT code, name_id, name_en, description_id, description_en, icon, color, department_kind, sensitive
      FROM categories ORDER BY sort_order`);
    return { categories };
  });

  app.get('/api/departments', {
    schema: {
      tags: ['reference'],
      summary: 'Departments of each city',
      response: { 200: Type.Object({ departments: Type.Array(Department) }), ...errors },
    },
  }, async () => {
    const departments = await app.db.query<Static<typeof Department>>(sql`
      SELECT code, city_code, level, kind, name, short_name FROM departments ORDER BY city_code NULLS LAST, kind`);
    return { departments };
  });
};
