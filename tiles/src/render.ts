import sql, { raw, type Sql } from 'sql-template-tag';
import { encodeLayer, type TileFeatureRow } from './encode.ts';
import { tileExtent, type TileCoord } from './tile-coord.ts';

export interface TileQueryable {
  query<Row>(statement: Sql): Promise<Row[]>;
  readonly hasAsMvt: boolean;
}

/**
 * One layer of a tile. `query` returns one row per feature: `geom` in tile units (built with
 * tile-space.ts), optionally a bigint `id`, and properties as text, numbers, booleans or a
 * jsonb object whose keys become properties. Rows should come in a stable order.
 */
export interface TileLayer {
  name: string;
  query(tile: TileCoord): Sql;
  hasIds?: boolean;
}

export type Encoder = 'postgis' | 'js';

function layerName(name: string): Sql {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe layer name ${name}`);
  return raw(`'${name}'`);
}

async function renderWithPostgis(db: TileQueryable, layer: TileLayer, tile: TileCoord): Promise<Uint8Array> {
  const idColumn = layer.hasIds ? sql`, 'id'` : sql``;
  const [row] = await db.query<{ mvt: Uint8Array | null }>(sql`
    SELECT ST_AsMVT(features, ${layerName(layer.name)}, ${raw(String(tileExtent))}, 'geom'${idColumn}) AS mvt
    FROM (${layer.query(tile)}) AS features`);
  return row?.mvt ?? new Uint8Array(0);
}

async function renderWithJs(db: TileQueryable, layer: TileLayer, tile: TileCoord): Promise<Uint8Array> {
  const rows = await db.query<{ geometry: string; properties: Record<string, unknown>; id?: number }>(sql`
    SELECT ST_AsGeoJSON(features.geom) AS geometry,
           to_jsonb(features) - 'geom' - 'id' AS properties
           ${layer.hasIds ? sql`, features.id` : sql``}
    FROM (${layer.query(tile)}) AS features`);
  const features: TileFeatureRow[] = rows.map((r) => ({
    geometry: JSON.parse(r.geometry),
    properties: r.properties,
    id: r.id === undefined || r.id === null ? undefined : Number(r.id),
  }));
  return encodeLayer(layer.name, features);
}

/**
 * The tile's bytes (uncompressed MVT 2.1): ST_AsMVT where the database has it, otherwise the
 * JavaScript encoder over the same rows. Layers are encoded one by one and concatenated, which
 * protobuf defines as merging the messages.
 */
export async function renderTile(
  db: TileQueryable,
  layers: TileLayer[],
  tile: TileCoord,
  encoder: Encoder = db.hasAsMvt ? 'postgis' : 'js',
): Promise<Buffer> {
  const render = encoder === 'postgis' ? renderWithPostgis : renderWithJs;
  const parts = await Promise.all(layers.map((layer) => render(db, layer, tile)));
  return Buffer.concat(parts.map((p) => Buffer.from(p.buffer, p.byteOffset, p.byteLength)));
}
