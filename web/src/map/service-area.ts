import type { LngLatBoundsLike } from 'maplibre-gl';

/** Kota Tangerang and Kota Tangerang Selatan together (the boundary tiles' bounds). */
export const serviceAreaBounds: [number, number, number, number] = [106.551454, -6.362263, 106.779863, -6.097069];

// About 11 km of slack on each side: enough to pan a border kelurahan to the middle of a phone
// screen, not enough to wander off to Jakarta and wonder where the data went.
export const margin = 0.1;

export const initialBounds: LngLatBoundsLike = [
  [serviceAreaBounds[0], serviceAreaBounds[1]],
  [serviceAreaBounds[2], serviceAreaBounds[3]],
];
