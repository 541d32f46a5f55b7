import type { Map as MapLibreMap, Marker } from 'maplibre-gl';
import { useEffect, useRef } from 'react';
import { maplibregl } from '../map/maplibre.ts';
import type { Pin } from './report-draft.ts';

/**
 * Pin mode on the map while the form is open: a click drops the pin, a drag moves it. The
 * marker is the map's; the pin's position is the form's state, and the marker follows it.
 */
export function usePinMarker(map: MapLibreMap, pin: Pin | null, onPinChange: (pin: Pin) => void): void {
  const latestOnPinChange = useRef(onPinChange);
  latestOnPinChange.current = onPinChange;
  const marker = useRef<Marker | null>(null);

  useEffect(() => {
    const canvas = map.getCanvas();
    const onClick = (event: { lngLat: { lat: number; lng: number } }) =>
      latestOnPinChange.current({ lat: event.lngLat.lat, lon: event.lngLat.lng });
    map.on('click', onClick);
    canvas.style.cursor = 'crosshair';
    return () => {
      map.off('click', onClick);
      canvas.style.cursor = '';
      marker.current?.remove();
      marker.current = null;
    };
  }, [map]);

  useEffect(() => {
    if (!pin) return;
    if (!marker.current) {
      const created = new maplibregl.Marker({ draggable: true, color: '#c2410c' });
      // Dragged by hand: the device's accuracy no longer describes where the pin is.
      created.on('dragend', () => {
        const { lat, lng } = created.getLngLat();
        latestOnPinChange.current({ lat, lon: lng });
      });
      marker.current = created.setLngLat([pin.lon, pin.lat]).addTo(map);
    }
    marker.current.setLngLat([pin.lon, pin.lat]);
  }, [map, pin]);
}
