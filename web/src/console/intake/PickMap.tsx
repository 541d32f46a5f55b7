import type { Map as MapLibreMap, Marker } from 'maplibre-gl';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { MapCanvas } from '../../map/MapCanvas.tsx';
import { maplibregl } from '../../map/maplibre.ts';
import { initialBounds } from '../../map/service-area.ts';

export interface Point {
  lat: number;
  lon: number;
}

// Close enough to tell one street from the next while the resident describes the place.
const pinZoom = 16;

/** A map where a click puts the pin; the pin follows `pin`, and the map flies to it. */
export function PickMap({ pin, onPick }: { pin: Point | null; onPick(point: Point): void }) {
  const { t } = useTranslation('console');
  const map = useRef<MapLibreMap | null>(null);
  const marker = useRef<Marker | null>(null);
  const latestOnPick = useRef(onPick);
  latestOnPick.current = onPick;

  useEffect(() => {
    if (!map.current) return;
    if (!pin) {
      marker.current?.remove();
      marker.current = null;
      return;
    }
    marker.current ??= new maplibregl.Marker({ color: '#c2410c' }).setLngLat([pin.lon, pin.lat]).addTo(map.current);
    marker.current.setLngLat([pin.lon, pin.lat]);
    if (!map.current.getBounds().contains([pin.lon, pin.lat]) || map.current.getZoom() < 13) {
      map.current.easeTo({ center: [pin.lon, pin.lat], zoom: Math.max(map.current.getZoom(), pinZoom) });
    }
  }, [pin]);

  return (
    <MapCanvas
      className="pick-map"
      label={t('intake.mapLabel')}
      camera={{ bounds: initialBounds, fitBoundsOptions: { padding: 20 } }}
      onLoad={(loaded) => {
        map.current = loaded;
        loaded.getCanvas().style.cursor = 'crosshair';
        loaded.on('click', (event) => latestOnPick.current({ lat: event.lngLat.lat, lon: event.lngLat.lng }));
        return () => {
          marker.current?.remove();
          marker.current = null;
          map.current = null;
        };
      }}
    />
  );
}
