// The conformance classes /ogc implements. Part 1 (OGC 17-069r4): Core, GeoJSON and OpenAPI 3.0
// (HTML is not offered). Part 3 (OGC 19-079r2): queryables, their use as query parameters
// (category, status and kelurahan on reports), and filter. CQL2 (OGC 21-065r2): text encoding,
// Basic CQL2 with property-to-property comparisons, and S_INTERSECTS on any WKT geometry or BBOX
// (Basic Spatial Functions and its "plus" class for the other geometry types).

export const conformanceClasses = [
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
  'http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables',
  'http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter',
  'http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter',
  'http://www.opengis.net/spec/cql2/1.0/conf/cql2-text',
  'http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2',
  'http://www.opengis.net/spec/cql2/1.0/conf/property-property',
  'http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions',
  'http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions-plus',
];
