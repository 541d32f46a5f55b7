import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import en from '../i18n/en/console.json' with { type: 'json' };
import id from '../i18n/id/console.json' with { type: 'json' };
import { initReactTranslations } from '../i18n/index.ts';
import '../map/fonts.ts';
import { createQueryClient } from '../query-client.ts';
import './console.css';
import { ConsoleApp } from './ConsoleApp.tsx';
import { signOutOnUnauthorized } from './session.ts';

initReactTranslations('console', { id, en });
const queryClient = createQueryClient(signOutOnUnauthorized);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ConsoleApp />
    </QueryClientProvider>
  </StrictMode>,
);
