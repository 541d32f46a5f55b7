import type { FastifyReply } from 'fastify';
import { XMLBuilder } from 'fast-xml-parser';
import { Type } from 'typebox';

/**
 * GeoReport v2 names its format by the resource's suffix (`services.xml`, `requests.json`).
 * XML is the one every server must speak; JSON the one most clients use.
 */
export type Open311Format = 'json' | 'xml';
export const FormatParam = Type.Union([Type.Literal('json'), Type.Literal('xml')], {
  description: 'The answer\'s format: json, or xml (text/xml, the format every GeoReport v2 server speaks)',
});

/** The format a request asked for by its path, before its parameters are checked; XML by default, as in the specification. */
export function formatOfUrl(url: string): Open311Format {
  return /\.json$/i.test(url.split('?')[0]) ? 'json' : 'xml';
}

// The element of each item of a list, as the specification's XML examples name them.
const itemElement: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  errors: 'error',
  endpoints: 'endpoint',
  formats: 'format',
  attributes: 'attribute',
  values: 'value',
};

/** JSON's shape as XML: a list becomes its element holding one element per item, null an empty element. */
function xmlShape(value: unknown, name: string): unknown {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) {
    const item = itemElement[name];
    if (!item) throw new Error(`no XML element is named for the items of ${name}`);
    return { [item]: value.map((v) => xmlShape(v, item)) };
  }
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, xmlShape(v, k)]));
  }
  // XML 1.0 cannot carry most control characters, even escaped; a resident's text may hold them.
  return String(value).replace(notXmlCharacters, '\uFFFD');
}

const notXmlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const builder = new XMLBuilder({ format: true, indentBy: '  ', suppressEmptyNode: false });

/** The XML document of a GeoReport v2 answer, with the declaration the specification requires. */
export function toXml(root: string, body: unknown): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({ [root]: xmlShape(body, root) })}`;
}

/**
 * One answer in the format asked for, for the handler to return (a write route's transaction
 * commits before the answer is sent). `root` is the XML root element; a JSON list is the list
 * itself, as in the specification's examples.
 */
export function sendOpen311<T>(reply: FastifyReply, format: Open311Format, root: string, body: T): T | string {
  if (format === 'xml') {
    reply.type('text/xml; charset=utf-8');
    return toXml(root, body);
  }
  reply.type('application/json; charset=utf-8');
  return body;
}
