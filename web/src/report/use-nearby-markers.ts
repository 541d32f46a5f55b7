import type { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect } from 'react';
import { maplibregl } from '../map/maplibre.ts';

/**
 * Open reports near the pin, drawn as markers of their own so the resident can tell them from the
 * pin (and from the clustered report layer, which hides single points at this zoom's edges).
 */
export function useNearbyMarkers(map: MapLibreMap, reports: { code: string; lat: number; lon: number }[], label: (code: string) => string): void {
  const key = reports.map((r) => `${r.code}@${r.lon},${r.lat}`).join('|');
  useEffect(() => {
    const markers = reports.map((report) => {
      const element = document.createElement('div');
      element.className = 'nearby-marker';
      element.dataset.code = report.code;
      element.setAttribute('role', 'img');
      element.setAttribute('aria-label', label(report.code));
      return new maplibregl.Marker({ element }).setLngLat([report.lon, report.lat]).addTo(map);
    });
    return () => markers.forEach((marker) => marker.remove());
    // The markers follow the reports' codes and places, not each new array of them.
  }, [map, key]);
}
