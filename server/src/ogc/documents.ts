import type { FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import type { OgcCollection, ReadContext } from './collection.ts';
import { link, media } from './links.ts';
import { crs84, type Collection, type QueryablesDocument } from './schemas.ts';

// The JSON documents that describe collections (OGC 17-069r4 §7.14) and their queryables
// (OGC 19-079r2 Part 3 §6.2).

export const queryablesRel = 'http://www.opengis.net/def/rel/ogc/1.0/queryables';

export async function collectionDocument(read: ReadContext, c: OgcCollection): Promise<Static<typeof Collection>> {
  const r = read.request;
  const path = `/ogc/collections/${c.id}`;
  return {
    id: c.id,
    title: c.title,
    description: c.description,
    links: [
      link(r, path, 'self', media.json, 'This collection'),
      link(r, `${path}/items`, 'items', media.geojson, `${c.title} as GeoJSON`),
      ...(c.queryables ? [link(r, `${path}/queryables`, queryablesRel, media.schema, 'What a CQL2 filter may name')] : []),
      link(r, '/ogc/collections', 'parent', media.json, 'All collections'),
    ],
    extent: await c.extent(read),
    itemType: 'feature',
    crs: [crs84],
  };
}

const jsonSchemaOf = {
  string: { type: 'string' },
  number: { type: 'number' },
  integer: { type: 'integer' },
  boolean: { type: 'boolean' },
  timestamp: { type: 'string', format: 'date-time' },
  // Part 3 §6.2.2: a spatial queryable by its geometry type's format.
  geometry: { format: 'geometry-any' },
} as const;

export function queryablesDocument(request: FastifyRequest, c: OgcCollection): Static<typeof QueryablesDocument> & { $schema: string; $id: string } {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: link(request, `/ogc/collections/${c.id}/queryables`, 'self', media.schema).href,
    type: 'object',
    title: c.title,
    properties: Object.fromEntries(Object.entries(c.queryables ?? {}).map(([name, q]) => [name, {
      title: name,
      description: q.description,
      ...jsonSchemaOf[q.type],
      ...(q.enum ? { enum: [...q.enum] } : {}),
    }])),
    additionalProperties: false,
  };
}
