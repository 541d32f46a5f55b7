// Typo-tolerant comparison of the words residents type on a phone keypad: "BANJR", "Sukasri",
// "Pondok-Aren", "pondokaren" must all find what they meant.

/** Upper-case ASCII letters and digits only, so spacing, hyphens and accents do not matter. */
export function squeeze(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/**
 * Edit distance with adjacent transpositions (optimal string alignment): "BANIJR" is one typo
 * from "BANJIR", as a resident would count it, not two.
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1, cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => [i, ...new Array<number>(cols - 1).fill(0)]);
  for (let j = 0; j < cols; j++) d[0][j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/**
 * Typos forgiven for a word of this length: none in three letters (GOT, PJU, PKL are too short
 * to guess at), one up to seven, two beyond. Longer names have more room for a slip and fewer
 * neighbours one or two letters away.
 */
export function tolerance(length: number): number {
  if (length <= 3) return 0;
  return length <= 7 ? 1 : 2;
}

export interface FuzzyMatch<T> {
  distance: number;
  /** Every candidate at the best distance: more than one distinct value is ambiguous. */
  values: T[];
}

/** The candidates nearest to `input` within the tolerance of the candidate's length, or null. */
export function nearest<T>(input: string, candidates: { key: string; value: T }[]): FuzzyMatch<T> | null {
  let best: FuzzyMatch<T> | null = null;
  for (const c of candidates) {
    // Cheap bound first: the length difference alone may exceed what is forgiven.
    const allowed = tolerance(c.key.length);
    if (Math.abs(c.key.length - input.length) > allowed) continue;
    const distance = editDistance(input, c.key);
    if (distance > allowed) continue;
    if (!best || distance < best.distance) best = { distance, values: [c.value] };
    else if (distance === best.distance && !best.values.includes(c.value)) best.values.push(c.value);
  }
  return best;
}

/**
 * The candidate named by the first one to `maxWords` words. The longest run of words that
 * names something wins ("Cibodas Barru" is Cibodas Baru, not Cibodas and a stray word); but
 * when fewer words name the same thing more exactly, the extra words were not part of it
 * ("Sukasari Jl" is Sukasari, two letters off, and "Jl" begins the description).
 */
export function nearestPrefix<T>(
  words: string[], maxWords: number, candidates: { key: string; value: T }[],
): (FuzzyMatch<T> & { wordsUsed: number }) | null {
  const matches: (FuzzyMatch<T> & { wordsUsed: number })[] = [];
  for (let n = 1; n <= Math.min(maxWords, words.length); n++) {
    const found = nearest(squeeze(words.slice(0, n).join('')), candidates);
    if (found) matches.push({ ...found, wordsUsed: n });
  }
  const longest = matches.at(-1);
  if (!longest || longest.values.length > 1) return longest ?? null;
  return matches
    .filter((m) => m.values.length === 1 && m.values[0] === longest.values[0])
    .sort((a, b) => a.distance - b.distance || b.wordsUsed - a.wordsUsed)[0];
}
