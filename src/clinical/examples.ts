import { ICD10CM } from '../content/code-systems.js';
import { atomJson, atomXml } from './atom-xml.js';
import { type FeedContext, knowledgeFeed } from './atom.js';
import { contentEntry, type KnowledgeAnswer } from './knowledge.js';

// The infobutton's documented examples (OpenAPI), written by the same code that writes answers,
// so the document can never show a shape the service does not send.

const ORIGIN = 'https://api.example.org';
const SAMPLE = { slug: 'life-transitions', title: 'During major life transitions', reviewedAt: '2026-12-07' };

const answer: KnowledgeAnswer = {
  note: 'Reading for ICD-10-CM F43.21 (Adjustment disorder with depressed mood).',
  entries: [
    contentEntry(
      {
        ...SAMPLE,
        summary: 'Big changes, like a move, a new job or the end of a relationship, can leave you feeling cut off. Small daily steps help.',
      },
      'contexts',
      'GB',
    ),
  ],
};

const context: FeedContext = {
  origin: ORIGIN,
  selfPath: `/v1/infobutton?mainSearchCriteria.v.c=F43.21&mainSearchCriteria.v.cs=${ICD10CM.oid}&region=GB`,
  idName: 'example',
  echoed: [
    { scheme: 'mainSearchCriteria.v.c', term: 'F43.21' },
    { scheme: 'mainSearchCriteria.v.cs', term: ICD10CM.oid },
    { scheme: 'informationRecipient', term: 'PAT' },
  ],
  builtAt: '2026-12-07T00:00:00Z',
  disclaimer: 'This content is for general education only. …',
};

const feed = knowledgeFeed(answer, context);
export const EXAMPLE_FEED_XML = atomXml(feed);
export const EXAMPLE_FEED_JSON: unknown = JSON.parse(atomJson(feed));
/** A request as an infobutton manager sends it (patient parameters included, and ignored). */
export const EXAMPLE_REQUEST = `/v1/infobutton?mainSearchCriteria.v.c=F43.21&mainSearchCriteria.v.cs=${ICD10CM.oid}&informationRecipient=PAT&taskContext.c.c=PROBLISTREV&region=GB`;
