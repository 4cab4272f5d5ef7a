import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import { ATOM_NAMESPACE, type AtomElement } from './atom.js';

// The two ways the infobutton writes its Atom feed: as XML (RFC 4287, built by xmlbuilder2, which
// escapes every value), and as the JSON MedlinePlus Connect serves for the same feed, which its
// clients read: an element's text becomes `_value`, its attributes sibling keys (`xml:lang` and
// `xml:base` as `lang` and `base`), and `entry`, `link` and `category` are always arrays, even of one.

function appendTo(parent: XMLBuilder, element: AtomElement): void {
  const node = parent.ele(element.name, element.attributes ?? {});
  if (element.text !== undefined) node.txt(element.text);
  for (const child of element.children ?? []) appendTo(node, child);
}

/** The feed as an XML document in the Atom namespace. */
export function atomXml(feed: AtomElement): string {
  const doc = create({ version: '1.0', encoding: 'utf-8' });
  const root = doc.ele(ATOM_NAMESPACE, feed.name, feed.attributes ?? {});
  for (const child of feed.children ?? []) appendTo(root, child);
  return doc.end({ prettyPrint: true });
}

const ALWAYS_ARRAYS: ReadonlySet<string> = new Set(['entry', 'link', 'category']);
const jsonName = (attribute: string) => attribute.replace(/^xml:/, '');

type JsonElement = { [key: string]: string | JsonElement | JsonElement[] };

function jsonOf(element: AtomElement): JsonElement {
  const json: JsonElement = {};
  for (const [name, value] of Object.entries(element.attributes ?? {})) json[jsonName(name)] = value;
  if (element.text !== undefined) json._value = element.text;
  for (const child of element.children ?? []) {
    const value = jsonOf(child);
    const existing = json[child.name];
    if (Array.isArray(existing)) existing.push(value);
    else if (existing !== undefined && typeof existing !== 'string') json[child.name] = [existing, value];
    else json[child.name] = ALWAYS_ARRAYS.has(child.name) ? [value] : value;
  }
  return json;
}

/** The feed as MedlinePlus Connect's JSON: `{ "feed": { … } }`, with `entry` present (empty) when nothing matched. */
export function atomJson(feed: AtomElement): string {
  const json = jsonOf(feed);
  json.entry ??= [];
  return JSON.stringify({ [feed.name]: json });
}
