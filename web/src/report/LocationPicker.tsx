import type { Map as MapLibreMap } from 'maplibre-gl';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCoordinates } from '../i18n/format.ts';
import type { Pin } from './report-draft.ts';
import { useAccuracyCircle } from './use-accuracy-circle.ts';
import { usePinMarker } from './use-pin-marker.ts';

interface Props {
  map: MapLibreMap;
  pin: Pin | null;
  onPinChange(pin: Pin): void;
  /** The pin is outside both cities: said at once, before anything is sent. */
  outside: boolean;
  /** i18n key of what is wrong with the location, if anything. */
  error?: string;
}

// Beyond this a position fix (often Wi-Fi or cell towers indoors) may be in the next street.
const roughFixM = 100;
// The zoom at which a resident can tell their own house from the neighbour's.
const pinZoom = 17;

type Locating = { state: 'idle' } | { state: 'locating' } | { state: 'failed'; reason: string };

/** Where the problem is: a click on the map, the device's position, or the map's centre. */
export function LocationPicker({ map, pin, onPinChange, outside, error }: Props) {
  const { t } = useTranslation('public');
  const [locating, setLocating] = useState<Locating>({ state: 'idle' });
  usePinMarker(map, pin, onPinChange);
  useAccuracyCircle(map, pin);

  const useMyLocation = () => {
    if (!('geolocation' in navigator)) {
      setLocating({ state: 'failed', reason: 'report.location.unsupported' });
      return;
    }
    setLocating({ state: 'locating' });
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const { latitude: lat, longitude: lon, accuracy } = position.coords;
        setLocating({ state: 'idle' });
        onPinChange({ lat, lon, accuracyM: accuracy });
        map.easeTo({ center: [lon, lat], zoom: Math.max(map.getZoom(), pinZoom) });
      },
      (failure) => {
        const reason = failure.code === failure.PERMISSION_DENIED ? 'report.location.denied' : 'report.location.unavailable';
        setLocating({ state: 'failed', reason });
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 30_000 },
    );
  };

  const useMapCentre = () => {
    const { lat, lng } = map.getCenter();
    onPinChange({ lat, lon: lng });
  };

  return (
    <fieldset className="field location-picker" aria-invalid={error ? true : undefined} aria-describedby="location-status">
      <legend>{t('report.location.label')}</legend>
      <p id="location-status" className="location-status" aria-live="polite">
        {pin ? (
          <>
            <span className="coordinates">{formatCoordinates(pin.lat, pin.lon)}</span>
            {pin.accuracyM !== undefined && <> · {t('report.location.accuracy', { metres: Math.round(pin.accuracyM) })}</>}
          </>
        ) : (
          t('report.location.instructions')
        )}
      </p>
      {pin?.accuracyM !== undefined && pin.accuracyM > roughFixM && (
        <p className="hint warning">{t('report.location.rough')}</p>
      )}
      {outside && <p className="field-error" role="alert">{t('errors.location.outside')}</p>}
      {pin && <p className="hint">{t('report.location.dragHint')}</p>}
      <div className="button-row">
        <button type="button" onClick={useMyLocation} disabled={locating.state === 'locating'}>
          {locating.state === 'locating' ? t('report.location.locating') : t('report.location.useMine')}
        </button>
        <button type="button" className="secondary" onClick={useMapCentre}>
          {t('report.location.useCentre')}
        </button>
      </div>
      {locating.state === 'failed' && <p className="field-error" role="alert">{t(locating.reason)}</p>}
      {error && !(outside && error === 'errors.location.outside') && <p className="field-error">{t(error)}</p>}
    </fieldset>
  );
}
