// A small OpenStreetMap extract of central Kota Tangerang (Kelurahan Sukarasa and around), written
// by hand so that tests and a fresh install can import a base map with no download. The names are
// the kind residents use; the shapes are simplified, not surveyed. data/basemap/ holds the file
// this writes (scripts/basemap-sample.ts), and a test checks it still matches.

type Tags = Record<string, string>;
interface SampleWay { id: number; nodes: [number, number][]; tags: Tags }
interface SampleNode { id: number; at: [number, number]; tags: Tags }

const ways: SampleWay[] = [
  { id: 1001, tags: { highway: 'primary', name: 'Jalan Daan Mogot' },
    nodes: [[106.6100, -6.1665], [106.6200, -6.1662], [106.6300, -6.1658], [106.6400, -6.1655]] },
  { id: 1002, tags: { highway: 'secondary', name: 'Jalan Merdeka' },
    nodes: [[106.6280, -6.1560], [106.6278, -6.1610], [106.6275, -6.1710], [106.6272, -6.1760]] },
  { id: 1003, tags: { highway: 'residential', name: 'Jalan Kisamaun' },
    nodes: [[106.6240, -6.1700], [106.6290, -6.1705], [106.6340, -6.1710]] },
  { id: 1004, tags: { highway: 'footway', name: 'Gang Mawar' },
    nodes: [[106.6250, -6.1680], [106.6252, -6.1695]] },
  { id: 1005, tags: { highway: 'service' },
    nodes: [[106.6310, -6.1620], [106.6325, -6.1622]] },
  { id: 2001, tags: { waterway: 'river', name: 'Sungai Cisadane' },
    nodes: [[106.6250, -6.1510], [106.6242, -6.1610], [106.6255, -6.1710], [106.6248, -6.1810]] },
  { id: 2002, tags: { waterway: 'drain', name: 'Saluran Sukarasa' },
    nodes: [[106.6240, -6.1640], [106.6270, -6.1642]] },
  { id: 3001, tags: { natural: 'water', name: 'Situ Gede' },
    nodes: [[106.6295, -6.1705], [106.6315, -6.1705], [106.6315, -6.1720], [106.6295, -6.1720], [106.6295, -6.1705]] },
  { id: 4001, tags: { amenity: 'school', name: 'SD Negeri Sukarasa 1' },
    nodes: [[106.6290, -6.1670], [106.6298, -6.1670], [106.6298, -6.1676], [106.6290, -6.1676], [106.6290, -6.1670]] },
  // Not drawn by the resident base map: buildings are too many for the tiles' purpose.
  { id: 5001, tags: { building: 'yes' },
    nodes: [[106.6302, -6.1672], [106.6305, -6.1672], [106.6305, -6.1675], [106.6302, -6.1675], [106.6302, -6.1672]] },
];

const points: SampleNode[] = [
  { id: 9001, at: [106.6260, -6.1650], tags: { amenity: 'marketplace', name: 'Pasar Anyar' } },
  { id: 9002, at: [106.6285, -6.1685], tags: { amenity: 'place_of_worship', religion: 'muslim', name: 'Masjid Al-Ikhlas' } },
  { id: 9003, at: [106.6310, -6.1690], tags: { amenity: 'place_of_worship', religion: 'christian', name: 'Gereja Sukarasa' } },
  { id: 9004, at: [106.6250, -6.1720], tags: { place: 'neighbourhood', name: 'Kampung Sukarasa' } },
];

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const tagLines = (tags: Tags) => Object.entries(tags).map(([k, v]) => `    <tag k="${escape(k)}" v="${escape(v)}"/>`);

/** The extract as OSM XML 0.6: nodes first, then ways, as osmium and osm2pgsql expect. */
export function sampleExtractXml(): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<osm version="0.6" generator="petawarga sample-extract">'];
  const wayRefs: number[][] = [];
  let nextNode = 1;
  const nodeIds = new Map<string, number>();
  for (const way of ways) {
    wayRefs.push(way.nodes.map(([lon, lat]) => {
      const key = `${lon},${lat}`;
      let id = nodeIds.get(key);
      if (id === undefined) {
        id = nextNode++;
        nodeIds.set(key, id);
        lines.push(`  <node id="${id}" version="1" lat="${lat.toFixed(7)}" lon="${lon.toFixed(7)}"/>`);
      }
      return id;
    }));
  }
  for (const p of points) {
    lines.push(`  <node id="${p.id}" version="1" lat="${p.at[1].toFixed(7)}" lon="${p.at[0].toFixed(7)}">`, ...tagLines(p.tags), '  </node>');
  }
  ways.forEach((way, i) => {
    lines.push(`  <way id="${way.id}" version="1">`, ...wayRefs[i].map((ref) => `    <nd ref="${ref}"/>`), ...tagLines(way.tags), '  </way>');
  });
  lines.push('</osm>', '');
  return lines.join('\n');
}

/** Where the sample sits: every named feature lies in the zoom 15 tile around this point. */
export const sampleCentre: [number, number] = [106.6280, -6.1680];
