import { useTranslation } from 'react-i18next';
import { languages } from './index.ts';

/** ID / EN toggle for the header; the choice is remembered in localStorage. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation('common');
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {languages.map((language) => (
        // The visible "ID"/"EN" is the accessible name too (WCAG 2.5.3, label in name);
        // the full language name is the tooltip.
        <button
          key={language}
          type="button"
          lang={language}
          title={t(`language.${language}`)}
          aria-pressed={i18n.language === language}
          onClick={() => i18n.changeLanguage(language)}
        >
          {language.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
