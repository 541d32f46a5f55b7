import { useSuspenseQuery } from '@tanstack/react-query';
import type { Language } from './i18n/index.ts';
import { jsonQuery } from './query-client.ts';

/** A report category as GET /api/categories describes it. */
export interface Category {
  code: string;
  name_id: string;
  name_en: string;
  description_id: string;
  description_en: string;
  icon: string;
  color: string;
  department_kind: string;
}

export const categoriesQuery = jsonQuery<{ categories: Category[] }>('/api/categories');

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
