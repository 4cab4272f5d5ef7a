// Validators (RFC 9110 §8.8, §13.1.2). Every answer's entity tag is weak: the same tag stands for
// the identity, brotli and gzip forms of the same bytes, which are equivalent but not identical.

/**
 * Whether an If-None-Match header matches `etag`: by weak comparison (`W/"x"` and `"x"` match),
 * against any tag of a list, and `*` for any current representation.
 */
export function noneMatchFails(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const ours = opaque(etag);
  return header.split(',').some((tag) => opaque(tag) === ours);
}
