import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../i18n/index.ts';
import './i18n.ts';
import '../map/fonts.ts';
import './analytics.css';
import { AnalyticsPage } from './AnalyticsPage.tsx';

// The planner view's own entry (web/analytics.html), so the public map never loads this code.
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AnalyticsPage />
  </StrictMode>,
);
