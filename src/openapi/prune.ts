// The zod type provider emits an input and an output component for every registered schema;
// only those the operations actually reference (directly or through other components) are kept.
type Json = unknown;

function collectRefs(node: Json, into: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) collectRefs(item, into);
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith('#/components/schemas/')) {
        into.add(value.slice('#/components/schemas/'.length));
      } else collectRefs(value, into);
    }
  }
}

export function pruneUnusedSchemas<T>(document: T): T {
  const doc = document as { paths?: Json; components?: { schemas?: Record<string, Json> } };
  const components = doc.components;
  const schemas = components?.schemas;
  if (!components || !schemas) return document;
  const used = new Set<string>();
  collectRefs(doc.paths, used);
  // Follow references between components until nothing new is reached.
  let frontier = [...used];
  while (frontier.length > 0) {
    const next = new Set<string>();
    for (const name of frontier) collectRefs(schemas[name], next);
    frontier = [...next].filter((n) => !used.has(n));
    frontier.forEach((n) => used.add(n));
  }
  components.schemas = Object.fromEntries(Object.entries(schemas).filter(([name]) => used.has(name)));
  return document;
}

/**
 * The input twin of a component (`BodyFormatInput`, made for a parameter) that says exactly what
 * the component says is the component: references to it go to the one name.
 */
export function foldInputTwins<T>(document: T): T {
  const doc = document as { components?: { schemas?: Record<string, Json> } };
  const schemas = doc.components?.schemas ?? {};
  const twins = new Map<string, string>();
  for (const [name, schema] of Object.entries(schemas)) {
    const base = name.endsWith('Input') ? name.slice(0, -'Input'.length) : undefined;
    if (base && base in schemas && JSON.stringify(schemas[base]) === JSON.stringify(schema)) twins.set(name, base);
  }
  if (twins.size === 0) return document;
  const prefix = '#/components/schemas/';
  return JSON.parse(JSON.stringify(document), (key, value: unknown) =>
    key === '$ref' && typeof value === 'string' && twins.has(value.slice(prefix.length))
      ? prefix + twins.get(value.slice(prefix.length))
      : value,
  ) as T;
}
