// Common letter substitutions in Indonesian and English chat ("4nj1ng", "$hit", "b4ngs4t").
const substitutions: Record<string, string> = {
  '4': 'a', '@': 'a', '8': 'b', '3': 'e', '6': 'g', '1': 'i', '!': 'i', '|': 'i', '0': 'o', '5': 's', '$': 's', '7': 't', '2': 'z',
};

/** Lower case, substitutions undone, accents dropped, letters repeated 3+ times squeezed to one. */
export function normaliseWord(word: string): string {
  return word
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[4@8361!|05$72]/g, (c) => substitutions[c] ?? c)
    .replace(/(.)\1{2,}/g, '$1');
}

/**
 * The words of a text, normalised. Tokens are split on anything that is not a letter, digit or
 * a substitution symbol, and spaced-out words ("a n j i n g") are joined back first.
 */
export function words(text: string): string[] {
  const joined = text.replace(/\b(\p{L})(?:[\s.*_-](\p{L})){3,}\b/gu, (m) => m.replace(/[\s.*_-]/g, ''));
  return joined.split(/[^\p{L}\p{N}@$!|]+/u).filter(Boolean).map(normaliseWord);
}
