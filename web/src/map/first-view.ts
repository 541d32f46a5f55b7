import type { Map as MapLibreMap } from 'maplibre-gl';
import { initialBounds } from './service-area.ts';

const margin = 16;

type Side = 'top' | 'right' | 'bottom' | 'left';
type Padding = Record<Side, number>;

/**
 * The padding that keeps the map's own overlays (legend, search, buttons) off the service area:
 * each overlay is kept clear from whichever side of the map costs the least of its width or height
 * (the legend is a column on wide screens and a band at the top on phones).
 */
export function overlayPadding(map: MapLibreMap, overlays: Element[]): Padding {
  const canvas = map.getContainer().getBoundingClientRect();
  const padding: Padding = { top: margin, right: margin, bottom: margin, left: margin };
  for (const overlay of overlays) {
    const rect = overlay.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) continue;
    const insets: [Side, number, number][] = [
      ['top', rect.bottom - canvas.top, canvas.height],
      ['bottom', canvas.bottom - rect.top, canvas.height],
      ['left', rect.right - canvas.left, canvas.width],
      ['right', canvas.right - rect.left, canvas.width],
    ];
    const [side, inset] = insets.reduce((best, next) => (next[1] / next[2] < best[1] / best[2] ? next : best));
    padding[side] = Math.max(padding[side], inset + margin);
  }
  return padding;
}

/** Shows both cities whole, in the part of the map no overlay covers. */
export function fitFirstView(map: MapLibreMap, overlays: Element[]): void {
  map.fitBounds(initialBounds, { padding: overlayPadding(map, overlays), animate: false });
}
