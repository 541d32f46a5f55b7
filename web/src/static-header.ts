import i18next from './i18n/setup.ts';

// The header index.html draws before any script has arrived, in Indonesian. From the moment the
// entry runs until React replaces it, it shows the resident's chosen language and its ID/EN
// buttons work, so a tap while the map loads is not lost (map-first.e2e.test.ts).
const texts: [selector: string, key: string][] = [
  ['.brand-tagline', 'public:app.tagline'],
  ['.header-link', 'public:myReports.title'],
];

function showLanguage(header: Element): void {
  for (const [selector, key] of texts) {
    const element = header.querySelector(selector);
    if (element) element.textContent = i18next.t(key);
  }
  header.querySelector('.language-switch')?.setAttribute('aria-label', i18next.t('common:language.label'));
  for (const button of header.querySelectorAll<HTMLButtonElement>('.language-switch button')) {
    button.setAttribute('aria-pressed', String(button.lang === i18next.language));
  }
}

/** Makes the static header follow the language until React takes over the page. */
export function keepStaticHeaderInLanguage(): void {
  const header = document.querySelector('#root .app-header');
  if (!header) return;
  for (const button of header.querySelectorAll<HTMLButtonElement>('.language-switch button')) {
    button.addEventListener('click', () => void i18next.changeLanguage(button.lang));
  }
  const onChange = () => (header.isConnected ? showLanguage(header) : i18next.off('languageChanged', onChange));
  i18next.on('languageChanged', onChange);
  showLanguage(header);
}
