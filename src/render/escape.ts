// Control characters (NUL included), and the bidi controls that can make text read differently
// from how it is stored (Trojan Source), are replaced rather than passed on.
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML/XML element content and quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(UNSAFE_CHARS, '\uFFFD').replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}
