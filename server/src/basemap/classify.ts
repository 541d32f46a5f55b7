// Which OpenStreetMap objects the resident base map keeps, and how it draws them. Residents
// orient by named roads, rivers and the places everyone knows (the market, the school, the
// mosque); buildings, land use and shops would make tiles heavy for little help.

export type BasemapLayer = 'road' | 'waterway' | 'water' | 'poi' | 'place';

export interface Classified {
  layer: BasemapLayer;
  kind: string;
}

type Tags = Record<string, unknown>;
type GeometryType = string;

const roadClasses: Record<string, string> = {
  motorway: 'major', motorway_link: 'major', trunk: 'major', trunk_link: 'major',
  primary: 'major', primary_link: 'major', secondary: 'major', secondary_link: 'major',
  tertiary: 'minor', tertiary_link: 'minor', unclassified: 'minor', residential: 'minor',
  living_street: 'minor', service: 'minor', road: 'minor',
  // Gang (alleys) are often mapped as footway or path, and many residents live on one.
  footway: 'path', path: 'path', pedestrian: 'path', track: 'path', cycleway: 'path', steps: 'path',
};

const waterwayKinds: Record<string, string> = {
  river: 'river', stream: 'river', canal: 'canal', drain: 'drain', ditch: 'drain',
};

const placeKinds = new Set(['city', 'town', 'suburb', 'village', 'quarter', 'neighbourhood', 'hamlet']);

const isLine = (g: GeometryType) => g === 'LineString' || g === 'MultiLineString';
const isArea = (g: GeometryType) => g === 'Polygon' || g === 'MultiPolygon';
// osmium exports a closed way both as a line and as an area: a school's outline is kept once.
const isPointOrArea = (g: GeometryType) => g === 'Point' || isArea(g);

function poiKind(tags: Tags): string | null {
  if (tags.amenity === 'marketplace') return 'market';
  if (tags.amenity === 'school') return 'school';
  if (tags.amenity === 'place_of_worship' && tags.religion === 'muslim') return 'mosque';
  return null;
}

/** The layer and kind of one exported OSM object, or null when the base map leaves it out. */
export function classify(tags: Tags, geometryType: GeometryType): Classified | null {
  const road = roadClasses[String(tags.highway)];
  if (road && isLine(geometryType)) return { layer: 'road', kind: road };
  const waterway = waterwayKinds[String(tags.waterway)];
  if (waterway && isLine(geometryType)) return { layer: 'waterway', kind: waterway };
  if ((tags.natural === 'water' || tags.waterway === 'riverbank') && isArea(geometryType)) {
    return { layer: 'water', kind: String(tags.water ?? 'water') };
  }
  const poi = poiKind(tags);
  if (poi && isPointOrArea(geometryType)) return { layer: 'poi', kind: poi };
  if (placeKinds.has(String(tags.place)) && isPointOrArea(geometryType)) return { layer: 'place', kind: String(tags.place) };
  return null;
}

/**
 * The osmium tags-filter expressions matching what classify keeps (and a little more, which
 * classify then drops): applied before export so that a whole-island extract shrinks first.
 */
export const osmiumTagFilters = [
  'w/highway', 'w/waterway', 'wr/natural=water', 'wr/waterway=riverbank',
  'nwr/amenity=marketplace,school,place_of_worship', 'nwr/place',
];
