import { XMLBuilder } from 'fast-xml-parser';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** GeoReport v2 says the format by the extension (`.json` / `.xml`), never by Accept. */
export type Open311Format = 'json' | 'xml';

export function formatOf(request: FastifyRequest): Open311Format {
  const path = request.url.split('?')[0];
  return path.endsWith('.json') ? 'json' : 'xml';
}

/** `elevator.json` → `elevator`: the code or id of a `/:file` route, its extension cut. */
export function stemOf(file: string): string {
  return file.replace(/\.(json|xml)$/, '');
}

/**
 * How GeoReport v2 XML names the items of each list: `<services><service>…`, `<attributes><attribute>…`.
 * The root's own item tag is given with the document; these are the nested ones.
 */
const ITEM_TAGS: Record<string, string> = { endpoints: 'endpoint', formats: 'format', attributes: 'attribute', values: 'value' };

const builder = new XMLBuilder({ format: true, ignoreAttributes: false, suppressEmptyNode: false, processEntities: true });

type Plain = string | number | boolean | null | undefined | Plain[] | { [key: string]: Plain };

/** XML has no null: an absent value is an empty element, as the spec's own examples show them. */
function xmlValue(value: Plain, key: string): unknown {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) {
    const tag = ITEM_TAGS[key];
    return value.length === 0 ? '' : { [tag ?? 'item']: value.map((v) => xmlValue(v, tag ?? 'item')) };
  }
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, xmlValue(v, k)]));
  return value;
}

/** A document in GeoReport v2 XML: `root` holding one `item` element per entry (or, for an object, its fields). */
export function toXml(root: string, item: string | null, body: Plain): string {
  const content = item && Array.isArray(body) ? (body.length ? { [item]: body.map((b) => xmlValue(b, item)) } : '') : xmlValue(body, root);
  return builder.build({ '?xml': { '@_version': '1.0', '@_encoding': 'utf-8' }, [root]: content }) as string;
}

export type Open311Document = Readonly<{ root: string; item: string | null; body: Plain }>;

/** Sends one answer in the request's format; the JSON is the body as it is, the XML its GeoReport shape. */
export function sendOpen311(reply: FastifyReply, format: Open311Format, doc: Open311Document, status = 200): void {
  void reply.status(status);
  if (format === 'json') void reply.header('content-type', 'application/json; charset=utf-8').send(JSON.stringify(doc.body));
  else void reply.header('content-type', 'text/xml; charset=utf-8').send(toXml(doc.root, doc.item, doc.body));
}
