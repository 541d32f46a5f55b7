import { useSuspenseQuery } from '@tanstack/react-query';
import type { Language } from './i18n/index.ts';
import { jsonQuery } from './query-client.ts';
// The server's schemas, as types only: nothing of the server enters the bundle.
import type { Static } from 'typebox';
import type { Category as CategorySchema } from '../../server/src/reference/schemas.ts';

/** A report category as GET /api/categories describes it. */
export type Category = Static<typeof CategorySchema>;

export type Categories = { categories: Category[] };

export const categoriesQuery = jsonQuery<Categories>('/api/categories');

/** The categories, fetched once per page and shared by the map, the form and the charts; suspends until they come. */
export function useCategories(): Category[] {
  return useSuspenseQuery(categoriesQuery).data.categories;
}

export function categoryName(category: Pick<Category, 'name_id' | 'name_en'>, language: Language): string {
  return language === 'en' ? category.name_en : category.name_id;
}

export function categoryDescription(category: Category, language: Language): string {
  return language === 'en' ? category.description_en : category.description_id;
}
