import type { Geometry, Position } from 'geojson';
import type { Expression, GeometryOperand, Scalar } from './ast.ts';

// CQL2 text from a tree: the inverse of parse.ts, used by the property-based tests and to echo
// a filter in links. Every subexpression is parenthesised, so precedence never changes meaning.

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;

function scalar(s: Scalar): string {
  switch (s.kind) {
    case 'property': return `"${s.name}"`;
    case 'string': return quote(s.value);
    case 'number': return String(s.value);
    case 'boolean': return s.value ? 'TRUE' : 'FALSE';
    case 'date': return `DATE(${quote(s.value)})`;
    case 'timestamp': return `TIMESTAMP(${quote(s.value)})`;
  }
}

const position = (p: Position) => `${p[0]} ${p[1]}`;
const positions = (ps: Position[]) => `(${ps.map(position).join(', ')})`;
const rings = (rs: Position[][]) => `(${rs.map(positions).join(', ')})`;

function wkt(g: Geometry): string {
  switch (g.type) {
    case 'Point': return `POINT(${position(g.coordinates)})`;
    case 'LineString': return `LINESTRING${positions(g.coordinates)}`;
    case 'Polygon': return `POLYGON${rings(g.coordinates)}`;
    case 'MultiPoint': return `MULTIPOINT${positions(g.coordinates)}`;
    case 'MultiLineString': return `MULTILINESTRING${rings(g.coordinates)}`;
    case 'MultiPolygon': return `MULTIPOLYGON(${g.coordinates.map(rings).join(', ')})`;
    default: throw new Error(`no WKT for ${g.type}`);
  }
}

const geometry = (g: GeometryOperand) => (g.kind === 'property' ? `"${g.name}"` : wkt(g.geometry));

export function writeCql2Text(e: Expression): string {
  switch (e.op) {
    case 'and':
    case 'or': return e.args.map((a) => `(${writeCql2Text(a)})`).join(` ${e.op.toUpperCase()} `);
    case 'not': return `NOT (${writeCql2Text(e.arg)})`;
    case 'boolean': return e.value ? 'TRUE' : 'FALSE';
    case 'isNull': return `"${e.property.name}" IS ${e.negated ? 'NOT ' : ''}NULL`;
    case 'compare': return `${scalar(e.left)} ${e.operator} ${scalar(e.right)}`;
    case 's_intersects': return `S_INTERSECTS(${geometry(e.left)}, ${geometry(e.right)})`;
  }
}
