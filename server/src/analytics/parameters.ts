import { Type, type Static } from 'typebox';
import { sql, type Queryable } from '../db/database.ts';
import { appError } from '../http/error-catalogue.ts';
import { publicStatuses } from '../reports/filters.ts';

// Query parameters of every analytics endpoint, validated by Fastify against these schemas
// (400 VALIDATION_FAILED on a wrong type or bound), then checked here for what a schema cannot
// say (since before until, known categories) and turned into one normalised object whose
// canonical JSON is the cache key and the `parameters` echoed in every response.

// Years of reports only (1900–2199): PostgreSQL has no year 0000, and a bare date's WIB midnight
// of 0001-01-01 falls in year 0000 in UTC.
const isoDay = '(19|2[01])\\d{2}-\\d{2}-\\d{2}';
const isoInstant = `${isoDay}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,6})?)?(Z|[+-]\\d{2}:\\d{2}))?`;

export const Window = Type.Object({
  category: Type.Optional(Type.String({
    pattern: '^[a-z_]{2,40}(,[a-z_]{2,40}){0,19}$',
    maxLength: 500,
    description: 'Category codes, comma-separated; all categories when absent',
  })),
  city: Type.Optional(Type.String({
    pattern: '^36\\.7[14](,36\\.7[14])?$',
    description: 'City codes (36.71 Kota Tangerang, 36.74 Kota Tangerang Selatan); both when absent',
  })),
  since: Type.Optional(Type.String({
    pattern: `^${isoInstant}$`,
    description: 'Reports created at or after (ISO 8601; a bare date is midnight WIB, UTC+7)',
  })),
  until: Type.Optional(Type.String({
    pattern: `^${isoInstant}$`,
    description: 'Reports created before (ISO 8601; a bare date includes that whole day, WIB)',
  })),
});

export const cellSizes = [250, 500, 1000] as const;

const Neighbourhood = Type.Object({
  cell_m: Type.Union(cellSizes.map((m) => Type.Literal(m)), {
    default: 250,
    description: 'Hexagon edge length in metres (= ST_HexagonGrid size, centre-to-corner)',
  }),
  neighbours: Type.Union([Type.Literal('distance'), Type.Literal('knn')], {
    default: 'distance',
    description: 'distance: cells whose centres lie within distance_m; knn: the k nearest cells',
  }),
  distance_m: Type.Optional(Type.Number({ minimum: 100, maximum: 5000, description: 'Default 2 × cell_m' })),
  k: Type.Integer({ minimum: 1, maximum: 50, default: 8 }),
});

export const GetisOrdQuery = Type.Object({
  ...Window.properties,
  ...Neighbourhood.properties,
  fdr: Type.Boolean({ default: false, description: 'Benjamini–Hochberg False Discovery Rate correction' }),
  measure: Type.Union([Type.Literal('count'), Type.Literal('density')], {
    default: 'count',
    description: 'count (default, as ArcGIS Hot Spot Analysis): reports per hexagon. density: reports per km² of ' +
      'the hexagon inside the study area, Empirical Bayes standardised (Assunção & Reis 1999), so that edge hexagons ' +
      'partly outside the cities are not read as cold only for holding less land; hexagons touching the outline ' +
      'with no area inside are then left out',
  }),
});
export type GetisOrdQuery = Static<typeof GetisOrdQuery>;

// No `since`: the emerging-hotspot window is the `weeks` weeks ending at `until`.
const { since: _since, ...windowWithoutSince } = Window.properties;
export const EmergingQuery = Type.Object({
  ...windowWithoutSince,
  ...Neighbourhood.properties,
  weeks: Type.Integer({ minimum: 4, maximum: 52, default: 12, description: 'Number of weekly periods ending at until' }),
});
export type EmergingQuery = Static<typeof EmergingQuery>;

export const DbscanQuery = Type.Object({
  ...Window.properties,
  eps_m: Type.Number({ minimum: 10, maximum: 2000, default: 150, description: 'DBSCAN radius, metres' }),
  min_points: Type.Integer({ minimum: 2, maximum: 1000, default: 10 }),
});
export type DbscanQuery = Static<typeof DbscanQuery>;

