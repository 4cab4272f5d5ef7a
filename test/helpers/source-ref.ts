import type { SourceRef } from '../../src/repositories/content-repository.js';

/** A made-up source reference as the repository gives it, for tests that present or cite one. */
export const sourceRef = (over: Partial<SourceRef> = {}): SourceRef => ({
  slug: 'src',
  title: 'A Source',
  publisher: 'A Publisher',
  url: null,
  doi: null,
  authority: 'secondary',
  citation: 'A citation.',
  supports: null,
  ...over,
});
