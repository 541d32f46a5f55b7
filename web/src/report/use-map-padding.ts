import type { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, type RefObject } from 'react';
import { watchRemoval } from '../map/map-removal.ts';

interface Padding {
  top: number;
  left: number;
  right: number;
  bottom: number;
}

const noPadding: Padding = { top: 0, left: 0, right: 0, bottom: 0 };

/**
 * Changes the map's padding without moving what is on screen: the point that will be the new
 * padded centre becomes the centre. A moving map would shift the spot the resident is aiming at.
 */
function setPaddingInPlace(map: MapLibreMap, padding: Padding): void {
  const { clientWidth: width, clientHeight: height } = map.getCanvas();
  const x = (padding.left + width - padding.right) / 2;
  const y = (padding.top + height - padding.bottom) / 2;
  map.jumpTo({ center: map.unproject([x, y]), padding });
}

/**
 * Tells the map which part of it the panel covers (the bottom on phones, the right side on wide
 * screens), so that "the map's centre" and easing to a located pin mean the part the resident
 * can actually see.
 */
export function useMapPadding(map: MapLibreMap, panel: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const element = panel.current;
    if (!element) return;
    const update = () => {
      const canvas = map.getContainer().getBoundingClientRect();
      const covered = element.getBoundingClientRect();
      const coversBottom = covered.width >= canvas.width * 0.9;
      setPaddingInPlace(map, coversBottom
        ? { ...noPadding, bottom: Math.max(0, canvas.bottom - covered.top) }
        : { ...noPadding, right: Math.max(0, canvas.right - covered.left) });
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(element);
    const removal = watchRemoval(map);
    return () => {
      observer.disconnect();
      removal.stop();
      if (!removal.isRemoved()) setPaddingInPlace(map, noPadding);
    };
  }, [map, panel]);
}
