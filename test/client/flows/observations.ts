// What a flow saw, for test/client/generated-clients.test.ts to judge. The same for every
// generator's flows; plain data, so the test reads it without the generated types.

export interface Sent {
  /** The URL the client sent. */
  url: string;
  status: number;
  etag: string | null;
  /** The keys of each item of `data`, sorted. */
  keys: string[][];
  body: string;
}

export interface Observations {
  /** `fields=title,summary`, as the document says to send it. */
  fieldsComma: Sent;
  /** The same, with the key repeated. */
  fieldsRepeated: Sent;
  /** Paging to the end by `links.next`. */
  paging: { pages: number; slugs: string[]; total: number };
  item: { slug: string; title: string; kind: string; bodyFormat: string };
  search: { crisisDetected: boolean; lines: string[]; region: string | null; hits: number; firstSnippet: string };
  notFound: { status: number; type: string; title: string; crisisLines: number };
  revalidated: { status: number; etag: string | null };
  renamed: { status: number; slug: string; redirected: boolean; url: string };
}

/** The keys of each item, sorted. */
export const keysOf = (items: readonly object[]): string[][] => items.map((item) => Object.keys(item).sort());
