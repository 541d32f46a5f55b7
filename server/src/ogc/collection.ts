import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TObject, TSchema } from 'typebox';
import type { Queryable, Sql } from '../db/database.ts';
import type { Queryables } from './cql2/to-sql.ts';
import type { Extent } from './schemas.ts';

/** A feature as the items endpoints answer it (GeoJSON, built in PostgreSQL or from a cached layer). */
export interface OgcFeature {
  type: 'Feature';
  id: string | number;
  geometry: unknown;
  properties: Record<string, unknown>;
}

/** What every items request asks, read and checked from its query string (items-query.ts). */
export interface ItemsRequest {
  limit: number;
  bbox?: { minLon: number; minLat: number; maxLon: number; maxLat: number };
  datetime?: { start?: string; end?: string };
  /** The CQL2 filter as a condition over the collection's queryables. */
  filter?: Sql;
  /** Where the previous page ended, as the collection wrote it in its `next` link. */
  cursor?: string;
  /** The collection's own query parameters (the report filters). */
  own: Record<string, unknown>;
}

/** Where a request reads: the public read database (replica or primary), and the app and request for cached layers. */
export interface ReadContext {
  db: Queryable;
  app: FastifyInstance;
  request: FastifyRequest;
}

export interface ItemsPage {
  features: OgcFeature[];
  numberMatched: number;
  /** The cursor of the next page; absent on the last. */
  next?: string;
}

/**
 * One collection of /ogc/collections: its description, its query parameters and how it reads
 * its items. A collection backed by SQL has queryables and takes CQL2 filters; a computed layer
 * (the hot spots) has neither.
 */
export interface OgcCollection {
  id: string;
  title: string;
  description: string;
  /** Feature properties, for the response schema. */
  properties: TSchema;
  featureId: TSchema;
  /** Query parameters of its own beside the standard ones. */
  parameters: TObject;
  queryables?: Queryables;
  /** Whether datetime applies (the collection has a time of its own). */
  temporal: boolean;
  extent(read: ReadContext): Promise<Extent>;
  items(read: ReadContext, q: ItemsRequest): Promise<ItemsPage>;
  item(read: ReadContext, id: string): Promise<OgcFeature | undefined>;
}
