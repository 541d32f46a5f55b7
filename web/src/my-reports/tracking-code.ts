/**
 * What people type (tgr 7k3p9q, TGR7K3P9Q) in the code's own form, TGR-7K3P9Q, for the page's
 * address; anything else is left for the server to refuse (server/src/reference/tracking-code.ts).
 */
export function normaliseTrackingCode(input: string): string {
  const compact = input.toUpperCase().replace(/[\s-]+/g, '');
  return compact.length === 9 ? `${compact.slice(0, 3)}-${compact.slice(3)}` : input.trim().toUpperCase();
}
