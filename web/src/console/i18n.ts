import i18next from '../i18n/index.ts';
import en from './en.json' with { type: 'json' };
import id from './id.json' with { type: 'json' };

// The console's texts join the public app's (language choice, status names, MapLibre controls)
// under one key, so the public bundle never carries them.
i18next.addResourceBundle('id', 'translation', { console: id }, true, false);
i18next.addResourceBundle('en', 'translation', { console: en }, true, false);
