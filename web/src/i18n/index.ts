import { initReactI18next, useTranslation } from 'react-i18next';
import i18next, { initTranslations, type Language, type PageNamespace } from './setup.ts';

export { currentLanguage, languages, type Language, type PageNamespace } from './setup.ts';
export default i18next;

/** For a page that starts React at once (the console, the planner view): i18next bound to React. */
export function initReactTranslations(namespace: PageNamespace, texts: Record<Language, object>): void {
  i18next.use(initReactI18next);
  initTranslations(namespace, texts);
}

/** The current language, re-rendering the component when it changes. */
export function useLanguage(): Language {
  const { i18n } = useTranslation('common');
  return i18n.language === 'en' ? 'en' : 'id';
}
