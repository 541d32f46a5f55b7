import { join, sql, type Sql } from '../../db/database.ts';
import { appError } from '../../http/error-catalogue.ts';
import type { Expression, GeometryOperand, Scalar } from './ast.ts';

/** What a filter may name: a column of the collection's table and the type it holds. */
export interface Queryable {
  type: 'string' | 'number' | 'integer' | 'boolean' | 'timestamp' | 'geometry';
  column: Sql;
  description: string;
  /** The values it can take, shown in /queryables. */
  enum?: readonly string[];
}
export type Queryables = Record<string, Queryable>;

type ValueType = 'string' | 'number' | 'boolean' | 'timestamp';

function refuse(problem: string): never {
  throw appError('INVALID_FILTER', { problem, position: 0, details: { problem } });
}

function queryable(queryables: Queryables, name: string): Queryable {
  // Own properties only: a filter naming "constructor" or "__proto__" is an unknown queryable.
  const q = Object.hasOwn(queryables, name) ? queryables[name] : undefined;
  if (!q) refuse(`"${name}" is not a queryable (see /queryables): ${Object.keys(queryables).join(', ')}`);
  return q;
}

/** A scalar operand as SQL with its type; literals are bound parameters, cast to their type. */
function scalarSql(queryables: Queryables, s: Scalar): { value: Sql; type: ValueType } {
  if (s.kind === 'property') {
    const q = queryable(queryables, s.name);
    if (q.type === 'geometry') refuse(`"${s.name}" is a geometry: compare it with S_INTERSECTS`);
    return { value: q.column, type: q.type === 'integer' ? 'number' : q.type };
  }
  switch (s.kind) {
    case 'string': return { value: sql`${s.value}::text`, type: 'string' };
    case 'number': return { value: sql`${s.value}::double precision`, type: 'number' };
    case 'boolean': return { value: sql`${s.value}::boolean`, type: 'boolean' };
    // A DATE is that whole day in UTC, compared as its first instant (CQL2 §6.4.5 compares instants).
    case 'date': return { value: sql`${s.value}::date::timestamp AT TIME ZONE 'UTC'`, type: 'timestamp' };
    case 'timestamp': return { value: sql`${s.value}::timestamptz`, type: 'timestamp' };
  }
}

function geometrySql(queryables: Queryables, g: GeometryOperand): Sql {
  if (g.kind === 'geometry') return sql`ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(g.geometry)}), 4326)`;
  const q = queryable(queryables, g.name);
  if (q.type !== 'geometry') refuse(`"${g.name}" is not a geometry`);
  return q.column;
}

const operators = { '=': sql`=`, '<>': sql`<>`, '<': sql`<`, '>': sql`>`, '<=': sql`<=`, '>=': sql`>=` };

/** The WHERE condition a filter stands for, over the columns its queryables name. */
export function cql2ToSql(e: Expression, queryables: Queryables): Sql {
  switch (e.op) {
    case 'and':
    case 'or': {
      // join, not a fold: a filter of hundreds of ORs stays one flat list, not hundreds of nested fragments.
      return join(e.args.map((a) => sql`(${cql2ToSql(a, queryables)})`), e.op === 'and' ? ' AND ' : ' OR ');
    }
    case 'not': return sql`NOT (${cql2ToSql(e.arg, queryables)})`;
    case 'boolean': return e.value ? sql`true` : sql`false`;
    case 'isNull': {
      const column = queryable(queryables, e.property.name).column;
      return e.negated ? sql`${column} IS NOT NULL` : sql`${column} IS NULL`;
    }
    case 'compare': {
      const left = scalarSql(queryables, e.left);
      const right = scalarSql(queryables, e.right);
      if (left.type !== right.type) refuse(`cannot compare a ${left.type} with a ${right.type}`);
      return sql`${left.value} ${operators[e.operator]} ${right.value}`;
    }
    case 's_intersects':
      return sql`ST_Intersects(${geometrySql(queryables, e.left)}, ${geometrySql(queryables, e.right)})`;
  }
}
