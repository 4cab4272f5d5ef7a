// The everyday flows, written against the client @hey-api/openapi-ts generates from the committed
// document, as a partner would write them: no casts, no workarounds. Compiled with tsc --strict.
import { createClient, createConfig } from './hey/client/index.js';
import { getSign, listSigns, search } from './hey/sdk.gen.js';
import type { ListSignsErrors, ListSignsResponses } from './hey/types.gen.js';
import { keysOf, type Observations, type Sent } from './observations.js';

export async function run(baseUrl: string, renamedBaseUrl: string): Promise<Observations> {
  const client = createClient(createConfig({ baseUrl }));
  const sent = async (result: Awaited<ReturnType<typeof listSigns>>): Promise<Sent> => ({
    url: result.response?.url ?? '',
    status: result.response?.status ?? 0,
    etag: result.response?.headers.get('etag') ?? null,
    keys: keysOf(result.data?.data ?? []),
    body: JSON.stringify(result.data),
  });
  const fieldsComma = await sent(await listSigns({ client, query: { fields: ['title', 'summary'], limit: 5 } }));
  // Many clients send arrays with the key repeated; the API takes that too.
  const fieldsRepeated = await sent(
    await listSigns({
      client,
      query: { fields: ['title', 'summary'], limit: 5 },
      querySerializer: { array: { explode: true, style: 'form' } },
    }),
  );

  const slugs: string[] = [];
  let pages = 0;
  let total = 0;
  let page = await listSigns({ client, query: { limit: 4 } });
  while (page.data) {
    pages += 1;
    total = page.data.meta.total;
    for (const sign of page.data.data) slugs.push(sign.slug);
    const next = page.data.links.next;
    if (next === null) break;
    page = await client.get<ListSignsResponses, ListSignsErrors>({ url: next });
  }

  const one = await getSign({ client, path: { slug: 'emotional-numbness' }, query: { format: 'text' } });
  const item = {
    slug: one.data?.data.slug ?? '',
    title: one.data?.data.title ?? '',
    kind: one.data?.data.kind ?? '',
    bodyFormat: one.data?.data.bodyFormat ?? '',
  };

  const found = await search({ client, query: { q: 'i want to die', region: 'GB' } });
  const meta = found.data?.meta;
  const searchSeen = {
    crisisDetected: meta?.crisisDetected ?? false,
    lines: (meta?.crisis.lines ?? []).map((line) => `${line.name}: ${line.phone ?? line.text ?? ''}`),
    region: meta?.crisis.region ?? null,
    hits: found.data?.data.length ?? 0,
    firstSnippet: found.data?.data[0]?.snippet ?? '',
  };

  const missing = await getSign({ client, path: { slug: 'no-such-sign' } });
  const notFound = {
    status: missing.response?.status ?? 0,
    type: missing.error?.type ?? '',
    title: missing.error?.title ?? '',
    crisisLines: missing.error?.crisis?.lines.length ?? -1,
  };

  const etag = one.response?.headers.get('etag') ?? '';
  const again = await getSign({
    client,
    path: { slug: 'emotional-numbness' },
    query: { format: 'text' },
    headers: { 'If-None-Match': etag },
  });

  const renamedClient = createClient(createConfig({ baseUrl: renamedBaseUrl }));
  const moved = await getSign({ client: renamedClient, path: { slug: 'emotional-numbness' } });

  return {
    fieldsComma,
    fieldsRepeated,
    paging: { pages, slugs, total },
    item,
    search: searchSeen,
    notFound,
    revalidated: { status: again.response?.status ?? 0, etag: again.response?.headers.get('etag') ?? null },
    renamed: {
      status: moved.response?.status ?? 0,
      slug: moved.data?.data.slug ?? '',
      redirected: moved.response?.redirected ?? false,
      url: moved.response?.url ?? '',
    },
  };
}
