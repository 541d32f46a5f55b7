import { abusiveWords, promotionWords, publicServiceWords } from './word-lists.ts';
import { normaliseWord, words } from './normalise.ts';

export type Flag = 'abusive' | 'promotion' | 'contact_details' | 'repeated_text' | 'unrelated';

export interface ScreenResult {
  flags: Flag[];
  /** The words or patterns that raised each flag, for the moderator. */
  evidence: Partial<Record<Flag, string[]>>;
}

const abusive = new Set(abusiveWords.map(normaliseWord));
const promotion = new Set(promotionWords.map(normaliseWord));
const publicService = new Set(publicServiceWords.map(normaliseWord));

const linkPattern = /\b(?:https?:\/\/|www\.)\S+|\b[\w-]+\.(?:com|id|net|org|co\.id|xyz|site|link|ly|me)\b/gi;
// Indonesian mobile numbers (08…, +628…, 628…), possibly spaced or dashed.
const phonePattern = /(?:\+?62|0)8(?:[\s.-]?\d){7,11}/g;

/**
 * Screens a report's text before publication. A flagged report waits for a moderator; a clean
 * one is published at once. `categoryWords` are the chosen category's own names, so a short
 * text that names its category ("lampu mati") is not taken as unrelated.
 */
export function screenText(text: string, categoryWords: string[] = []): ScreenResult {
  const tokens = words(text);
  const evidence: ScreenResult['evidence'] = {};
  const add = (flag: Flag, found: string[]) => {
    if (found.length) evidence[flag] = [...new Set(found)];
  };

  add('abusive', tokens.filter((w) => abusive.has(w)));
  const links = text.match(linkPattern) ?? [];
  const promo = tokens.filter((w) => promotion.has(w));
  // One trade word alone ("gratis", "pesan") is common in honest reports; with a link, or two
  // of them, it reads as an advertisement.
  add('promotion', links.length || promo.length >= 2 ? [...links, ...promo] : []);
  add('contact_details', text.match(phonePattern) ?? []);

  // The same short phrase again and again ("tolong tolong tolong …") or copy-pasted text.
  const counts = new Map<string, number>();
  for (const w of tokens) if (w.length > 2) counts.set(w, (counts.get(w) ?? 0) + 1);
  const repeated = [...counts].filter(([, n]) => n >= 5 && n / tokens.length > 0.3).map(([w]) => w);
  add('repeated_text', repeated);

  const topical = new Set([...publicService, ...categoryWords.flatMap(words)]);
  if (!tokens.some((w) => topical.has(w))) evidence.unrelated = ['no public-service words'];

  return { flags: Object.keys(evidence) as Flag[], evidence };
}
