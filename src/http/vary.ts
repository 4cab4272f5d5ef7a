/** Adds a request header name to Vary once (names are written in lower case). */
export function addVary(reply: { getHeader(name: string): unknown; header(name: string, value: string): unknown }, name: string): void {
  const vary = reply.getHeader('vary');
  const current = Array.isArray(vary) ? vary.join(', ') : typeof vary === 'string' ? vary : '';
  if (current === '*') return;
  const present = current.split(',').some((v) => v.trim().toLowerCase() === name.toLowerCase());
  if (!present) reply.header('vary', current ? `${current}, ${name}` : name);
}
