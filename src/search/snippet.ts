import { escapeHtml } from '../render/escape.js';
import type { Token } from './text.js';

// Marks around each matched word; snippetHtml escapes everything else and turns these into <mark>.
export const MARK_START = '\u0001';
export const MARK_END = '\u0002';
const WINDOW = 16;

export interface Prose {
  text: string;
  tokens: Pick<Token, 'stem' | 'start' | 'end'>[];
  /**
   * Where each stem stands in the text, made the first time the text is searched: a query looks
   * up its few stems instead of testing every word of every hit's text.
   */
  positions?: Map<string, number[]>;
}

/** The token indexes of `p` whose stem is highlighted, in order. */
function matchesOf(p: Prose, highlight: ReadonlySet<string>): number[] {
  let positions = p.positions;
  if (!positions) {
    const made = new Map<string, number[]>();
    p.tokens.forEach((token, i) => {
      const list = made.get(token.stem);
      if (list) list.push(i);
      else made.set(token.stem, [i]);
    });
    p.positions = positions = made;
  }
  const matches: number[] = [];
  for (const stem of highlight) {
    const list = positions.get(stem);
    if (list) for (const i of list) matches.push(i);
  }
  return matches.sort((a, b) => a - b);
}

/**
 * The passage of a record's own prose (summary and body: never its keyword or vocabulary lists)
 * with the most distinct matched words, each marked. When no word matches the prose, the opening
 * of the first text, unmarked.
 */
export function snippet(prose: Prose[], highlight: ReadonlySet<string>): string {
  let best: { prose: Prose; from: number; score: number } | undefined;
  for (const p of prose) {
    if (p.tokens.length === 0) continue;
    if (!best) best = { prose: p, from: 0, score: 0 };
    const matches = matchesOf(p, highlight);
    // Windows worth trying start at a match; score each by the distinct words it shows (then by
    // how many), the earliest winning a tie, since an opening reads best. Two pointers over the
    // matches keep this linear in their number.
    const inWindow = new Map<string, number>();
    let end = 0;
    // Hot loop: m and end stay below matches.length, and every match is an index of p.tokens, so
    // the reads marked below are in range; a check or fallback per read would only slow it down.
    for (let m = 0; m < matches.length; m++) {
      // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- in range, as said above
      const start = matches[m]!;
      for (; end < matches.length; end++) {
        // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- in range, as said above
        const at = matches[end]!;
        if (at >= start + WINDOW) break;
        // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- in range, as said above
        const stem = p.tokens[at]!.stem;
        inWindow.set(stem, (inWindow.get(stem) ?? 0) + 1);
      }
      const score = inWindow.size + (end - m) * 0.01;
      if (score > best.score) best = { prose: p, from: start, score };
      // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- in range, as said above
      const leaving = p.tokens[start]!.stem;
      // The window always holds its own first match (end > m), so the count is at least 1.
      const left = (inWindow.get(leaving) ?? 1) - 1;
      if (left === 0) inWindow.delete(leaving);
      else inWindow.set(leaving, left);
    }
  }
  if (!best) return '';
  const { text, tokens } = best.prose;
  // Start a couple of words before the first match, so that the match has some context.
  const from = best.score > 0 ? Math.max(0, best.from - 2) : 0;
  const window = tokens.slice(from, from + WINDOW);
  // Not empty: the chosen prose has tokens, and `from` is at or before one of them.
  const [first] = window;
  if (!first) return '';
  let out = from > 0 ? '…' : '';
  let at = first.start;
  for (const t of window) {
    const word = text.slice(t.start, t.end);
    out += squash(text.slice(at, t.start)) + (highlight.has(t.stem) ? `${MARK_START}${word}${MARK_END}` : word);
    at = t.end;
  }
  // Words hold no white space, so squashing each gap is squashing the whole passage; it opens
  // with a word or an ellipsis, so only its tail can end in white space.
  return from + WINDOW >= tokens.length ? (out + squash(text.slice(at))).trimEnd() : `${out}…`;
}

/** White space runs as one space: the gaps between words are nearly always one space already. */
const squash = (gap: string): string => (gap === ' ' || gap === '' ? gap : gap.replace(/\s+/g, ' '));

/**
 * A snippet as HTML, for the JSON search and the search page alike: every character is escaped,
 * so <mark> around each match is the only markup it can hold.
 */
export function snippetHtml(marked: string): string {
  return marked
    .split(MARK_START)
    .map((segment, i) => {
      const end = segment.indexOf(MARK_END);
      if (i === 0 || end < 0) return escapeHtml(segment.replaceAll(MARK_END, ''));
      return `<mark>${escapeHtml(segment.slice(0, end))}</mark>${escapeHtml(segment.slice(end + 1).replaceAll(MARK_END, ''))}`;
    })
    .join('');
}
