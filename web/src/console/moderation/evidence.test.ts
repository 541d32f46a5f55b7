import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../../i18n/en/console.json' with { type: 'json' };
import id from '../../i18n/id/console.json' with { type: 'json' };
import { evidenceText } from './evidence.ts';

async function translator(lng: 'id' | 'en') {
  const instance = i18next.createInstance();
  await instance.init({ lng, resources: { id: { console: id }, en: { console: en } }, defaultNS: 'console', interpolation: { escapeValue: false } });
  return instance.t;
}

describe('a held report\'s evidence in the console', () => {
  it('reads the burst count and the missing service words in Indonesian', async () => {
    const t = await translator('id');
    expect(evidenceText('61 reports in 10 minutes', t)).toBe('61 laporan dalam 10 menit');
    expect(evidenceText('no public-service words', t)).toBe('tidak ada kata yang berkaitan dengan layanan publik');
  });

  it('keeps the words the screening found as they were written', async () => {
    const t = await translator('id');
    expect(evidenceText('wa.me/62812', t)).toBe('wa.me/62812');
    expect(evidenceText('reports in minutes', t)).toBe('reports in minutes');
  });

  it('says the same in English', async () => {
    const t = await translator('en');
    expect(evidenceText('6 reports in 10 minutes', t)).toBe('6 reports in 10 minutes');
  });
});
