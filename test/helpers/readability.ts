import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';

/** Markdown to the prose a reader sees: no markers, links reduced to their text. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/`([^`]*)`/g, '$1')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^[ \t]{0,3}#{1,6}[ \t]+(.*)$/gm, '$1.') // a heading reads as a sentence of its own
    .replace(/^[ \t]*(?:[-*+]|\d+[.)])[ \t]+(.*?)[.!?]?[ \t]*$/gm, '$1.') // so does each list item
    .replace(/[*_]{1,3}([^*_]+)[*_]{1,3}/g, '$1')
    .replace(/^>\s?/gm, '');
}

const WORD = /[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*/g;

/** Flesch–Kincaid grade level of Markdown text. */
export function gradeOf(markdown: string): number {
  const text = plainText(markdown);
  const words = text.match(WORD) ?? [];
  if (words.length === 0) return 0;
  const sentences = Math.max(1, (text.match(/[.!?]+(?=\s|$)|:(?=\s*\n)/g) ?? []).length);
  const syllables = words.reduce((n, w) => n + Math.max(1, syllable(w)), 0);
  return fleschKincaid({ sentence: sentences, word: words.length, syllable: syllables });
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
