import type * as schema from '../db/schema.js';

type SourceRow = typeof schema.sources.$inferSelect;

const year = (date: string | null) => (date ? date.slice(0, 4) : 'n.d.');

/** An APA-like reference line assembled from the structured source fields. */
export function citationOf(s: SourceRow): string {
  const parts: string[] = [];
  if (s.authors.length > 0) parts.push(`${s.authors.join(', ')} (${year(s.published ?? s.updated)}).`);
  else parts.push(`(${year(s.published ?? s.updated)}).`);
  parts.push(`${s.title}.`);
  if (s.container) {
    const volume = s.volume ? `, ${s.volume}${s.issue ? `(${s.issue})` : ''}` : '';
    parts.push(`${s.container}${volume}${s.pages ? `, ${s.pages}` : ''}.`);
  }
  if (s.publisher) parts.push(`${s.publisher}.`);
  if (s.updated) parts.push(`Updated ${s.updated}.`);
  if (s.url) parts.push(s.url);
  return parts.join(' ');
}
