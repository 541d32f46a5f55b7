import type { Queryable } from '../db/database.ts';
import { matchKelurahan, type KelurahanName } from '../sms/kelurahan-names.ts';
import { kelurahanLabelPoint, kelurahanNames } from '../sms/queries.ts';

// Words that only say what the next words are: "Kel. Sukarasa", "Kelurahan Sukarasa".
const leads = /^(kel\.?|kelurahan|desa|ds\.?)\s+/i;

/**
 * Where an address without lat/long is, without a geocoder (nothing leaves the server): a part
 * of it between commas that is wholly the name of one kelurahan, read as SMS reads names
 * (sms/kelurahan-names.ts: typos tolerated, "Babakan, Setu" told from "Babakan, Tangsel"). The
 * report goes to that kelurahan's label point and is marked approximate, as an SMS report is.
 * Null when no part names exactly one kelurahan: a street alone cannot be placed.
 */
export async function placeByKelurahan(db: Queryable, address: string): Promise<{ lon: number; lat: number } | null> {
  const places: KelurahanName[] = await kelurahanNames(db);
  const parts = address.split(',').map((p) => p.trim().replace(leads, '')).filter(Boolean);
  const found = new Set<string>();
  for (const [i, part] of parts.entries()) {
    const words = [...part.split(/\s+/), ...parts.slice(i + 1).join(' ').split(/\s+/).filter(Boolean)];
    const partWords = part.split(/\s+/).length;
    const match = matchKelurahan(words, places);
    // The whole part must be the name: a street ("Jl. Sukamaju Raya") is not its kelurahan.
    if (match.kind === 'found' && match.wordsUsed >= partWords) found.add(match.kelurahan.code);
  }
  if (found.size !== 1) return null;
  return kelurahanLabelPoint(db, [...found][0]);
}
