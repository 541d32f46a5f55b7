import { sql, type Queryable } from '../db/database.ts';
import type { KelurahanHit } from './schemas.ts';

// Below this the pieces in common are chance ("Sukasari" and "Sukajadi" share "suka" and score
// 0.31 against "sukarsa"; a dropped letter in a two-word name, "pd aren", still scores 0.29).
const minSimilarity = 0.25;

/**
 * Kelurahan whose name the desk typed, forgiving typos and abbreviations. Similarity is that
 * of pg_trgm: shared three-letter pieces over all distinct pieces (kelurahan.name_trigrams,
 * db/functions/name_trigrams.sql). A name containing the typed text comes first, one starting
 * with it before the rest; then by similarity. 158 kelurahan: a scan is faster than any index here.
 */
export async function searchKelurahan(db: Queryable, q: string, limit: number): Promise<KelurahanHit[]> {
  return db.query<KelurahanHit>(sql`
    WITH typed AS (
      SELECT lower(regexp_replace(${q}, '[^[:alnum:]]+', '', 'g')) AS squeezed, name_trigrams(${q}) AS pieces
    ),
    scored AS (
      SELECT k.code, k.name, k.kecamatan_code, k.city_code, k.label_point,
             strpos(lower(regexp_replace(k.name, '[^[:alnum:]]+', '', 'g')), typed.squeezed) AS found_at,
             shared.n::double precision
               / NULLIF(cardinality(k.name_trigrams) + cardinality(typed.pieces) - shared.n, 0) AS similarity
      FROM kelurahan k
      CROSS JOIN typed
      CROSS JOIN LATERAL (SELECT count(*) AS n FROM unnest(k.name_trigrams) p WHERE p = ANY (typed.pieces)) shared
      WHERE typed.squeezed <> ''
    )
    SELECT k.code, k.name,
           json_build_object('code', kec.code, 'name', kec.name) AS kecamatan,
           json_build_object('code', city.code, 'name', city.name) AS city,
           json_build_object('lat', ST_Y(k.label_point), 'lon', ST_X(k.label_point)) AS label_point,
           round(k.similarity::numeric, 3)::float AS score
    FROM scored k
    JOIN kecamatan kec ON kec.code = k.kecamatan_code
    JOIN cities city ON city.code = k.city_code
    WHERE k.found_at > 0 OR k.similarity >= ${minSimilarity}
    ORDER BY k.found_at = 1 DESC, k.found_at > 0 DESC, k.similarity DESC, k.name, k.code
    LIMIT ${limit}`);
}
