import { appError } from '../http/error-catalogue.ts';

/**
 * The shape of an uploaded layer, checked before PostGIS sees it: ST_GeomFromGeoJSON fails a
 * whole statement on one bad coordinate, so malformed input is found here, feature by feature,
 * and reported with its position. Spatial questions (validity, where it lies) are PostGIS's:
 * see import.ts.
 */
export const layerLimits = {
  /** Of the request body; the route's bodyLimit. */
  maxBytes: 5 * 1024 * 1024,
  maxFeatures: 5000,
  /** Vertices in the whole layer: keeps one rule's distance test cheap for every report. */
  maxPositions: 200_000,
};

export interface LayerFeature {
  /** Position in the upload, from 1, for error messages. */
  n: number;
  key: string;
  name: string | null;
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates: unknown };
}

const invalid = (problem: string, feature?: number) => appError('INVALID_GEOJSON', { problem, feature, details: { feature, problem } });

// RFC 7946 drops `crs`: coordinates are WGS 84 lon/lat. Older files may still name it; only
// names of WGS 84 lon/lat are accepted (EPSG:4326 as written by GDAL's GeoJSON driver is lon/lat).
const wgs84Names = new Set([
  'urn:ogc:def:crs:ogc:1.3:crs84', 'urn:ogc:def:crs:ogc::crs84', 'crs84', 'ogc:crs84',
  'epsg:4326', 'urn:ogc:def:crs:epsg::4326', 'urn:ogc:def:crs:epsg:6.6:4326',
]);

/** Depth of nesting of `coordinates` for each accepted geometry type. */
const depthOf: Record<string, number> = {
  Point: 0, MultiPoint: 1, LineString: 1, MultiLineString: 2, Polygon: 2, MultiPolygon: 3,
};

function checkCrs(crs: unknown) {
  if (crs === undefined || crs === null) return;
  const name = (crs as { properties?: { name?: unknown } })?.properties?.name;
  if (typeof name !== 'string' || !wgs84Names.has(name.toLowerCase())) {
    throw appError('UNSUPPORTED_CRS', { crs: JSON.stringify(name ?? crs), details: { crs } });
  }
}

/** Walks coordinates to the expected depth; returns the number of positions. */
function countPositions(c: unknown, depth: number, type: string, n: number): number {
  if (!Array.isArray(c)) throw invalid(`${type} coordinates must be arrays`, n);
  if (depth === 0) {
    if (c.length < 2 || c.length > 3 || !c.every((v) => typeof v === 'number' && Number.isFinite(v))) {
      throw invalid('a position is two or three numbers [lon, lat]', n);
    }
    const [lon, lat] = c as number[];
    // [lat, lon] instead of [lon, lat] is the commonest mistake; here latitude comes out ~106.
    if (Math.abs(lat) > 90 && Math.abs(lat) <= 180 && Math.abs(lon) <= 90) {
      throw appError('COORDINATES_SWAPPED', { feature: n, lon, lat, details: { feature: n, position: [lon, lat] } });
    }
    if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
      throw appError('NOT_LONLAT', { feature: n, lon, lat, details: { feature: n, position: [lon, lat] } });
    }
    return 1;
  }
  let total = 0;
  for (const part of c) total += countPositions(part, depth - 1, type, n);
  // Depth 1 is a list of positions: a line needs two, a polygon ring four and must be closed.
  if (depth === 1) {
    const isRing = type === 'Polygon' || type === 'MultiPolygon';
    if (type !== 'MultiPoint' && c.length < (isRing ? 4 : 2)) {
      throw invalid(isRing ? 'a polygon ring needs at least 4 positions' : 'a line needs at least 2 positions', n);
    }
    const [first, last] = [c[0] as number[], c[c.length - 1] as number[]];
    if (isRing && (first[0] !== last[0] || first[1] !== last[1])) throw invalid('a polygon ring must end where it starts', n);
  }
  return total;
}

function featureKey(f: { id?: unknown; properties?: Record<string, unknown> | null }, n: number): string {
  const id = f.id ?? f.properties?.id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : String(n);
}

function featureName(p: Record<string, unknown>): string | null {
  const name = p.name ?? p.nama ?? p.NAME ?? p.NAMA;
  return typeof name === 'string' && name.trim() ? name.trim() : null;
}

/** The features of an uploaded FeatureCollection, or an AppError saying what is wrong. */
export function readFeatureCollection(body: unknown): LayerFeature[] {
  const fc = body as { type?: unknown; features?: unknown; crs?: unknown };
  if (typeof body !== 'object' || body === null || fc.type !== 'FeatureCollection') {
    throw invalid('the body must be a GeoJSON FeatureCollection');
  }
  if (!Array.isArray(fc.features)) throw invalid('"features" must be an array');
  checkCrs(fc.crs);
  if (fc.features.length === 0) {
    throw appError('EMPTY_LAYER');
  }
  if (fc.features.length > layerLimits.maxFeatures) {
    throw appError('TOO_MANY_FEATURES', { max: layerLimits.maxFeatures, details: { features: fc.features.length } });
  }
  let positions = 0;
  const keys = new Set<string>();
  const features = fc.features.map((raw, i): LayerFeature => {
    const n = i + 1;
    const f = raw as { type?: unknown; id?: unknown; geometry?: { type?: unknown; coordinates?: unknown } | null; properties?: unknown };
    if (typeof f !== 'object' || f === null || f.type !== 'Feature') throw invalid('each item must be a Feature', n);
    if (f.properties !== undefined && f.properties !== null && (typeof f.properties !== 'object' || Array.isArray(f.properties))) {
      throw invalid('"properties" must be an object or null', n);
    }
    const properties = (f.properties ?? {}) as Record<string, unknown>;
    const type = f.geometry?.type;
    if (typeof type !== 'string' || !(type in depthOf)) {
      throw appError('UNSUPPORTED_GEOMETRY_TYPE', {
        feature: n, type: JSON.stringify(type ?? null), details: { feature: n, type: type ?? null },
      });
    }
    positions += countPositions(f.geometry!.coordinates, depthOf[type], type, n);
    const key = featureKey({ id: f.id, properties }, n);
    if (keys.has(key)) {
      throw appError('DUPLICATE_FEATURE_ID', { feature: n, id: key, details: { feature: n, id: key } });
    }
    keys.add(key);
    return { n, key, name: featureName(properties), properties, geometry: { type, coordinates: f.geometry!.coordinates } };
  });
  if (positions > layerLimits.maxPositions) {
    throw appError('TOO_MANY_VERTICES', { max: layerLimits.maxPositions, details: { vertices: positions } });
  }
  return features;
}
