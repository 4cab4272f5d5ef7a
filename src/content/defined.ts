/**
 * `value`, from a lookup that cannot miss (a registry name, a row a foreign key guarantees, a
 * schema's own field); if it does miss, an error that says which lookup, built only then.
 */
export function defined<T>(value: T | undefined, problem: () => string): T {
  if (value === undefined) throw new Error(problem());
  return value;
}
