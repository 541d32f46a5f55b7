import type { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useRef } from 'react';
import { createMap, type Camera } from './create-map.ts';
import { exposeMapForTests } from './test-hooks.ts';

interface Props {
  /** What the map shows, for screen readers. */
  label: string;
  camera: Camera;
  className?: string;
  /** Called once the style has loaded (before its tiles); may return what to undo when the map goes away. */
  onLoad(map: MapLibreMap): void | (() => void);
}

/** A MapLibre map owned by a React component: made on mount, removed on unmount. */
export function MapCanvas({ label, camera, className, onLoad }: Props) {
  const container = useRef<HTMLDivElement>(null);
  // The map is made once per mount; later changes of camera or onLoad are the caller's to apply.
  const initial = useRef({ camera, onLoad });

  useEffect(() => {
    const map = createMap(container.current!, initial.current.camera);
    const unexpose = exposeMapForTests(map);
    let unload: void | (() => void);
    // 'style.load', not 'load': 'load' waits for the boundary tiles, fonts and a first full
    // render, and report tiles asked for only then reached a new visitor about 0.9 s later.
    map.once('style.load', () => {
      unload = initial.current.onLoad(map);
    });
    return () => {
      unload?.();
      unexpose();
      map.remove();
    };
  }, []);

  return <div ref={container} className={className} role="region" aria-label={label} />;
}
