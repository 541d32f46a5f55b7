import type { Static } from 'typebox';
import { sql, type Queryable } from '../db/database.ts';
import { appError } from '../http/error-catalogue.ts';
import { categoryKeywords } from '../sms/category-keywords.ts';
import { questions } from './questions.ts';
import type { Service, ServiceDefinition } from './schemas.ts';

type Locale = 'id' | 'en';

// GeoReport's group, by the kind of department a category goes to.
const groups: Record<string, { id: string; en: string }> = {
  pupr: { id: 'Jalan & saluran', en: 'Roads & drains' },
  dlh: { id: 'Lingkungan', en: 'Environment' },
  dishub: { id: 'Perhubungan', en: 'Transport' },
  bpbd: { id: 'Kebencanaan', en: 'Disasters' },
  perkim: { id: 'Fasilitas umum', en: 'Public facilities' },
  satpolpp: { id: 'Ketertiban umum', en: 'Public order' },
};

interface CategoryRow {
  code: string; name_id: string; name_en: string; description_id: string; description_en: string; department_kind: string;
}

/** Every category as a GeoReport service, in the order the web app lists them. */
export async function listServices(db: Queryable, locale: Locale): Promise<Static<typeof Service>[]> {
  const rows = await db.query<CategoryRow>(sql`
    SELECT code, name_id, name_en, description_id, description_en, department_kind
    FROM categories ORDER BY sort_order, code`);
  return rows.map((c) => ({
    service_code: c.code,
    service_name: locale === 'en' ? c.name_en : c.name_id,
    description: locale === 'en' ? c.description_en : c.description_id,
    metadata: (questions[c.code] ?? []).length > 0,
    type: 'realtime' as const,
    keywords: (categoryKeywords[c.code] ?? []).map((k) => k.toLowerCase()).join(', '),
    group: groups[c.department_kind]?.[locale] ?? c.department_kind,
  }));
}

/** The questions of one service; SERVICE_NOT_FOUND when no category has the code. */
export async function serviceDefinition(db: Queryable, serviceCode: string, locale: Locale): Promise<Static<typeof ServiceDefinition>> {
  const [category] = await db.query(sql`SELECT 1 FROM categories WHERE code = ${serviceCode}`);
  if (!category) throw appError('SERVICE_NOT_FOUND', { serviceCode });
  return {
    service_code: serviceCode,
    attributes: (questions[serviceCode] ?? []).map((q, i) => ({
      variable: true as const,
      code: q.code,
      datatype: q.datatype,
      required: q.required,
      datatype_description: q.datatype_description?.[locale] ?? null,
      order: i + 1,
      description: q.description[locale],
      values: (q.values ?? []).map((v) => ({ key: v.key, name: v.name[locale] })),
    })),
  };
}

/** The cities a jurisdiction_id may name; absent means both. UNKNOWN_JURISDICTION for any other. */
export async function jurisdictionCities(db: Queryable, jurisdictionId: string | undefined): Promise<string[] | undefined> {
  if (jurisdictionId === undefined) return undefined;
  const cities = await db.query<{ code: string }>(sql`SELECT code FROM cities ORDER BY code`);
  const known = cities.map((c) => c.code);
  if (!known.includes(jurisdictionId)) throw appError('UNKNOWN_JURISDICTION', { jurisdiction: jurisdictionId, known });
  return [jurisdictionId];
}
