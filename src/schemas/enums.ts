import { z } from 'zod';

// Every enum of the API is a named component, once: generated clients then have one type per
// meaning (`BodyFormat`, `SignKind`, `SignField`) instead of one per operation and parameter, and
// readable member names (`RecordSort.ReviewedAtDescending`) from `x-enum-varnames` (read by
// openapi-typescript, @hey-api/openapi-ts, openapi-generator) and `x-enumNames` (NSwag, others).

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * A value as an identifier: words joined in PascalCase, a leading `-` (descending sort) as a
 * `Descending` suffix, and a URI path by its last segment (`/problems/not-found` → `NotFound`).
 */
export const enumMemberName = (value: string): string => {
  const words = value
    .replace(/^.*\//, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  const name = words.map(capitalise).join('') || 'Empty';
  return value.startsWith('-') ? `${name}Descending` : /^[0-9]/.test(name) ? `Value${name}` : name;
};

const made = new Map<string, z.ZodEnum>();

/**
 * An enum registered as the component `id`, with member names for generators. Asking again for
 * the same id gives the same schema (apps are built many times in one process; an id names one
 * component), and asking with other values is an error.
 */
export function namedEnum<const V extends string>(
  id: string,
  values: readonly [V, ...V[]],
  description: string,
  error?: string,
): z.ZodEnum<Record<V, V>> {
  const existing = made.get(id);
  if (existing) {
    if (existing.options.join() !== values.join()) throw new Error(`The enum ${id} is defined twice, with different values.`);
    return existing as unknown as z.ZodEnum<Record<V, V>>;
  }
  const names = values.map(enumMemberName);
  if (new Set(names).size !== names.length) throw new Error(`The enum ${id} has two values with one member name: ${names.join(', ')}.`);
  const schema = (error ? z.enum(values, { error }) : z.enum(values)).meta({
    id,
    description,
    'x-enum-varnames': names,
    'x-enumNames': names,
  });
  made.set(id, schema);
  return schema;
}

/** The `$ref` of a registered schema, for a document shape zod cannot say itself (a list parameter's items). */
export function componentRef(schema: z.ZodType): { $ref: string } {
  const id = z.globalRegistry.get(schema)?.id;
  if (typeof id !== 'string') throw new Error('Only a schema registered with an id is a component.');
  return { $ref: `#/components/schemas/${id}` };
}
