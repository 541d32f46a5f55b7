import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import en from '../i18n/en/analytics.json' with { type: 'json' };
import id from '../i18n/id/analytics.json' with { type: 'json' };
import { initReactTranslations } from '../i18n/index.ts';
import '../map/fonts.ts';
import { createQueryClient } from '../query-client.ts';
import './analytics.css';
import { AnalyticsPage } from './AnalyticsPage.tsx';

initReactTranslations('analytics', { id, en });
const queryClient = createQueryClient();

// The planner view's own entry (web/analytics.html), so the public map never loads this code.
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <AnalyticsPage />
    </QueryClientProvider>
  </StrictMode>,
);
