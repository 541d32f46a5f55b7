import type { Category } from '../categories.ts';
import { categoryName } from '../categories.ts';
import { useLanguage } from '../i18n/index.ts';
import { useJson } from './use-json.ts';

/** The categories (GET /api/categories) and a function naming one in the reader's language. */
export function useCategories() {
  const language = useLanguage();
  const { data } = useJson<{ categories: Category[] }>('/api/categories');
  const categories = data?.categories ?? [];
  const nameOf = (code: string) => {
    const category = categories.find((c) => c.code === code);
    return category ? `${category.icon} ${categoryName(category, language)}` : code;
  };
  return { categories, nameOf };
}
