import { z } from 'zod';

// Multi-valued query parameters take two spellings: comma-separated (topic=a,b), the one the
// OpenAPI document shows (style form, explode false), and the key repeated (topic=a&topic=b),
// which many generated clients send. The repeated form is joined with commas before validation
// (src/plugins/app/problem-details.ts), so both parse, key and link alike. This is the one parser.

const split = (s: string) =>
  s
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

// Each list's splitting step, so that a list is known as one through any wrapper around it.
const SPLITTERS = new WeakSet<z.ZodType>();

const listOf = <T extends z.ZodType<unknown, string>>(parse: (s: string) => string[], item: T) => {
  const splitter = z.string().transform(parse);
  SPLITTERS.add(splitter);
  return splitter.pipe(z.array(item).min(1, 'must name at least one value'));
};

/**
 * A list that names a set ("any of"): sorted and without repeats, so each meaning has one
 * spelling for cache keys and links.
 */
export const commaList = <T extends z.ZodType<unknown, string>>(item: T) => listOf((s) => [...new Set(split(s))].sort(), item);

/** A list whose order is the caller's (an embed's hand-picked items, its sections). */
export const orderedCommaList = <T extends z.ZodType<unknown, string>>(item: T) => listOf(split, item);

/**
 * Whether a query parameter's schema is a list made above, however wrapped (optional, default,
 * refined, piped on): a repeated key is then its values, not an error.
 */
export function isListParameter(schema: unknown): boolean {
  let node: unknown = schema;
  while (node instanceof z.ZodType) {
    if (SPLITTERS.has(node)) return true;
    const def = node.def as { innerType?: unknown; in?: unknown };
    node = def.innerType ?? def.in;
  }
  return false;
}
