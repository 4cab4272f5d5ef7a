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
