import type { ContentRepository } from '../repositories/content-repository.js';
import { embedListQuery, embedTopicQuery } from '../schemas/embeds.js';
import { type EmbedDocument, listDocument, recordsOf, topicDocument } from './documents.js';
import { escapeHtml } from '../render/escape.js';
import { html } from './html.js';
import { PROVIDER_NAME } from './sections.js';

export const DEFAULT_WIDTH = 600;
const MAX_HEIGHT = 1600;

/**
 * A height that shows short lists without an inner scrollbar, from heights measured in Chromium at
 * 600px wide (title, crisis box and footer ≈ 640px; an item ≈ 250px in full, 95px compact);
 * longer lists scroll inside a frame no taller than a screen or two.
 */
export function frameSize(doc: EmbedDocument, maxwidth?: number, maxheight?: number) {
  const perItem = doc.options.layout === 'full' ? 250 : 95;
  const headings = doc.groups.filter((g) => g.heading !== null).length;
  const natural = Math.min(MAX_HEIGHT, 640 + headings * 60 + recordsOf(doc).length * perItem);
  return { width: Math.min(DEFAULT_WIDTH, maxwidth ?? DEFAULT_WIDTH), height: Math.min(natural, maxheight ?? natural) };
}

/** The snippet a site pastes: sandboxed (no scripts, links open in a new tab) and responsive. */
export function iframeSnippet(src: string, title: string, width: number, height: number): string {
  return html`<iframe src="${src}" width="${width}" height="${height}" title="${title}" loading="lazy" sandbox="allow-popups allow-popups-to-escape-sandbox" referrerpolicy="no-referrer" style="border:0;max-width:100%"></iframe>`
    .value;
}

function queryObject(params: URLSearchParams): Record<string, string> | null {
  const out: Record<string, string> = {};
  for (const [key, value] of params) {
    if (key in out) return null;
    out[key] = value;
  }
  return out;
}

/**
 * The embed a URL shows, when it is one of ours: same host (either scheme, since TLS may end
 * at a proxy in front of us), an embed path, and a query the embed route itself would accept.
 */
export function embedAt(content: ContentRepository, url: URL, origin: string): EmbedDocument | null {
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.host !== new URL(origin).host || url.username || url.password)
    return null;
  const query = queryObject(url.searchParams);
  if (!query) return null;
  if (url.pathname === '/embed/list' || url.pathname === '/embed/list/') {
    const parsed = embedListQuery.safeParse(query);
    if (!parsed.success) return null;
    try {
      return listDocument(content, parsed.data);
    } catch {
      return null;
    }
  }
  const topic = /^\/embed\/topics\/([^/]+)\/?$/.exec(url.pathname);
  if (!topic) return null;
  const parsed = embedTopicQuery.safeParse(query);
  if (!parsed.success) return null;
  let slug: string;
  try {
    // The pattern's one group is not optional: it is there whenever the pattern matched.
    slug = decodeURIComponent(topic[1] ?? '');
  } catch {
    return null;
  }
  return topicDocument(content, slug, parsed.data) ?? null;
}

export interface OEmbedOptions {
  maxwidth?: number;
  maxheight?: number;
  cacheAge: number;
}

/** The oEmbed 1.0 rich response for an embed; `src` keeps the scheme the consumer used. */
export function oembedFor(doc: EmbedDocument, url: URL, origin: string, opts: OEmbedOptions) {
  const { width, height } = frameSize(doc, opts.maxwidth, opts.maxheight);
  const src = `${url.protocol}//${url.host}${doc.path}`;
  return {
    version: '1.0' as const,
    type: 'rich' as const,
    html: iframeSnippet(src, doc.title, width, height),
    width,
    height,
    title: doc.title,
    provider_name: PROVIDER_NAME,
    provider_url: `${origin}/`,
    cache_age: opts.cacheAge,
  };
}

/** The same response in oEmbed's XML format: one element per field, values escaped. */
export function oembedXml(response: ReturnType<typeof oembedFor>): string {
  const fields = Object.entries(response).map(([name, value]) => `  <${name}>${escapeHtml(String(value))}</${name}>`);
  return `<?xml version="1.0" encoding="utf-8" standalone="yes"?>\n<oembed>\n${fields.join('\n')}\n</oembed>\n`;
}
