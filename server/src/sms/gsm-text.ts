// Replies go out with Coding 'Default_No_Compression': the GSM 03.38 7-bit alphabet, 160
// characters in one SMS. A character outside it would make the phone network fall back to
// UCS-2 (70 characters) or drop it, so staff-written text (reasons, names) is folded to it.

const basic =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
// The extension table: each costs two of the 160 septets (an escape, then the character).
const extension = '^{}\\[~]|€\f';

export const smsLength = 160;

const lookalikes: Record<string, string> = {
  '‘': "'", '’': "'", '“': '"', '”': '"', '–': '-', '—': '-', '…': '...', '•': '*', '\t': ' ', '·': '.', '×': 'x',
};

function septets(ch: string): number {
  if (basic.includes(ch)) return 1;
  return extension.includes(ch) ? 2 : 0;
}

/** The text in the GSM alphabet (accents and typographic marks folded, the rest as '?'). */
export function toGsm(text: string): string {
  let out = '';
  for (const ch of text) {
    if (septets(ch) > 0) out += ch;
    else if (lookalikes[ch]) out += lookalikes[ch];
    else {
      const folded = ch.normalize('NFKD').replace(/\p{M}/gu, '');
      out += [...folded].every((c) => septets(c) > 0) && folded ? folded : '?';
    }
  }
  return out;
}

/** Length in septets, as the network counts it. */
export function gsmLength(text: string): number {
  let n = 0;
  for (const ch of text) n += septets(ch) || 1;
  return n;
}

const oneLine = (text: string) => toGsm(text.replace(/\s+/g, ' ').trim());

/** True when the text goes out whole in one SMS. */
export function fitsOneSms(text: string): boolean {
  return gsmLength(oneLine(text)) <= smsLength;
}

/** The text as one SMS: GSM alphabet, cut at 160 septets with "..." when it is longer. */
export function fitSms(text: string): string {
  const gsm = oneLine(text);
  if (gsmLength(gsm) <= smsLength) return gsm;
  let out = '';
  for (const ch of gsm) {
    if (gsmLength(out + ch) > smsLength - 3) break;
    out += ch;
  }
  return `${out.trimEnd()}...`;
}
