import type { Layer } from '@deck.gl/core';
import { MapboxOverlay } from '@deck.gl/mapbox';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useState } from 'react';

/**
 * deck.gl drawn over the MapLibre map as a map control (overlaid, not interleaved: the layers
 * are all above the boundaries, and a separate canvas keeps MapLibre's own rendering untouched).
 */
export function DeckOverlay({ map, layers }: { map: MapLibreMap; layers: Layer[] }) {
  const [overlay] = useState(() => new MapboxOverlay({ interleaved: false, layers: [] }));
  useEffect(() => {
    map.addControl(overlay);
    return () => {
      map.removeControl(overlay);
    };
  }, [map, overlay]);
  useEffect(() => {
    overlay.setProps({ layers });
  }, [overlay, layers]);
  return null;
}
