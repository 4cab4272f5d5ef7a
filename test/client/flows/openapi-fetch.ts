// The everyday flows, written against types openapi-typescript generates from the committed
// document and the openapi-fetch runtime, as a partner would write them: no casts, no
// workarounds. Compiled with tsc --strict.
import createClient from 'openapi-fetch';
import type { paths } from './openapi-typescript/schema.js';
import { keysOf, type Observations } from './observations.js';

export async function run(baseUrl: string, renamedBaseUrl: string): Promise<Observations> {
  // Ten operations also answer JSON-LD (Accept: application/ld+json); openapi-fetch types a
  // response as every media type it documents unless told which one the client reads.
  type Json = 'application/json' | 'application/problem+json';
  // The document's spelling for list parameters: comma-separated (style form, explode false).
  const client = createClient<paths, Json>({ baseUrl, querySerializer: { array: { style: 'form', explode: false } } });
  // openapi-fetch's own default: the key repeated.
  const repeating = createClient<paths, Json>({ baseUrl });

  const comma = await client.GET('/v1/signs', { params: { query: { fields: ['title', 'summary'], limit: 5 } } });
  const repeated = await repeating.GET('/v1/signs', { params: { query: { fields: ['title', 'summary'], limit: 5 } } });
  const sent = (result: typeof comma) => ({
    url: result.response.url,
    status: result.response.status,
    etag: result.response.headers.get('etag'),
    keys: keysOf(result.data?.data ?? []),
    body: JSON.stringify(result.data),
  });

  const slugs: string[] = [];
  let pages = 0;
  let total = 0;
  let offset = 0;
  for (;;) {
    const page = await client.GET('/v1/signs', { params: { query: { limit: 4, offset } } });
    if (!page.data) break;
    pages += 1;
    total = page.data.meta.total;
    for (const sign of page.data.data) slugs.push(sign.slug);
    const next = page.data.links.next;
    if (next === null) break;
    // links.next is the next page's address; its offset is where to start.
    offset = Number(new URL(next, baseUrl).searchParams.get('offset'));
  }

  const one = await client.GET('/v1/signs/{slug}', { params: { path: { slug: 'emotional-numbness' }, query: { format: 'text' } } });
  const found = await client.GET('/v1/search', { params: { query: { q: 'i want to die', region: 'GB' } } });
  const missing = await client.GET('/v1/signs/{slug}', { params: { path: { slug: 'no-such-sign' } } });
  const etag = one.response.headers.get('etag') ?? '';
  const again = await client.GET('/v1/signs/{slug}', {
    params: { path: { slug: 'emotional-numbness' }, query: { format: 'text' } },
    headers: { 'If-None-Match': etag },
  });
  const moved = await createClient<paths, Json>({ baseUrl: renamedBaseUrl }).GET('/v1/signs/{slug}', {
    params: { path: { slug: 'emotional-numbness' } },
  });

  return {
    fieldsComma: sent(comma),
    fieldsRepeated: sent(repeated),
    paging: { pages, slugs, total },
    item: {
      slug: one.data?.data.slug ?? '',
      title: one.data?.data.title ?? '',
      kind: one.data?.data.kind ?? '',
      bodyFormat: one.data?.data.bodyFormat ?? '',
    },
    search: {
      crisisDetected: found.data?.meta.crisisDetected ?? false,
      lines: (found.data?.meta.crisis.lines ?? []).map((line) => `${line.name}: ${line.phone ?? line.text ?? ''}`),
      region: found.data?.meta.crisis.region ?? null,
      hits: found.data?.data.length ?? 0,
      firstSnippet: found.data?.data[0]?.snippet ?? '',
    },
    notFound: {
      status: missing.response.status,
      type: missing.error?.type ?? '',
      title: missing.error?.title ?? '',
      crisisLines: missing.error?.crisis?.lines.length ?? -1,
    },
    revalidated: { status: again.response.status, etag: again.response.headers.get('etag') },
    renamed: {
      status: moved.response.status,
      slug: moved.data?.data.slug ?? '',
      redirected: moved.response.redirected,
      url: moved.response.url,
    },
  };
}
