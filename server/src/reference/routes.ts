import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Static } from 'typebox';
import { sql } from '../db/database.ts';
import { errorResponses } from '../http/responses.ts';

const Category = Type.Object({
  code: Type.String(), name_id: Type.String(), name_en: Type.String(),
  description_id: Type.String(), description_en: Type.String(),
  icon: Type.String(), color: Type.String(), department_kind: Type.String(),
});

const Department = Type.Object({
  code: Type.String(),
  city_code: Type.Union([Type.String(), Type.Null()], { description: 'null for a provincial or national body' }),
  level: Type.Union(['city', 'enterprise', 'provincial', 'national'].map((l) => Type.Literal(l))),
  kind: Type.String(), name: Type.String(), short_name: Type.String(),
});

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
      SELECT code, name_id, name_en, description_id, description_en, icon, color, department_kind
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
