import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Category } from '../categories.ts';
import { categoryImageId, categoryMarkerSvg } from './category-icons.ts';

/** Drawn at twice the size it shows, so the symbols stay sharp on high-density screens. */
const pixelRatio = 2;
export const markerSize = 26;

function loadSvg(svg: string): Promise<HTMLImageElement> {
  const image = new Image(markerSize * pixelRatio, markerSize * pixelRatio);
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  return image.decode().then(() => image);
}

/** Adds each category's marker to the map's style as an image named category-<code>. */
export async function addCategoryImages(map: MapLibreMap, categories: Category[]): Promise<void> {
  const images = await Promise.all(categories.map((c) => loadSvg(categoryMarkerSvg(c.code, c.color, markerSize * pixelRatio))));
  // The map may have been removed while the images decoded.
  if (!map.style) return;
  categories.forEach((category, i) => {
    const id = categoryImageId(category.code);
    if (map.hasImage(id)) map.removeImage(id);
    map.addImage(id, images[i], { pixelRatio });
  });
}
