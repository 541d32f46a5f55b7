import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

// The one site the web app ever loads from, and only when a resident turns on the street map
// (web/src/map/osm-base-map.ts): MapLibre fetches its raster tiles (connect-src) and draws them
// as images.
const openStreetMapTiles = 'https://tile.openstreetmap.org';

/**
 * The one inline style Swagger UI's bundle (swagger-ui-dist, pinned by the lockfile) applies, as
 * Chromium reports it when refused. A new Swagger UI with another style fails the docs page's
 * check in security-headers.e2e.test.ts, which prints the new hash.
 */
const docsStyleHash = "'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='";

/** The app's policy as helmet set it, with Swagger UI's one inline style allowed: for /docs. */
export const withDocsStyle = (policy: string) => policy.replace("style-src 'self'", `style-src 'self' ${docsStyleHash}`);

/**
 * Security headers on every answer (helmet's defaults, tightened), and a Content-Security-Policy
 * under which the public map, the console, the planner view and the API docs (/docs) still work
 * (security-headers.e2e.test.ts loads each in Chromium and sees no violation). The built
 * pages have no inline script or style, so neither needs 'unsafe-inline', a nonce or a hash:
 * MapLibre, deck.gl, React and Swagger UI set styles through the DOM (element.style), which a
 * CSP does not govern. Swagger UI's bundle adds one fixed inline style of its own; /docs allows
 * that one by its hash (`docsStyleHash`), nothing else inline.
 */
export async function useSecurityHeaders(app: FastifyInstance, publicBaseUrl: string): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'"],
        // data: for the icons in MapLibre's and Swagger UI's style sheets; blob: for raster tiles
        // where a browser lacks OffscreenCanvas and MapLibre decodes them through an <img>.
        imgSrc: ["'self'", 'data:', 'blob:', openStreetMapTiles],
        fontSrc: ["'self'"],
        connectSrc: ["'self'", openStreetMapTiles],
        // MapLibre 6 starts its workers from the worker file Vite emits next to the app
        // (web/src/map/maplibre.ts); it wraps it in a blob: URL only when that file is on another
        // origin, which it never is here, so blob: workers stay refused.
        workerSrc: ["'self'"],
        frameSrc: ["'none'"],
        formAction: ["'self'"],
        manifestSrc: ["'self'"],
        // Nobody may frame the console (clickjacking); X-Frame-Options says it to older browsers.
        frameAncestors: ["'none'"],
        // Only where the site itself is served over HTTPS: over plain HTTP (a laptop, the tests)
        // it would send every request to an https:// address nobody listens on.
        upgradeInsecureRequests: publicBaseUrl.startsWith('https:') ? [] : null,
      },
    },
    frameguard: { action: 'deny' },
    // Sends only the origin to another site: OpenStreetMap's tile policy asks for a Referer,
    // and no path (a report code, a console page) ever leaves the site.
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    // HSTS only means something over HTTPS; over HTTP browsers ignore it anyway.
    strictTransportSecurity: publicBaseUrl.startsWith('https:'),
  });
}