export type WindowQuery = Static<typeof Window>;

/** A filter over public reports, normalised: sorted lists, instants in UTC ISO form. */
export interface ReportWindow {
  categories: string[] | null;
  cities: string[];
  statuses: string[];
  since: string | null;
  until: string | null;
}

// A bare date is a day in Jakarta (WIB, UTC+7, no daylight saving): planners think in local days.
function instant(field: string, value: string, endOfDay: boolean): Date {
  const bare = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = new Date(bare ? `${value}T00:00:00+07:00` : value);
  if (Number.isNaN(date.getTime()) || (bare && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value)) {
    throw appError('INVALID_DATE', { field, value, details: { field } });
  }
  if (bare && endOfDay) date.setUTCDate(date.getUTCDate() + 1);
  return date;
}

const list = (value?: string) => (value ? [...new Set(value.split(','))].sort() : null);

/** Checks a window against the database's categories and returns its normalised form. */
export async function readWindow(db: Queryable, q: WindowQuery): Promise<ReportWindow> {
  const since = q.since ? instant('since', q.since, false) : null;
  const until = q.until ? instant('until', q.until, true) : null;
  if (since && until && since >= until) {
    throw appError('EMPTY_PERIOD', { details: { since: q.since, until: q.until } });
  }
  const categories = list(q.category);
  if (categories) {
    const known = await db.query<{ code: string }>(sql`SELECT code FROM categories WHERE code = ANY(${categories})`);
    const unknown = categories.filter((c) => !known.some((k) => k.code === c));
    if (unknown.length) {
      throw appError('UNKNOWN_CATEGORY', { categories: unknown, details: { unknown } });
    }
  }
  return {
    categories,
    cities: list(q.city) ?? ['36.71', '36.74'],
    statuses: [...publicStatuses],
    since: since?.toISOString() ?? null,
    until: until?.toISOString() ?? null,
  };
}

/** Conditions on `reports r` selecting the window's public reports. */
export function windowConditions(w: ReportWindow) {
  return sql`r.status = ANY(${w.statuses})
    AND r.city_code = ANY(${w.cities})
    ${w.categories ? sql`AND r.category_code = ANY(${w.categories})` : sql``}
    ${w.since ? sql`AND r.created_at >= ${w.since}::timestamptz` : sql``}
    ${w.until ? sql`AND r.created_at < ${w.until}::timestamptz` : sql``}`;
}

export interface NeighbourRule {
  cellM: number;
  rule: 'distance' | 'knn';
  distanceM: number | null;
  k: number | null;
}

export function readNeighbourRule(q: Static<typeof Neighbourhood>): NeighbourRule {
  const cellM = q.cell_m ?? 250;
  if (q.neighbours === 'knn') return { cellM, rule: 'knn', distanceM: null, k: q.k ?? 8 };
  const distanceM = q.distance_m ?? 2 * cellM;
  // Centres of adjacent hexagons are √3·edge apart: a shorter distance leaves every cell
  // with only itself, and Gi* then just restates the cell's own count.
  if (distanceM < Math.sqrt(3) * cellM) {
    throw appError('DISTANCE_TOO_SHORT', {
      minimumM: Math.ceil(Math.sqrt(3) * cellM), cellM, details: { distance_m: distanceM, cell_m: cellM },
    });
  }
  return { cellM, rule: 'distance', distanceM, k: null };
}

/**
 * The emerging-hotspot window: `weeks` whole weeks ending at `until` (exclusive), or at the end
 * of today in Jakarta when absent, so that repeated requests during a day share the cache and
 * every week is seven whole local days.
 */
export async function readWeeksWindow(db: Queryable, q: WindowQuery, weeks: number, now = new Date()): Promise<ReportWindow> {
  const window = await readWindow(db, { ...q, since: undefined });
  const today = new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
  const until = new Date(window.until ?? instant('until', today, true).toISOString());
  const since = new Date(until.getTime() - weeks * 7 * 86_400_000);
  return { ...window, since: since.toISOString(), until: until.toISOString() };
}
