import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './App.tsx';
import { categoriesQuery, type Categories } from './categories.ts';
import i18next from './i18n/setup.ts';
import { createQueryClient } from './query-client.ts';

/** What the entry (main.ts) already fetched while the map loaded. */
interface Fetched {
  categories?: Categories;
}

/**
 * Renders the public app into #root, replacing the static page the entry (main.ts) started
 * with. i18next was started there without React, so it is handed to React here.
 */
export function mountPublicApp(fetched: Fetched): void {
  const queryClient = createQueryClient();
  if (fetched.categories) queryClient.setQueryData(categoriesQuery.queryKey, fetched.categories);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <I18nextProvider i18n={i18next}>
        <QueryClientProvider client={queryClient}>
          <App />
        </QueryClientProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}
