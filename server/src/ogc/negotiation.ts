import type { FastifyRequest } from 'fastify';
import { appError } from '../http/error-catalogue.ts';

// Content negotiation by Accept (RFC 9110 §12.5.1) among the media types an endpoint offers,
// all JSON: the HTML encoding of OGC 17-069r4 §7.14 is not offered, so a client that accepts
// nothing JSON-like and no wildcard gets 406. The f parameter only ever names JSON.

interface Range {
  type: string;
  subtype: string;
  q: number;
}

function ranges(accept: string): Range[] {
  return accept.split(',').flatMap((part) => {
    const [mediaRange, ...params] = part.trim().split(';');
    const [type, subtype] = mediaRange.trim().toLowerCase().split('/');
    if (!type || !subtype) return [];
    const q = params.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(p)).find(Boolean);
    return [{ type, subtype, q: q ? Number(q[1]) : 1 }];
  });
}

/** The offered type the client prefers (the first offered on a tie), or NOT_ACCEPTABLE. */
export function negotiate(request: FastifyRequest, offered: readonly string[]): string {
  const accept = request.headers.accept;
  if (!accept) return offered[0];
  const wanted = ranges(accept);
  let best: { type: string; q: number } | undefined;
  for (const type of offered) {
    const [t, s] = type.split(';')[0].split('/');
    // The most specific range that matches decides: application/json;q=0 beats */*.
    const specificity = (r: Range) => (r.type === '*' ? 0 : r.subtype === '*' ? 1 : 2);
    const match = wanted
      .filter((r) => (r.type === '*' || r.type === t) && (r.subtype === '*' || r.subtype === s))
      .sort((a, b) => specificity(b) - specificity(a))[0];
    const q = match?.q ?? 0;
    if (q > 0 && (!best || q > best.q)) best = { type, q };
  }
  if (!best) throw appError('NOT_ACCEPTABLE', { offered: [...offered] });
  return best.type;
}
