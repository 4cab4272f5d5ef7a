import type { CodeSystem } from '../content/code-systems.js';
import { pagePathOf } from '../content/paths.js';
import { collectionOfType } from '../content/types.js';
import type { CodesRepository } from '../repositories/codes-repository.js';
import type { ContentRecord, ContentRepository, Topic } from '../repositories/content-repository.js';
import type { HelpRepository } from '../repositories/help-repository.js';
import type { SearchRepository } from '../repositories/search-repository.js';
import { detectCrisis } from '../safety/crisis-detection.js';
import { uuidIri } from './ids.js';

// What an infobutton request answers with, whatever the format (Atom XML, its JSON form, or an
// HTML page): up to three entries, best first, and one sentence that says what was matched.

/** The path of the help directory's page for people. */
export const HELP_PAGE_PATH = '/help';

/** What a clinical system asked about: a code of a known system, or (without a code) free text. */
export type KnowledgeQuestion = { kind: 'code'; system: CodeSystem; code: string } | { kind: 'text'; text: string };

export interface KnowledgeRequest {
  question: KnowledgeQuestion;
  /** `PAT` or `PROV`: both get the same patient education (there is no professional content). */
  recipient: 'PAT' | 'PROV';
  /** The language asked for, when it is not English (the content is English only). */
  otherLanguage: string | null;
  region?: string;
}

export interface KnowledgeEntry {
  /** A permanent IRI: the same entry has the same id in every feed. */
  id: string;
  kind: 'help' | 'content';
  title: string;
  summary: string;
  /** Its page for people (with `region` when given), relative to the origin. */
  path: string;
  /** When it was last reviewed (YYYY-MM-DD). */
  updated: string;
}

export interface KnowledgeAnswer {
  /** One or two sentences on what was matched (the feed's subtitle). */
  note: string;
  entries: KnowledgeEntry[];
}

export interface KnowledgeSources {
  codes: CodesRepository;
  content: ContentRepository;
  help: HelpRepository;
  search: SearchRepository;
}

const MAX_ENTRIES = 3;
const withRegion = (path: string, region?: string) => (region ? `${path}?region=${region}` : path);

/** The help directory for the region as an entry: crisis message, emergency advice and the first line. */
export function helpEntry(help: HelpRepository, message: string, region?: string): KnowledgeEntry {
  const entry = help.get(region) ?? help.international;
  const [line] = entry.lines;
  const lineText = line
    ? ` ${line.name}: ${[line.phone && `call ${line.phone}`, line.text && (/^\d[\d ]*$/.test(line.text) ? `text ${line.text}` : line.text)]
        .filter(Boolean)
        .join(' or ')}.`
    : entry.directory
      ? ` ${entry.directory.name} (${entry.directory.url}): ${entry.directory.text}`
      : '';
  return {
    id: uuidIri(`help:${entry.region ?? 'international'}`),
    kind: 'help',
    title: entry.region ? `Get help now (${entry.name})` : 'Get help now',
    summary: `${message} ${entry.emergency.text}${lineText}`,
    path: withRegion(HELP_PAGE_PATH, region),
    updated: entry.reviewedAt,
  };
}

/** A topic or record as an entry, linking to its page for people. */
export function contentEntry(
  item: Pick<Topic | ContentRecord, 'slug' | 'title' | 'summary' | 'reviewedAt'>,
  collection: string,
  region?: string,
): KnowledgeEntry {
  return {
    id: uuidIri(`record:${collection}/${item.slug}`),
    kind: 'content',
    title: item.title,
    summary: item.summary,
    path: withRegion(pagePathOf(collection, item.slug), region),
    updated: item.reviewedAt,
  };
}

function byCode(question: Extract<KnowledgeQuestion, { kind: 'code' }>, request: KnowledgeRequest, sources: KnowledgeSources) {
  const { system, code } = question;
  const asked = `${system.name} ${code}`;
  if (!system.mapped) return { note: `This service maps no ${system.name} codes yet, so it has nothing for ${asked}.`, entries: [] };
  const found = sources.codes.lookup(system.name, code);
  if (found.outcome === 'none') return { note: `No reading is mapped to ${asked} or to any code above it.`, entries: [] };
  const matched = `${system.name} ${found.matchedCode} (${found.matchedTitle})`;
  const above = `${asked} is not in the map, so the code above it answers: ${matched}.`;
  if (found.outcome === 'help-first')
    return {
      note: `Help first: ${found.fellBackFrom ? above : `${matched}.`} For codes about suicidal thoughts, self-harm or a suicide attempt this service answers with crisis help, not reading.`,
      entries: [helpEntry(sources.help, sources.content.crisis, request.region)],
    };
  return {
    note: found.fellBackFrom ? above : `Reading for ${matched}.`,
    entries: found.records.map((r) => contentEntry(r.item, r.collection, request.region)),
  };
}

function byText(text: string, request: KnowledgeRequest, sources: KnowledgeSources) {
  const what = `Reading found by searching for "${text}" (no code was sent).`;
  // Risk words in the text answer as a help-first code does: the help directory, and no reading.
  if (detectCrisis(text).detected)
    return {
      note: `Help first: the words sent suggest someone may be at risk, so this service answers with crisis help, not reading.`,
      entries: [helpEntry(sources.help, sources.content.crisis, request.region)],
    };
  const found = sources.search.search({ q: text, limit: MAX_ENTRIES, offset: 0 });
  if (!found) return undefined;
  const hits = found.rows.map((row) => {
    if (row.type === 'topic') return contentEntry(required(sources.content.getTopic(row.slug), row.slug), 'topics', request.region);
    const collection = required(collectionOfType(row.type), row.type);
    return contentEntry(required(sources.content.get(collection, row.slug), row.slug), collection, request.region);
  });
  return { note: hits.length ? what : `Nothing was found by searching for "${text}" (no code was sent).`, entries: hits };
}

// The search index is built from the same store the content is read from, so every hit resolves.
const required = <T>(value: T | undefined, name: string): T => {
  if (value === undefined) throw new Error(`The search index names "${name}", which the content store does not have.`);
  return value;
};

/** The answer to an infobutton request; undefined when its text has no word to search for. */
export function answerKnowledgeRequest(request: KnowledgeRequest, sources: KnowledgeSources): KnowledgeAnswer | undefined {
  const audience =
    request.recipient === 'PROV' ? ' This service has patient education only: professionals get the same reading as patients.' : '';
  if (request.otherLanguage)
    return { note: `The content is available in English only; nothing is offered in "${request.otherLanguage}".`, entries: [] };
  const { question } = request;
  const answer = question.kind === 'code' ? byCode(question, request, sources) : byText(question.text, request, sources);
  if (!answer) return undefined;
  return { note: `${answer.note}${audience}`, entries: answer.entries };
}
