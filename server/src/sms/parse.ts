import { normaliseTrackingCode, trackingCodePattern } from '../reference/tracking-code.ts';
import { matchCategory } from './category-keywords.ts';
import { nearest, squeeze } from './fuzzy.ts';
import { matchKelurahan, type KelurahanName } from './kelurahan-names.ts';

// The SMS grammar, as printed on the city's posters:
//   LAPOR <KATEGORI> Kel. <nama kelurahan>, <uraian>     e.g. LAPOR BANJIR Kel. Sukasari, air selutut
//   CEK <kode>                                           e.g. CEK TGR-7K3P9Q
// Residents type on feature phones, so typos, missing punctuation, a missing "Kel." and the
// hotline habit of '#' between fields are all accepted.

export type SmsProblem =
  | { code: 'unknown_command' }
  | { code: 'missing_category' }
  | { code: 'unknown_category'; written: string }
  | { code: 'missing_kelurahan'; categoryCode: string }
  | { code: 'unknown_kelurahan'; categoryCode: string; written: string; suggestion?: string }
  | { code: 'ambiguous_kelurahan'; categoryCode: string; names: string[] }
  | { code: 'same_name_kelurahan'; categoryCode: string; name: string; places: KelurahanName[] }
  | { code: 'description_too_short'; categoryCode: string; kelurahan: KelurahanName }
  | { code: 'invalid_tracking_code'; written: string };

export type SmsCommand =
  | { kind: 'report'; categoryCode: string; kelurahan: KelurahanName; description: string }
  | { kind: 'status'; code: string }
  | { kind: 'help' }
  | { kind: 'problem'; problem: SmsProblem };

// Same bounds as the web form (reports/schemas.ts): a description says what is wrong.
const minDescription = 10;
const maxDescription = 2000;

const commands = [
  ...['LAPOR', 'LAPORAN', 'LPR', 'ADUAN'].map((key) => ({ key, value: 'report' as const })),
  ...['CEK', 'CEKSTATUS', 'STATUS', 'CECK', 'CHECK'].map((key) => ({ key, value: 'status' as const })),
  ...['INFO', 'BANTUAN', 'HELP', 'FORMAT'].map((key) => ({ key, value: 'help' as const })),
];

// "Kel.", "Kel:", "Kelurahan", "Desa" before the name; \b keeps "Kelapa Indah" a name.
const kelurahanMarker = /(?:^|[\s,;:])(?:kelurahan|kel|desa)\b[.:]?\s*/i;
// What ends the kelurahan's name: a comma (the poster's format), or another field separator.
const fieldSeparator = /[,;\n]|\s-\s/;
const trackingCodeInText = /\b([A-Za-z]{3})[\s-]*([A-Za-z0-9]{6})\b/;

interface Word {
  text: string;
  end: number;
}

