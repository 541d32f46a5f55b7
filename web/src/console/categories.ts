import { useQuery } from '@tanstack/react-query';
import { categoriesQuery, categoryName } from '../categories.ts';
import { useLanguage } from '../i18n/index.ts';

/** The categories (GET /api/categories, none until they come) and a function naming one in the reader's language. */
export function useCategories() {
  const language = useLanguage();
  const categories = useQuery(categoriesQuery).data?.categories ?? [];
  const nameOf = (code: string) => {
    const category = categories.find((c) => c.code === code);
    return category ? categoryName(category, language) : code;
  };
  return { categories, nameOf };
}
