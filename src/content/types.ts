import type { RecordCollection } from '../seed/schemas.js';

// The content types the API publishes besides topics and sources: collection name (URL
// segment and seed folder), singular type name (in payloads and embed lists), label (headings and
// the API docs' tag), what one record is called when it stands alone (an embed list's item, the
// vocabulary endpoint), what the collection holds (the tag's description) and facets.
export interface ContentTypeInfo {
  collection: RecordCollection;
  type: string;
  label: string;
  itemLabel: string;
  description: string;
  facets: readonly string[];
}

export const CONTENT_TYPES = [
  { collection: 'signs', type: 'sign', label: 'Signs', itemLabel: 'Sign', description: 'Signs and symptoms.', facets: ['kind', 'setting'] },
  { collection: 'causes', type: 'cause', label: 'Causes', itemLabel: 'Possible cause', description: 'What can lead to each condition.', facets: ['category'] },
  { collection: 'contexts', type: 'context', label: 'Contexts', itemLabel: 'Where it shows up', description: 'Areas of life where it shows up.', facets: [] },
  { collection: 'strategies', type: 'strategy', label: 'Coping strategies', itemLabel: 'Coping strategy', description: 'Self-help, connection, prevention and relapse prevention.', facets: ['category'] },
  { collection: 'therapies', type: 'therapy', label: 'Therapies and support', itemLabel: 'Therapy or support', description: 'Professional therapies and peer support, with when to consider them.', facets: ['kind'] },
  { collection: 'faqs', type: 'faq', label: 'Questions and answers', itemLabel: 'Question', description: 'Frequently asked questions.', facets: [] },
  { collection: 'impacts', type: 'impact', label: 'Impacts and risks', itemLabel: 'Impact', description: 'Effects and long-term risks.', facets: ['area'] },
  { collection: 'stories', type: 'story', label: 'Stories', itemLabel: 'Story', description: 'Short anonymised illustrative stories.', facets: [] },
] as const satisfies readonly ContentTypeInfo[];

export type RecordType = (typeof CONTENT_TYPES)[number]['type'];

const byCollection = new Map<string, ContentTypeInfo>(CONTENT_TYPES.map((t) => [t.collection, t]));
const byType = new Map<string, ContentTypeInfo>(CONTENT_TYPES.map((t) => [t.type, t]));

/** What is stored in a collection: its singular type, labels and facets. */
export const typeInfoOf = (collection: RecordCollection): ContentTypeInfo => byCollection.get(collection)!;

/** The collection holding records of a singular type (sign → signs); undefined for any other name. */
export const collectionOfType = (type: string): RecordCollection | undefined => byType.get(type)?.collection;

/** Everything the change log follows, in the order a version lists its changes: topics, records, sources. */
export type ChangeType = 'topic' | RecordType | 'source';
export const CHANGE_TYPES: readonly [ChangeType, ...ChangeType[]] = ['topic', ...CONTENT_TYPES.map((t) => t.type), 'source'];

/** The collection (URL segment) of a change-log type: topic → topics, sign → signs, source → sources. */
export const collectionOfChangeType = (type: ChangeType): string => (type === 'topic' ? 'topics' : type === 'source' ? 'sources' : collectionOfType(type)!);
