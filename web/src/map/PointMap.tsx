import { useTranslation } from 'react-i18next';
import { MapCanvas } from './MapCanvas.tsx';
import { maplibregl } from './maplibre.ts';

interface Props {
  lat: number;
  lon: number;
  color: string;
}

// Close enough to recognise the street block among the kelurahan labels.
const zoom = 16;

/** A small map of one report's location, in the same offline style as the public map. */
export function PointMap({ lat, lon, color }: Props) {
  const { t } = useTranslation('common');
  return (
    <MapCanvas
      className="point-map"
      label={t('pointMap.label')}
      camera={{ center: [lon, lat], zoom }}
      onLoad={(map) => {
        const marker = new maplibregl.Marker({ color }).setLngLat([lon, lat]).addTo(map);
        return () => marker.remove();
      }}
    />
  );
}
