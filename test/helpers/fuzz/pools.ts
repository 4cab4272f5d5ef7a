// Real values from the running API, so generated "valid" requests reach real records.
import type { FastifyInstance } from 'fastify';
import type { Operation } from './operations.js';
import type { Pools } from './values.js';

// Every `slug` and `href` anywhere in a body: records, their topics, sources, links.
function collect(node: unknown, slugs: Set<string>, hrefs: Set<string>): void {
  if (Array.isArray(node)) node.forEach((n) => collect(n, slugs, hrefs));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'slug' && typeof value === 'string') slugs.add(value);
      else if (key === 'href' && typeof value === 'string') hrefs.add(value);
      else collect(value, slugs, hrefs);
    }
  }
}

/** Pages through every list operation (GET, no path or required parameters) of the document. */
export async function harvestPools(app: FastifyInstance, operations: Operation[]): Promise<Pools> {
  const slugsBySegment = new Map<string, string[]>();
  const allSlugs = new Set<string>();
  const hrefs = new Set<string>();
  const lists = operations.filter((op) => op.method === 'GET' && !op.path.includes('{') && !op.parameters.some((p) => p.required));
  for (const op of lists) {
    const max = op.parameters.find((p) => p.in === 'query' && p.name === 'limit')?.schema?.maximum;
    const own: string[] = [];
    let url: string | null = max ? `${op.path}?limit=${max}` : op.path;
    for (let page = 0; url && page < 100; page++) {
      const res = await app.inject({ method: 'GET', url });
      if (res.statusCode !== 200 || !/json/.test(String(res.headers['content-type']))) break;
      const body: { data?: { slug?: unknown }[]; links?: { next?: unknown } } = res.json();
      if (Array.isArray(body.data)) own.push(...body.data.map((d) => d?.slug).filter((s): s is string => typeof s === 'string'));
      collect(body, allSlugs, hrefs);
      url = typeof body.links?.next === 'string' ? body.links.next : null;
    }
    if (own.length) slugsBySegment.set(op.path.split('/').pop()!, own);
  }
  // The document's HTML pages (all operations if it has none), parameterised paths filled with
  // real slugs: what a URL-valued parameter (oEmbed's `url`) points at, at app.inject's origin.
  const html = operations.filter((op) => op.responses['200']?.content?.['text/html']);
  const pages = (html.length ? html : operations).flatMap((op) => {
    const segment = op.path.match(/([^/]+)\/\{[^}]+\}$/)?.[1];
    if (!op.path.includes('{')) return [op.path];
    return (segment ? (slugsBySegment.get(segment) ?? []) : []).map((slug) => op.path.replace(/\{[^}]+\}$/, slug));
  });
  const segments = [...new Set(operations.flatMap((op) => op.path.split('/').filter((s) => s && !s.startsWith('{'))))];
  const absolute = (paths: Iterable<string>) => [...paths].map((p) => `http://localhost${p}`);
  return { slugsBySegment, allSlugs: [...allSlugs], pageUrls: absolute(pages), hrefs: [...absolute(hrefs), ...hrefs], segments };
}
