import { UNSAFE_IN_MARKUP } from '../content/characters.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const MARKUP = /[&<>"']/g;
// Anything either replacement below would change. Most text has none of it, and one scan that
// finds nothing is cheaper than two replacements that change nothing.
const NEEDS_ESCAPING = new RegExp(`${MARKUP.source}|${UNSAFE_IN_MARKUP.source}`);

/** Escapes text for HTML/XML element content and quoted attribute values. */
export function escapeHtml(value: string): string {
  if (!NEEDS_ESCAPING.test(value)) return value;
  // Control characters (NUL included), and the bidi controls that can make text read differently
  // from how it is stored (Trojan Source), are replaced rather than passed on.
  return value.replace(UNSAFE_IN_MARKUP, '\uFFFD').replace(MARKUP, (c) => ENTITIES[c] ?? c);
}
