import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../i18n/index.ts';
import './i18n.ts';
import '../map/fonts.ts';
import './console.css';
import { ConsoleApp } from './ConsoleApp.tsx';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConsoleApp />
  </StrictMode>,
);
