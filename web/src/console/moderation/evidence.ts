import type { TFunction } from 'i18next';

// The screening stores its evidence as it found it (server/src/moderation/screen.ts and
// db/functions/screen_bursts.sql): the words themselves, which need no translation, and two
// sentences in English, which the moderator reads in the console's language instead.
const burst = /^(\d+) reports in (\d+) minutes$/;
const noServiceWords = 'no public-service words';

/** One piece of a held report's evidence, as a moderator reads it. */
export function evidenceText(value: string, t: TFunction): string {
  const counted = burst.exec(value);
  if (counted) return t('moderation.burstEvidence', { count: Number(counted[1]), minutes: Number(counted[2]) });
  if (value === noServiceWords) return t('moderation.noServiceWords');
  return value;
}
