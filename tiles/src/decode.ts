import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';

export interface DecodedFeature {
  type: number;
  id?: number;
  properties: Record<string, unknown>;
  /** Rings or point lists in tile units, as stored. */
  geometry: { x: number; y: number }[][];
}

/** Every layer of an MVT as plain objects: for tests and benchmarks that compare tiles. */
export function decodeTile(bytes: Uint8Array): Record<string, DecodedFeature[]> {
  const tile = new VectorTile(new PbfReader(bytes));
  const layers: Record<string, DecodedFeature[]> = {};
  for (const [name, layer] of Object.entries(tile.layers)) {
    layers[name] = [];
    for (let i = 0; i < layer.length; i++) {
      const f = layer.feature(i);
      layers[name].push({
        type: f.type,
        id: f.id,
        properties: { ...f.properties },
        geometry: f.loadGeometry().map((ring) => ring.map((p) => ({ x: p.x, y: p.y }))),
      });
    }
  }
  return layers;
}
