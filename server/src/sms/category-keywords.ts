import { nearestPrefix, squeeze } from './fuzzy.ts';

// What residents write for each category code of reference/categories.ts: the official names,
// everyday Indonesian words and the abbreviations used in city hotlines (PJU, PKL, APILL).
// The longest keyword written wins ("LAMPU MERAH" is a traffic light, "LAMPU" a street light).
export const categoryKeywords: Record<string, string[]> = {
  banjir: ['BANJIR', 'GENANGAN', 'GENANG', 'TERGENANG', 'BANJIR GENANGAN', 'AIR NAIK'],
  sampah: ['SAMPAH', 'SAMPAH LIAR', 'TPS', 'TUMPUKAN SAMPAH', 'SAMPAH MENUMPUK'],
  jalan_rusak: ['JALAN', 'JALAN RUSAK', 'JALAN BERLUBANG', 'JALAN AMBLAS', 'LUBANG', 'JLN', 'ASPAL', 'ASPAL RUSAK'],
  lampu_jalan: ['LAMPU', 'LAMPU JALAN', 'LAMPU MATI', 'LAMPU JALAN MATI', 'PJU', 'PENERANGAN', 'PENERANGAN JALAN'],
  drainase: ['DRAINASE', 'GOT', 'SELOKAN', 'SALURAN', 'SALURAN AIR', 'GORONG GORONG', 'GORONG', 'GOT MAMPET', 'SELOKAN MAMPET'],
  pohon_tumbang: ['POHON', 'POHON TUMBANG', 'POHON ROBOH', 'DAHAN', 'RANTING', 'DAHAN PATAH'],
  trotoar: ['TROTOAR', 'TROTOIR', 'TROTOAR RUSAK', 'PEDESTRIAN', 'JALUR PEJALAN KAKI'],
  lalu_lintas: ['LALU LINTAS', 'LALIN', 'RAMBU', 'RAMBU LALU LINTAS', 'LAMPU MERAH', 'LAMPU LALU LINTAS', 'APILL', 'MARKA'],
  parkir_liar: ['PARKIR', 'PARKIR LIAR', 'PARKIRAN', 'PARKIR SEMBARANGAN'],
  bangunan_liar: ['PKL', 'PEDAGANG', 'PEDAGANG KAKI LIMA', 'LAPAK', 'BANGUNAN', 'BANGUNAN LIAR', 'BANGLI'],
  fasum_rusak: ['FASUM', 'FASILITAS', 'FASILITAS UMUM', 'FASUM RUSAK', 'TAMAN', 'HALTE', 'JEMBATAN', 'TAMAN RUSAK'],
  pencemaran: ['PENCEMARAN', 'CEMAR', 'TERCEMAR', 'POLUSI', 'LIMBAH', 'BAU', 'BAU BUSUK', 'ASAP'],
};

/** The keyword replies suggest for each category: short, so that all twelve fit one SMS. */
export const replyKeywords: Record<string, string> = {
  banjir: 'BANJIR', sampah: 'SAMPAH', jalan_rusak: 'JALAN', lampu_jalan: 'LAMPU', drainase: 'GOT', pohon_tumbang: 'POHON',
  trotoar: 'TROTOAR', lalu_lintas: 'RAMBU', parkir_liar: 'PARKIR', bangunan_liar: 'PKL', fasum_rusak: 'FASUM', pencemaran: 'POLUSI',
};

const candidates = Object.entries(categoryKeywords).flatMap(([code, keywords]) =>
  keywords.map((k) => ({ key: squeeze(k), value: code })),
);

export type CategoryMatch =
  | { kind: 'found'; code: string; wordsUsed: number }
  | { kind: 'ambiguous'; codes: string[] }
  | { kind: 'unknown' };

/** The category named by the first one to three of `words`, typos tolerated (fuzzy.ts). */
export function matchCategory(words: string[]): CategoryMatch {
  const found = nearestPrefix(words, 3, candidates);
  if (!found) return { kind: 'unknown' };
  if (found.values.length > 1) return { kind: 'ambiguous', codes: found.values };
  return { kind: 'found', code: found.values[0], wordsUsed: found.wordsUsed };
}
