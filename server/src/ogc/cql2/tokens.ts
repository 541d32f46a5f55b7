import { appError } from '../../http/error-catalogue.ts';

/** A lexeme of CQL2 text, with the character position it starts at (for error messages). */
export interface Token {
  type: 'word' | 'quoted' | 'string' | 'number' | 'operator' | 'punct';
  text: string;
  position: number;
}

// Identifiers as the BNF's identifierStart/identifierPart, restricted to ASCII (every queryable
// of this API is ASCII); a double-quoted identifier may hold anything but a double quote.
const patterns: [Token['type'], RegExp][] = [
  ['number', /\d+(\.\d+)?([eE][+-]?\d+)?|\.\d+([eE][+-]?\d+)?/y],
  ['word', /[A-Za-z_][A-Za-z0-9_.:]*/y],
  ['operator', /<>|<=|>=|[=<>-]/y],
  ['punct', /[(),]/y],
];

/** The tokens of `text`; INVALID_FILTER at the first character that starts none. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  next: while (i < text.length) {
    if (/\s/.test(text[i])) {
      i++;
      continue;
    }
    if (text[i] === "'" || text[i] === '"') {
      // Strings double a single quote to hold one (characterLiteral); quoted identifiers are closed by '"'.
      const quote = text[i];
      let value = '';
      let j = i + 1;
      for (;;) {
        if (j >= text.length) throw appError('INVALID_FILTER', { problem: 'unterminated quote', position: i, details: { position: i } });
        if (text[j] === quote) {
          if (quote === "'" && text[j + 1] === "'") {
            value += "'";
            j += 2;
            continue;
          }
          break;
        }
        value += text[j++];
      }
      tokens.push({ type: quote === "'" ? 'string' : 'quoted', text: value, position: i });
      i = j + 1;
      continue;
    }
    for (const [type, pattern] of patterns) {
      pattern.lastIndex = i;
      const match = pattern.exec(text);
      if (match) {
        tokens.push({ type, text: match[0], position: i });
        i += match[0].length;
        continue next;
      }
    }
    throw appError('INVALID_FILTER', { problem: `unexpected character "${text[i]}"`, position: i, details: { position: i } });
  }
  return tokens;
}
