import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';

// MapLibre looks for its worker next to its own module file, which no longer exists once Vite
// has bundled it; the ?url import makes Vite emit the worker and tells us where.
maplibregl.setWorkerUrl(workerUrl);

export { maplibregl };
