import { CONTENT_REGISTRY, type ContentTypeDefinition, type RecordCollection, type RecordType } from './registry.js';
import { defined } from './defined.js';

// The content types as most code needs them: collection name (URL segment and seed folder),
// singular type name, labels, description and facet names, read from the registry.
export interface ContentTypeInfo {
  collection: RecordCollection;
  type: string;
  label: string;
  itemLabel: string;
  description: string;
  facets: readonly string[];
}

const infoOf = <T extends ContentTypeDefinition>({ collection, type, label, itemLabel, description, facets }: T) => ({
  collection: collection as T['collection'],
  type: type as T['type'],
  label,
  itemLabel,
  description,
  facets: Object.keys(facets),
});

export const CONTENT_TYPES = CONTENT_REGISTRY.map(infoOf);

const byCollection = new Map<string, ContentTypeInfo>(CONTENT_TYPES.map((t) => [t.collection, t]));
const byType = new Map<string, ContentTypeInfo>(CONTENT_TYPES.map((t) => [t.type, t]));

/** Every RecordCollection and RecordType comes from the registry, so a lookup cannot miss; if it does, say which. */
const known = <T>(value: T | undefined, name: string): T => defined(value, () => `"${name}" is not a content type of the registry.`);

const entryByCollection = new Map<string, ContentTypeDefinition>(CONTENT_REGISTRY.map((t) => [t.collection, t]));

/** The registry entry of a collection: its facets and own fields with their labels. */
export const entryOf = (collection: RecordCollection): ContentTypeDefinition => known(entryByCollection.get(collection), collection);

/** What is stored in a collection: its singular type, labels and facets. */
export const typeInfoOf = (collection: RecordCollection): ContentTypeInfo => known(byCollection.get(collection), collection);

/** The collection holding records of a singular type (sign → signs); undefined for any other name. */
export const collectionOfType = (type: string): RecordCollection | undefined => byType.get(type)?.collection;

/** Everything the change log follows, in the order a version lists its changes: topics, records, sources. */
export type ChangeType = 'topic' | RecordType | 'source';
export const CHANGE_TYPES: readonly [ChangeType, ...ChangeType[]] = ['topic', ...CONTENT_TYPES.map((t) => t.type), 'source'];

/** The collection (URL segment) of a change-log type: topic → topics, sign → signs, source → sources. */
export const collectionOfChangeType = (type: ChangeType): string =>
  type === 'topic' ? 'topics' : type === 'source' ? 'sources' : known(collectionOfType(type), type);
