import i18next from 'i18next';
import commonEn from './en/common.json' with { type: 'json' };
import commonId from './id/common.json' with { type: 'json' };

export const languages = ['id', 'en'] as const;
export type Language = (typeof languages)[number];

/**
 * The app's texts, one JSON file per namespace and language (web/src/i18n/<language>/<namespace>.json):
 * `common` for what every page shows (language switch, status names, map controls, errors), and
 * one namespace per page, which only that page's bundle loads.
 */
export type PageNamespace = 'public' | 'console' | 'analytics';

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

/**
 * Starts i18next for one page with the common texts and the page's own. Components read them
 * with useTranslation(namespace); a key the page's namespace lacks is looked up in `common`.
 * Nothing here needs React: the public map starts, with its controls' texts, before React loads.
 */
export function initTranslations(namespace: PageNamespace, texts: Record<Language, object>): void {
  i18next.init({
    resources: {
      id: { common: commonId, [namespace]: texts.id },
      en: { common: commonEn, [namespace]: texts.en },
    },
    ns: ['common', namespace],
    defaultNS: namespace,
    fallbackNS: 'common',
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
}

/** The current language, narrowed to the two the app speaks. */
export function currentLanguage(): Language {
  return i18next.language === 'en' ? 'en' : 'id';
}

export default i18next;
