import { createRequire } from 'node:module';
import type MarkdownIt from 'markdown-it';
import type { BODY_FORMATS } from '../content/vocabulary.js';

// Loaded on first use rather than at start-up: most requests ask for Markdown, which needs no
// rendering, and the parser is a noticeable share of a cold start.
const require = createRequire(import.meta.url);
type Parser = InstanceType<typeof MarkdownIt>;
let parser: Parser | undefined;

// Raw HTML in Markdown is disabled, so the rendered HTML can only contain markup markdown-it
// itself emits: sanitised by construction, with no separate sanitiser to keep in step.
function md(): Parser {
  if (!parser) {
    const MarkdownItClass = require('markdown-it') as typeof MarkdownIt;
    parser = new MarkdownItClass({ html: false, linkify: false, typographer: false });
    parser.validateLink = (url: string) => /^(https:|mailto:|\/|#)/i.test(url);
  }
  return parser;
}

export type BodyFormat = (typeof BODY_FORMATS)[number];

export const markdownToHtml = (source: string): string => md().render(source);

/** Plain text: block structure kept as line breaks, list items as "- " lines, no markup. */
export function markdownToText(source: string): string {
  const lines: string[] = [];
  let listDepth = 0;
  for (const token of md().parse(source, {})) {
    if (token.type === 'bullet_list_open' || token.type === 'ordered_list_open') listDepth++;
    else if (token.type === 'bullet_list_close' || token.type === 'ordered_list_close') listDepth--;
    else if (token.type === 'inline') {
      const text = (token.children ?? []).map((c) => (c.type === 'softbreak' || c.type === 'hardbreak' ? ' ' : c.content)).join('');
      lines.push(listDepth > 0 && token.level > 0 ? `${'  '.repeat(listDepth - 1)}- ${text}` : text);
    }
  }
  return lines.join('\n');
}

export function renderBody(source: string, format: BodyFormat): string {
  if (format === 'html') return markdownToHtml(source);
  if (format === 'text') return markdownToText(source);
  return source;
}
