import type { ManifestOptions } from 'vite-plugin-pwa';

/** The public map as an installed app: it opens on the map, full screen, in Indonesian. */
export const webManifest: Partial<ManifestOptions> = {
  id: '/',
  name: 'PetaWarga: laporan warga Tangerang',
  short_name: 'PetaWarga',
  description: 'Laporkan masalah layanan publik di Kota Tangerang dan Kota Tangerang Selatan.',
  lang: 'id',
  start_url: '/',
  scope: '/',
  display: 'standalone',
  orientation: 'portrait',
  theme_color: '#0b5e55',
  background_color: '#fbfaf5',
  icons: [
    { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    // The pin sits inside the middle 80 %, so a launcher's round or squircle mask never cuts it.
    { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
};
