import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import en from './i18n/en/public.json' with { type: 'json' };
import id from './i18n/id/public.json' with { type: 'json' };
import { initTranslations } from './i18n/index.ts';
import './map/fonts.ts';
import './app.css';
import { App } from './App.tsx';
import { createQueryClient } from './query-client.ts';
import { registerServiceWorker, registerServiceWorkerAtLoad } from './service-worker.ts';

initTranslations('public', { id, en });
const queryClient = createQueryClient();
// The public map registers the service worker once it has drawn (PublicMapPage); the timer is for
// a map that never gets there (tiles failing), so the app still becomes available offline.
if (window.location.pathname === '/') setTimeout(registerServiceWorker, 20_000);
else registerServiceWorkerAtLoad();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
