// vt-pbf ships no types; the one function used here.
declare module 'vt-pbf' {
  const vtpbf: { fromVectorTileJs(tile: { layers: Record<string, unknown> }): Uint8Array };
  export default vtpbf;
}
