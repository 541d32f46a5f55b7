import type { Map as MapLibreMap } from 'maplibre-gl';

/**
 * Whether the map has been removed. When a page unmounts, MapCanvas may remove the map before
 * the cleanups of its sibling components run, and a removed map must not be touched again.
 */
export function watchRemoval(map: MapLibreMap): { isRemoved(): boolean; stop(): void } {
  let removed = false;
  const onRemove = () => { removed = true; };
  map.once('remove', onRemove);
  return { isRemoved: () => removed, stop: () => map.off('remove', onRemove) };
}
