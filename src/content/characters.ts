// Characters that carry no visible meaning and can hide or reorder what a reader sees: C0 and C1
// controls, the Arabic letter mark, zero-width and directional marks (U+200B–U+200F), bidi
// embeddings and overrides (U+202A–U+202E, "Trojan Source"), invisible operators and isolates
// (U+2060–U+2069) and the byte-order mark. The one list for every place that refuses or removes them.
const RANGES = '\\u0000-\\u001F\\u007F-\\u009F\\u061C\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2069\\uFEFF';

/** True of text holding any of them (for refusing input). */
export const INVISIBLE = new RegExp(`[${RANGES}]`);

/** Each of them, for removing (search queries and documents). */
export const INVISIBLE_ALL = new RegExp(`[${RANGES}]`, 'g');

/**
 * What escaping for markup replaces: the same list except layout whitespace (tab, LF, CR) and
 * the joiners ZWNJ and ZWJ (U+200C, U+200D), which emoji sequences and several scripts need.
 */
export const UNSAFE_IN_MARKUP = new RegExp(`(?![\\t\\n\\r\\u200C\\u200D])[${RANGES}]`, 'g');
