/**
 * Tile URLs. MapLibre fetches tiles from its worker, where a relative URL has no page to be
 * relative to, so they are absolute on the page's own origin.
 */
export function kelurahanTilesUrl(origin: string): string {
  return `${origin}/tiles/kelurahan/{z}/{x}/{y}.mvt`;
}

export function basemapTilesUrl(origin: string): string {
  return `${origin}/tiles/basemap/{z}/{x}/{y}.mvt`;
}

export interface ReportTileFilter {
  /** Category codes to show; undefined shows every category. */
  categories?: string[];
  /**
   * Changes after a submission. The server drops its cached tiles for a new report, but the
   * browser may still hold the old tile; a new URL makes MapLibre and the HTTP cache fetch again.
   */
  version?: number;
}

export function reportTilesUrl(origin: string, filter: ReportTileFilter): string {
  const params = new URLSearchParams();
  if (filter.categories) params.set('category', filter.categories.join(','));
  if (filter.version !== undefined) params.set('v', String(filter.version));
  // Category codes are [a-z_]; literal commas keep the URL readable in logs and devtools.
  const query = params.toString().replaceAll('%2C', ',');
  return `${origin}/tiles/reports/{z}/{x}/{y}.mvt${query ? `?${query}` : ''}`;
}
