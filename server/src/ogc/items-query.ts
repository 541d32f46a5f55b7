import { Type, type TObject } from 'typebox';
import { appError } from '../http/error-catalogue.ts';
import { parseBbox } from '../reports/list.ts';
import type { ItemsRequest, OgcCollection } from './collection.ts';
import { parseCql2Text } from './cql2/parse.ts';
import { cql2ToSql } from './cql2/to-sql.ts';
import { crs84 } from './schemas.ts';

// The query parameters of /ogc/collections/{id}/items (OGC 17-069r4 §7.15.2–7.15.5, and Part 3
// §8 for filter), validated by Fastify against the schema below and then read into ItemsRequest.

const number = '-?\\d+(\\.\\d+)?';

/** limit max 10,000 as the specification's example suggests (§7.15.3); 100 when absent. */
export const maxLimit = 10_000;

export const Format = Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('geojson')], {
  description: 'Encoding; only JSON (GeoJSON for features) is offered, as Accept may also say',
}));

const standard = {
  limit: Type.Integer({ minimum: 1, maximum: maxLimit, default: 100, description: 'Features per page' }),
  bbox: Type.Optional(Type.String({
    pattern: `^${number}(,${number}){3}$`, maxLength: 200,
    description: 'minLon,minLat,maxLon,maxLat in CRS84; features whose bounding box meets it',
  })),
  datetime: Type.Optional(Type.String({
    maxLength: 100,
    description: 'An RFC 3339 instant, or an interval start/end with ".." or nothing for an open end; matched against ' +
      'created_at. Collections without a time of their own (boundaries, hot spots) are not filtered by it.',
  })),
  cursor: Type.Optional(Type.String({ maxLength: 200, description: 'Where the previous page ended: follow the next link' })),
  f: Format,
};

const filterParameters = {
  filter: Type.Optional(Type.String({
    maxLength: 10_000,
    description: "CQL2 text (Basic CQL2 and S_INTERSECTS), e.g. category = 'banjir' AND S_INTERSECTS(geometry, BBOX(106.6,-6.3,106.7,-6.1))",
  })),
  'filter-lang': Type.Optional(Type.Literal('cql2-text', { description: 'Only cql2-text' })),
  'filter-crs': Type.Optional(Type.Literal(crs84, { description: 'Only CRS84' })),
};

/**
 * The items query of a collection: the standard parameters, the filter where the collection has
 * queryables, and its own. Anything else is refused (400), as §7.15.1 (/req/core/query-param-unknown) asks.
 */
export function itemsQuerySchema(collection: OgcCollection): TObject {
  return Type.Object({
    ...standard,
    ...(collection.queryables ? filterParameters : {}),
    ...collection.parameters.properties,
  }, { additionalProperties: false });
}

/** The cursor a collection wrote was tampered with. */
export function refuseCursor(): never {
  throw appError('INVALID_CURSOR');
}

const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

function instant(value: string): string {
  if (!rfc3339.test(value) || Number.isNaN(Date.parse(value))) throw appError('INVALID_DATETIME');
  return new Date(value).toISOString();
}

/** §7.15.4: an instant, or start/end with '..' or '' for an open end; both open is refused. */
export function parseDatetime(value: string): { start?: string; end?: string } {
  const parts = value.split('/');
  if (parts.length === 1) {
    const at = instant(value);
    return { start: at, end: at };
  }
  if (parts.length !== 2) throw appError('INVALID_DATETIME');
  const [start, end] = parts.map((p) => (p === '' || p === '..' ? undefined : instant(p)));
  if ((!start && !end) || (start && end && start > end)) throw appError('INVALID_DATETIME');
  return { start, end };
}

export function readItemsRequest(collection: OgcCollection, query: Record<string, unknown>): ItemsRequest {
  const { limit, bbox, datetime, cursor, f: _f, filter, 'filter-lang': _lang, 'filter-crs': _crs, ...own } = query as {
    limit: number; bbox?: string; datetime?: string; cursor?: string; f?: string; filter?: string; 'filter-lang'?: string; 'filter-crs'?: string;
  };
  return {
    limit,
    bbox: bbox ? parseBbox(bbox) : undefined,
    datetime: datetime ? parseDatetime(datetime) : undefined,
    filter: filter !== undefined && collection.queryables ? cql2ToSql(parseCql2Text(filter), collection.queryables) : undefined,
    cursor,
    own,
  };
}
