import { LngLat } from 'maplibre-gl';
import { margin, serviceAreaBounds } from './service-area.ts';

const centreBounds = {
  west: serviceAreaBounds[0] - margin, south: serviceAreaBounds[1] - margin,
  east: serviceAreaBounds[2] + margin, north: serviceAreaBounds[3] + margin,
};

/**
 * Keeps the map's centre (not its whole view, as MapLibre's maxBounds would) near the two cities:
 * a view that must fit inside the bounds cannot zoom out far enough to show both cities beside
 * the legend on a wide screen, and cut off the west of Kota Tangerang.
 */
export function keepCentreNear(lngLat: LngLat, zoom: number): { center: LngLat; zoom: number } {
  const lng = Math.min(centreBounds.east, Math.max(centreBounds.west, lngLat.lng));
  const lat = Math.min(centreBounds.north, Math.max(centreBounds.south, lngLat.lat));
  return { center: lng === lngLat.lng && lat === lngLat.lat ? lngLat : new LngLat(lng, lat), zoom };
}
