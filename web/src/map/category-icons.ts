/**
 * One line-drawn symbol per category, 24×24, shipped with the app: an emoji needs a colour emoji
 * font, which stock Debian and many cheap phones lack (they draw an empty box). The server's
 * `icon` field stays the emoji, for feeds and e-mail; the app draws these instead.
 */
const glyphs: Record<string, string> = {
  // Three waves.
  banjir: '<path d="M3 8c3-2 6 2 9 0s6-2 9 0M3 13c3-2 6 2 9 0s6-2 9 0M3 18c3-2 6 2 9 0s6-2 9 0"/>',
  // A bin with a lid.
  sampah: '<path d="M4 7h16M10 4h4M6 7l1 13h10l1-13M10 11v6M14 11v6"/>',
  // A road with a hole in it.
  jalan_rusak: '<path d="M8 3L4 21M16 3l4 18M12 4v3M12 17v3"/><ellipse cx="12" cy="12" rx="3" ry="2"/>',
  // A bulb.
  lampu_jalan: '<path d="M9 18h6M10 21h4M8.5 14.5a6 6 0 1 1 7 0c-.9.8-1.5 1.5-1.5 3.5h-4c0-2-.6-2.7-1.5-3.5z"/>',
  // A grate.
  drainase: '<rect x="4" y="6" width="16" height="12" rx="2"/><path d="M8 6v12M12 6v12M16 6v12"/>',
  // A tree leaning over.
  pohon_tumbang: '<path d="M4 21h16M8 21l6-9"/><circle cx="16" cy="8" r="5"/>',
  // Paving slabs with a crack.
  trotoar: '<path d="M3 9h18M3 15h18M9 3v6M15 9v6M9 15v6"/><path d="M12 3l-1 3 2 2-1 1"/>',
  // A traffic light.
  lalu_lintas: '<rect x="8" y="2" width="8" height="16" rx="2"/><circle cx="12" cy="6" r="1.5"/><circle cx="12" cy="10" r="1.5"/><circle cx="12" cy="14" r="1.5"/><path d="M12 18v4"/>',
  // A P sign.
  parkir_liar: '<rect x="4" y="3" width="16" height="18" rx="3"/><path d="M10 17V7h3a3 3 0 0 1 0 6h-3"/>',
  // A stall under an awning.
  bangunan_liar: '<path d="M3 9l2-5h14l2 5M3 9c0 2 3.6 2 4.5 0 .9 2 4.1 2 4.5 0 .9 2 4.1 2 4.5 0 .9 2 4.5 2 4.5 0M5 11v9h14v-9M10 20v-5h4v5"/>',
  // A bench.
  fasum_rusak: '<path d="M4 10h16M4 14h16M6 14v6M18 14v6M6 10V6M18 10V6"/>',
  // A chimney with smoke.
  pencemaran: '<path d="M3 21h18M5 21V11l5 3v-3l5 3V7h4v14"/><path d="M16 4c1-1 3-1 3-2"/>',
};

// A dot: for a category added by an operator that the app does not know yet.
const unknownGlyph = '<circle cx="12" cy="12" r="3"/>';

export function categoryGlyph(code: string): string {
  return glyphs[code] ?? unknownGlyph;
}

/** The symbol as standalone SVG markup, drawn in `stroke` (for inline use and for the map). */
export function categoryIconSvg(code: string, stroke: string, size = 24): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" aria-hidden="true" width="${size}" height="${size}" viewBox="0 0 24 24" fill="none" `
    + `stroke="${stroke}" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${categoryGlyph(code)}</svg>`;
}

/** Dark ink on the pale category colours, white on the others, so the symbol stays legible. */
function inkOn(color: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16) / 255);
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance > 0.55 ? '#1f2d3a' : '#ffffff';
}

/** The map marker: the symbol on a disc of the category's colour, as SVG markup. */
export function categoryMarkerSvg(code: string, color: string, size: number): string {
  const ink = inkOn(color);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 32 32">`
    + `<circle cx="16" cy="16" r="15" fill="${color}" stroke="#fff" stroke-width="2"/>`
    + `<g transform="translate(5 5) scale(0.9167)" fill="none" stroke="${ink}" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round">`
    + `${categoryGlyph(code)}</g></svg>`;
}

export const categoryImageId = (code: string) => `category-${code}`;
