import type { Geometry } from 'geojson';

// The Basic CQL2 subset (OGC 21-065r2 §7: comparisons, IS NULL, AND/OR/NOT, string, number,
// boolean, DATE and TIMESTAMP literals) and the one spatial predicate S_INTERSECTS (§8.2,
// Basic Spatial Functions) with WKT geometry or BBOX literals, as a tree that to-sql.ts turns
// into parameterised SQL. Geometry literals are kept as GeoJSON: PostGIS reads it with
// ST_GeomFromGeoJSON from a bound parameter, so no literal ever becomes SQL text.

export type Literal =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'date'; value: string }
  | { kind: 'timestamp'; value: string };

export type Property = { kind: 'property'; name: string };

export type Scalar = Property | Literal;

export type GeometryOperand = Property | { kind: 'geometry'; geometry: Geometry };

export const comparisonOperators = ['=', '<>', '<', '>', '<=', '>='] as const;
export type ComparisonOperator = (typeof comparisonOperators)[number];

export type Expression =
  | { op: 'and' | 'or'; args: Expression[] }
  | { op: 'not'; arg: Expression }
  | { op: 'compare'; operator: ComparisonOperator; left: Scalar; right: Scalar }
  | { op: 'isNull'; property: Property; negated: boolean }
  | { op: 's_intersects'; left: GeometryOperand; right: GeometryOperand }
  | { op: 'boolean'; value: boolean };
