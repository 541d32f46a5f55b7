import i18next from './i18n/setup.ts';

// What index.html draws before any script has arrived, in Indonesian: the header and, on the
// map, the "Laporkan" button. From the moment the entry runs until React replaces them, they
// show the resident's chosen language and they work: the ID/EN buttons switch it, and
// "Laporkan" loads React at once and has the form open when it is there, so a tap while the map
// loads is not lost (map-first.e2e.test.ts).

let reportRequested = false;

const staticPage = () => document.querySelector<HTMLElement>('#root > .app');

function showLanguage(page: HTMLElement): void {
  const texts: [selector: string, key: string][] = [
    ['.app-header .brand-tagline', 'public:app.tagline'],
    ['.app-header .header-link', 'public:myReports.title'],
    ['.public-map .report-button', reportRequested ? 'common:loading' : 'public:report.open'],
  ];
  for (const [selector, key] of texts) {
    const element = page.querySelector(selector);
    if (element) element.textContent = i18next.t(key);
  }
  page.querySelector('.language-switch')?.setAttribute('aria-label', i18next.t('common:language.label'));
  for (const button of page.querySelectorAll<HTMLButtonElement>('.language-switch button')) {
    button.setAttribute('aria-pressed', String(button.lang === i18next.language));
  }
}

/** Makes the static page follow the language until React takes it over. */
export function keepStaticPageInLanguage(): void {
  const page = staticPage();
  if (!page) return;
  for (const button of page.querySelectorAll<HTMLButtonElement>('.language-switch button')) {
    button.addEventListener('click', () => void i18next.changeLanguage(button.lang));
  }
  const onChange = () => (page.isConnected ? showLanguage(page) : i18next.off('languageChanged', onChange));
  i18next.on('languageChanged', onChange);
  showLanguage(page);
}

/**
 * Shows the static page's "Laporkan", which index.html keeps hidden because without a script it
 * would do nothing. A tap says it is loading and calls `loadApp`, without waiting for the map.
 */
export function offerReportBeforeReact(loadApp: () => void): void {
  const page = staticPage();
  const button = page?.querySelector<HTMLButtonElement>('.public-map .report-button');
  if (!page || !button) return;
  button.addEventListener('click', () => {
    if (reportRequested) return;
    reportRequested = true;
    button.setAttribute('aria-busy', 'true');
    showLanguage(page);
    loadApp();
  });
  button.hidden = false;
}

/** Whether "Laporkan" was tapped before React was there: the map page then starts with the form open. */
export function reportRequestedBeforeReact(): boolean {
  return reportRequested;
}

/** Called once the map page has taken the request, so that coming back to the map does not open the form again. */
export function forgetReportRequestedBeforeReact(): void {
  reportRequested = false;
}
