import type { ItemRef, Layout, Theme } from '../schemas/embeds.js';

export interface PageOptions {
  theme: Theme;
  lang: string;
  layout: Layout;
  /** The reader's country (ISO 3166-1 alpha-2), for the crisis box; undefined for none. */
  region?: string;
}

// Commas and colons are legal in a query and keep embed URLs readable (items=strategy:journaling,…).
const encode = (value: string) => encodeURIComponent(value).replace(/%2C/gi, ',').replace(/%3A/gi, ':');

/**
 * Rebuilds an embed URL from validated values only, omitting defaults: it is what oEmbed and the
 * discovery link print, so nothing the caller sent travels into markup unparsed.
 */
function query(pairs: [string, string | undefined][], options: PageOptions): string {
  const all: [string, string | undefined][] = [
    ...pairs,
    ['theme', options.theme === 'light' ? undefined : options.theme],
    ['lang', options.lang === 'en' ? undefined : options.lang],
    ['layout', options.layout === 'full' ? undefined : options.layout],
    ['region', options.region],
  ];
  const parts = all.filter((p): p is [string, string] => p[1] !== undefined).map(([k, v]) => `${k}=${encode(v)}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

export const topicEmbedPath = (slug: string, sections: readonly string[], options: PageOptions) =>
  `/embed/topics/${encode(slug)}${query([['sections', sections.join(',')]], options)}`;

export const listEmbedPath = (items: readonly ItemRef[], title: string | undefined, options: PageOptions) =>
  `/embed/list${query(
    [
      ['items', items.map((i) => `${i.type}:${i.slug}`).join(',')],
      ['title', title],
    ],
    options,
  )}`;

export const oembedPath = (embedUrl: string) => `/oembed?url=${encodeURIComponent(embedUrl)}&format=json`;
