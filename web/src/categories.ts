import { getJson } from './api.ts';
import type { Language } from './i18n/index.ts';

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

let categories: Promise<Category[]> | undefined;

/**
 * The categories, fetched once per page load and shared by the map and the form. The same
 * promise every time, as React's use() requires.
 */
export function loadCategories(): Promise<Category[]> {
  categories ??= getJson<{ categories: Category[] }>('/api/categories').then((body) => body.categories);
  return categories;
}

/** Drops a failed load so that "try again" fetches anew. */
export function forgetCategories(): void {
  categories = undefined;
}

export function categoryName(category: Pick<Category, 'name_id' | 'name_en'>, language: Language): string {
  return language === 'en' ? category.name_en : category.name_id;
}

export function categoryDescription(category: Category, language: Language): string {
  return language === 'en' ? category.description_en : category.description_id;
}