function wordsOf(text: string): Word[] {
  return [...text.matchAll(/[\p{L}\p{N}'’-]+/gu)].map((m) => ({ text: m[0], end: m.index + m[0].length }));
}

const trimFieldEdges = (text: string) => text.replace(/^[\s,.;:#-]+|[\s,;:#-]+$/g, '');

/** What one incoming SMS asks for, or what is wrong with it (for the reply). */
export function parseSms(text: string, places: KelurahanName[]): SmsCommand {
  const message = unHash(text.normalize('NFKC').replace(/[ \t]+/g, ' ').trim());
  const first = wordsOf(message)[0];
  if (!first) return { kind: 'help' };
  const command = nearest(squeeze(first.text), commands);
  const rest = message.slice(first.end);
  if (command?.values.length === 1) {
    if (command.values[0] === 'help') return { kind: 'help' };
    if (command.values[0] === 'status') return parseStatus(rest);
    return parseReport(rest, places);
  }
  // Someone who sends only their tracking code wants its status; someone who starts with the
  // category and names a kelurahan ("BANJIR Kel. Sukasari, …") forgot the LAPOR.
  if (new RegExp(trackingCodePattern).test(normaliseTrackingCode(message))) return parseStatus(message);
  if (kelurahanMarker.test(message) && matchCategory([first.text]).kind === 'found') return parseReport(message, places);
  return { kind: 'problem', problem: { code: 'unknown_command' } };
}

/** "LAPOR#BANJIR#Sukasari#air selutut": '#' fields become the poster's format. */
function unHash(message: string): string {
  const fields = message.split('#').map((f) => f.trim());
  if (fields.length < 3) return fields.join(' ');
  const [command, category, kelurahan, ...description] = fields;
  const marked = kelurahanMarker.test(` ${kelurahan}`) ? kelurahan : `Kel. ${kelurahan}`;
  return `${command} ${category} ${marked}, ${description.join(' ')}`;
}

function parseStatus(rest: string): SmsCommand {
  const written = rest.replace(/^\W*status\b/i, '').trim();
  const found = written.match(trackingCodeInText);
  const code = found ? normaliseTrackingCode(`${found[1]}${found[2]}`) : '';
  if (!new RegExp(trackingCodePattern).test(code)) {
    return { kind: 'problem', problem: { code: 'invalid_tracking_code', written: written.slice(0, 20) } };
  }
  return { kind: 'status', code };
}

function parseReport(rest: string, places: KelurahanName[]): SmsCommand {
  const problem = (p: SmsProblem): SmsCommand => ({ kind: 'problem', problem: p });

  // The category: the words before "Kel.", or, without it, the first words that name one.
  const marker = rest.match(kelurahanMarker);
  const categoryPart = marker ? rest.slice(0, marker.index) : rest;
  const categoryWords = wordsOf(categoryPart);
  if (categoryWords.length === 0) return problem({ code: 'missing_category' });
  const category = matchCategory(categoryWords.map((w) => w.text));
  if (category.kind !== 'found') return problem({ code: 'unknown_category', written: categoryWords[0].text.slice(0, 20) });
  const categoryCode = category.code;
  const extraCategoryWords = marker ? trimFieldEdges(categoryPart.slice(categoryWords[category.wordsUsed - 1].end)) : '';
  const locationPart = marker
    ? rest.slice(marker.index! + marker[0].length)
    : rest.slice(categoryWords[category.wordsUsed - 1].end);

  // The kelurahan: its name runs to the first comma; without one, as far as a name matches.
  const separator = locationPart.match(fieldSeparator);
  const namePart = separator ? locationPart.slice(0, separator.index) : locationPart;
  const afterName = separator ? locationPart.slice(separator.index! + separator[0].length) : '';
  const nameWords = wordsOf(namePart).slice(0, 8);
  if (nameWords.length === 0) return problem({ code: 'missing_kelurahan', categoryCode });
  const kelurahan = matchKelurahan(nameWords.map((w) => w.text), places);
  switch (kelurahan.kind) {
    case 'unknown':
      return problem({ code: 'unknown_kelurahan', categoryCode, written: kelurahan.written.slice(0, 25), suggestion: kelurahan.suggestion });
    case 'ambiguous':
      return problem({ code: 'ambiguous_kelurahan', categoryCode, names: kelurahan.names });
    case 'same_name':
      return problem({ code: 'same_name_kelurahan', categoryCode, name: kelurahan.name, places: kelurahan.places });
  }

  // The description: whatever is left, in the resident's own words.
  const restOfName = namePart.slice(nameWords[kelurahan.wordsUsed - 1].end);
  const description = [extraCategoryWords, restOfName, afterName].map(trimFieldEdges).filter(Boolean).join(', ');
  if (description.length < minDescription) {
    return problem({ code: 'description_too_short', categoryCode, kelurahan: kelurahan.kelurahan });
  }
  return { kind: 'report', categoryCode, kelurahan: kelurahan.kelurahan, description: description.slice(0, maxDescription) };
}
