import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import en from './en.json' with { type: 'json' };
import id from './id.json' with { type: 'json' };

export const languages = ['id', 'en'] as const;
export type Language = (typeof languages)[number];

const storageKey = 'petawarga.language';

function storedLanguage(): Language {
  try {
    const stored = localStorage.getItem(storageKey);
    return stored === 'en' ? 'en' : 'id';
  } catch {
    // Storage can be blocked (private mode, strict cookie settings): Indonesian, unremembered.
    return 'id';
  }
}

i18next.use(initReactI18next).init({
  resources: { id: { translation: id }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'id',
  supportedLngs: [...languages],
  interpolation: { escapeValue: false },
  initAsync: false,
});

document.documentElement.lang = i18next.language;
i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language;
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // Nothing to do: the choice then lasts until the page is reloaded.
  }
});

/** The current language, narrowed to the two the app speaks. */
export function currentLanguage(): Language {
  return i18next.language === 'en' ? 'en' : 'id';
}

export default i18next;

/** The current language, re-rendering the component when it changes. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'id';
}
