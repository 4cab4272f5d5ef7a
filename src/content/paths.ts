// Where each resource lives: its JSON in the versioned API, and its page for people (outside
// /v1, beside /embed). Both are paths: callers add the origin where a link must be absolute.

/** A topic, record or source in the API (`/v1/signs/emotional-numbness`). */
export const hrefOf = (collection: string, slug: string) => `/v1/${collection}/${slug}`;

/** Its page for people (`/signs/emotional-numbness`); without a slug, the collection's index page. */
export const pagePathOf = (collection: string, slug?: string) => (slug === undefined ? `/${collection}` : `/${collection}/${slug}`);
