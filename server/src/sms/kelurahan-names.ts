import { editDistance, nearest, nearestPrefix, squeeze } from './fuzzy.ts';

/** One kelurahan as a resident may name it (from the `kelurahan` table, see queries.ts). */
export interface KelurahanName {
  code: string;
  name: string;
  kecamatanName: string;
  cityCode: string;
  cityName: string;
}

export type KelurahanMatch =
  | { kind: 'found'; kelurahan: KelurahanName; wordsUsed: number }
  /** The name exists in more than one kecamatan (Babakan, Pondok Pucung): ask which one. */
  | { kind: 'same_name'; name: string; places: KelurahanName[] }
  /** The typo is equally close to several names: ask again rather than guess. */
  | { kind: 'ambiguous'; names: string[] }
  | { kind: 'unknown'; written: string; suggestion?: string };

// Words that name a city rather than a kecamatan, as residents write them.
const cityWords: Record<string, string> = {
  TANGSEL: '36.74', TANGERANGSELATAN: '36.74', KOTATANGERANGSELATAN: '36.74', TSL: '36.74',
  TANGERANG: '36.71', KOTATANGERANG: '36.71', TGR: '36.71',
};
const qualifierLeads = new Set(['KEC', 'KECAMATAN', 'KOTA', 'DI']);

/**
 * The kelurahan named by the first one to four of `words` (fuzzy.ts nearestPrefix: "Cibodas
 * Barru" is Cibodas Baru, "Sukasari Jl" is Sukasari). Words after the name may
 * say which one is meant when the name exists twice: "Babakan Kec. Setu", "Babakan Tangsel".
 */
export function matchKelurahan(words: string[], places: KelurahanName[]): KelurahanMatch {
  const names = [...new Set(places.map((p) => p.name))].map((name) => ({ key: squeeze(name), value: name }));
  const best = nearestPrefix(words, 4, names);
  if (!best) return unknown(words.slice(0, 4), names.map((n) => n.value));
  if (best.values.length > 1) return { kind: 'ambiguous', names: best.values };

  const name = best.values[0];
  const candidates = places.filter((p) => p.name === name);
  const qualified = qualifier(words.slice(best.wordsUsed), candidates);
  if (qualified) return { kind: 'found', kelurahan: qualified.place, wordsUsed: best.wordsUsed + qualified.wordsUsed };
  if (candidates.length > 1) return { kind: 'same_name', name, places: candidates };
  return { kind: 'found', kelurahan: candidates[0], wordsUsed: best.wordsUsed };
}

/** The one candidate that the words after the name point at (kecamatan or city), if any. */
function qualifier(words: string[], candidates: KelurahanName[]): { place: KelurahanName; wordsUsed: number } | null {
  let lead = 0;
  while (lead < words.length && lead < 2 && qualifierLeads.has(squeeze(words[lead]))) lead++;
  for (let n = Math.min(3, words.length - lead); n >= 1; n--) {
    const written = squeeze(words.slice(lead, lead + n).join(''));
    const city = cityWords[written] ?? cityWords[`KOTA${written}`];
    const byKecamatan = nearest(written, candidates.map((c) => ({ key: squeeze(c.kecamatanName), value: c })));
    const matching = byKecamatan?.values.length === 1 ? byKecamatan.values : candidates.filter((c) => c.cityCode === city);
    if (matching.length === 1) return { place: matching[0], wordsUsed: lead + n };
  }
  return null;
}

/** What to say about a name we could not place: the nearest real name, if it is plausible. */
function unknown(words: string[], names: string[]): KelurahanMatch {
  const written = words.join(' ');
  const key = squeeze(written);
  let suggestion: string | undefined;
  let bestDistance = Math.max(3, Math.floor(key.length / 3)) + 1;
  for (const name of names) {
    // Compare with as many words as the name has: "Sukasri Jl Merdeka" still suggests Sukasari.
    const prefix = squeeze(words.slice(0, name.split(' ').length).join(''));
    const distance = Math.min(editDistance(key, squeeze(name)), editDistance(prefix, squeeze(name)));
    if (distance < bestDistance) [bestDistance, suggestion] = [distance, name];
  }
  return { kind: 'unknown', written, suggestion };
}
