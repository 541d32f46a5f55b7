import { useEffect, useState } from 'react';
import type { Pin } from './report-draft.ts';

type Check = (lon: number, lat: number) => boolean;

/**
 * Whether the pin is inside the two cities, known the moment it moves; undefined while the
 * outline (its own 8 kB chunk, kept by the service worker) is loading or when there is no pin.
 */
export function usePinInServiceArea(pin: Pin | null): boolean | undefined {
  const [check, setCheck] = useState<Check>();
  useEffect(() => {
    let current = true;
    void import('../map/service-area-outline.ts').then(({ insideServiceArea }) => {
      if (current) setCheck(() => insideServiceArea);
    });
    return () => {
      current = false;
    };
  }, []);
  return pin && check ? check(pin.lon, pin.lat) : undefined;
}
