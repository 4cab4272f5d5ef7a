import { ATTRIBUTION, PROJECT_NAME } from '../content/licence.js';
import { uuidIri } from './ids.js';
import type { KnowledgeAnswer, KnowledgeEntry } from './knowledge.js';

// The infobutton's knowledge response as an Atom feed (RFC 4287), the payload the HL7 Infobutton
// SOA guide builds on and MedlinePlus Connect serves. One element tree is built here; atom-xml.ts
// writes it as XML, and as the JSON form MedlinePlus Connect clients read. Children follow the
// element order of OpenInfobutton's KnowledgeResponse.xsd, which Atom allows and some clients
// validate against; `xml:lang` is on feed and entries, as that schema requires.

export const ATOM_NAMESPACE = 'http://www.w3.org/2005/Atom';

/** An element: its attributes, its text, or its children. */
export interface AtomElement {
  name: string;
  attributes?: Readonly<Record<string, string>>;
  text?: string;
  children?: AtomElement[];
}

/** A request parameter echoed back as an Atom category, as infobutton responders do. */
export interface EchoedParameter {
  scheme: string;
  term: string;
}

export interface FeedContext {
  /** Where the pages are (absolute links: an EHR opens them outside this service). */
  origin: string;
  /** The canonical request, for the feed's self link (patient parameters never appear in it). */
  selfPath: string;
  /** Names the feed's permanent id: the canonical request without its response type. */
  idName: string;
  echoed: readonly EchoedParameter[];
  /** When the content last changed, for a feed without entries (ISO 8601). */
  builtAt: string;
  /** The content's disclaimer: the subtitle ends with it, as every content answer carries it. */
  disclaimer: string;
}

const LANG = { 'xml:lang': 'en' } as const;
const text = (name: string, value: string, type?: 'text'): AtomElement => ({
  name,
  ...(type ? { attributes: { type } } : {}),
  text: value,
});
/** Review dates are days; Atom wants an RFC 3339 date-time (§3.3). */
const instant = (day: string) => `${day}T00:00:00Z`;
const author = (origin: string): AtomElement => ({
  name: 'author',
  children: [text('name', PROJECT_NAME), text('uri', `${origin}/`)],
});

function entryElement(entry: KnowledgeEntry, origin: string): AtomElement {
  return {
    name: 'entry',
    attributes: LANG,
    children: [
      text('title', entry.title, 'text'),
      {
        name: 'link',
        attributes: { href: `${origin}${entry.path}`, rel: 'alternate', type: 'text/html', hreflang: 'en', title: entry.title },
      },
      text('id', entry.id),
      text('updated', instant(entry.updated)),
      author(origin),
      text('summary', entry.summary, 'text'),
      text('rights', ATTRIBUTION, 'text'),
    ],
  };
}

/** The answer as an Atom feed. */
export function knowledgeFeed(answer: KnowledgeAnswer, ctx: FeedContext): AtomElement {
  const days = answer.entries.map((e) => e.updated).sort();
  const latest = days.at(-1);
  return {
    name: 'feed',
    attributes: { ...LANG, 'xml:base': `${ctx.origin}/` },
    children: [
      text('title', PROJECT_NAME, 'text'),
      text('subtitle', `${answer.note} ${ctx.disclaimer}`, 'text'),
      author(ctx.origin),
      text('updated', latest ? instant(latest) : ctx.builtAt.replace(/\.\d+Z$/, 'Z')),
      ...ctx.echoed.map(({ scheme, term }) => ({ name: 'category', attributes: { scheme, term } })),
      text('id', uuidIri(`infobutton:${ctx.idName}`)),
      { name: 'link', attributes: { href: `${ctx.origin}${ctx.selfPath}`, rel: 'self' } },
      text('rights', ATTRIBUTION, 'text'),
      ...answer.entries.map((e) => entryElement(e, ctx.origin)),
    ],
  };
}
