import { PROJECT_NAME } from '../content/licence.js';
import { pagePathOf } from '../content/paths.js';
import { ANSWERS_PER_CODE, type CodesRepository, type MappedRecord } from '../repositories/codes-repository.js';
import type { HelpRepository } from '../repositories/help-repository.js';
import type { CdsCardValue } from '../schemas/cds-hooks.js';
import type { ConditionCode } from './fhir-conditions.js';
import { nameUuid } from './ids.js';
import { HELP_PAGE_PATH } from './knowledge.js';

// CDS Hooks cards for a patient's conditions: a warning card with the help directory first when a
// condition is about suicidal thoughts, self-harm or a suicide attempt, then at most three info
// cards of patient education, most relevant first. Card ids are derived from what they show, so
// the same card keeps its uuid from one call to the next.

export interface CardContext {
  /** Absolute links: the cards are shown inside the EHR. */
  origin: string;
  region?: string;
  disclaimer: string;
}

const SUMMARY_LIMIT = 139;
const summaryOf = (text: string) => (text.length <= SUMMARY_LIMIT ? text : `${text.slice(0, SUMMARY_LIMIT - 1).trimEnd()}…`);
// Our text is plain prose; these are the characters GitHub Flavored Markdown would read as markup.
const markdown = (text: string) => text.replace(/[\\`*_[\]<>]/g, (c) => `\\${c}`);
const withRegion = (path: string, region?: string) => (region ? `${path}?region=${region}` : path);

const source = (ctx: CardContext) => ({ label: PROJECT_NAME, url: `${ctx.origin}${pagePathOf('topics')}` });

function helpCard(help: HelpRepository, because: string, ctx: CardContext): CdsCardValue {
  const entry = help.get(ctx.region) ?? help.international;
  const lines = entry.lines.map((l) => {
    const ways = [l.phone && `call ${l.phone}`, l.text && (/^\d[\d ]*$/.test(l.text) ? `text ${l.text}` : l.text)].filter(Boolean);
    return `- **${markdown(l.name)}:** ${markdown(ways.join(' or ') || 'see the help page')}${l.hours ? ` (${markdown(l.hours)})` : ''}`;
  });
  const directory = entry.directory ? [`- **${markdown(entry.directory.name)}:** ${entry.directory.url}`] : [];
  const url = `${ctx.origin}${withRegion(HELP_PAGE_PATH, ctx.region)}`;
  const where = entry.region ? ` (${entry.name})` : '';
  return {
    uuid: nameUuid(`card:help:${entry.region ?? 'international'}`),
    summary: summaryOf(`Suicide or self-harm is recorded: crisis help to share with the patient${where}`),
    indicator: 'warning',
    detail: [
      `${markdown(because)} For these codes this service offers crisis help, not reading.`,
      '',
      `**In an emergency:** ${markdown(entry.emergency.text)}`,
      '',
      ...lines,
      ...directory,
      '',
      `The help page lists every line with its hours, and when to see a doctor: ${url}`,
    ].join('\n'),
    source: source(ctx),
    links: [{ label: `Help in a crisis${where}: page to share`, url, type: 'absolute' }],
  };
}

function contentCard(mapped: MappedRecord, because: string, ctx: CardContext): CdsCardValue {
  const { item, collection } = mapped;
  const url = `${ctx.origin}${withRegion(pagePathOf(collection, item.slug), ctx.region)}`;
  return {
    uuid: nameUuid(`card:record:${collection}/${item.slug}`),
    summary: summaryOf(`Patient reading: ${item.title}`),
    indicator: 'info',
    detail: [
      markdown(item.summary),
      '',
      `**Why:** ${markdown(because)} ${markdown(mapped.reason)}`,
      '',
      `_${markdown(ctx.disclaimer)}_`,
    ].join('\n'),
    source: source(ctx),
    links: [{ label: `Read or share: ${item.title}`, url, type: 'absolute' }],
  };
}

interface Candidate {
  mapped: MappedRecord;
  because: string;
  /** Lower is more relevant: an exact code before a fallback, then rank, then the condition's order. */
  score: readonly [number, number, number];
}

const better = (a: Candidate['score'], b: Candidate['score']) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** The cards for these condition codes (none when nothing is mapped). */
export function cardsFor(
  conditions: readonly ConditionCode[],
  codes: CodesRepository,
  help: HelpRepository,
  ctx: CardContext,
): CdsCardValue[] {
  let helpFirst: string | undefined;
  const candidates = new Map<string, Candidate>();
  for (const condition of conditions) {
    const found = codes.lookup(condition.system.name, condition.code);
    if (found.outcome === 'none') continue;
    const via = found.fellBackFrom ? ` (recorded as ${found.fellBackFrom})` : '';
    const because = `${found.system} ${found.matchedCode} ${found.matchedTitle}${via}.`;
    // Safety errs towards help: a provisional or differential diagnosis of risk still gets it.
    if (found.outcome === 'help-first') {
      helpFirst ??= because;
      continue;
    }
    // Reading is suggested for diagnoses the record has confirmed (or does not qualify).
    if (!condition.confirmed) continue;
    for (const mapped of found.records) {
      const key = `${mapped.collection}/${mapped.item.slug}`;
      const score = [found.fellBackFrom ? 1 : 0, mapped.rank, condition.position] as const;
      const known = candidates.get(key);
      if (!known || better(score, known.score) < 0) candidates.set(key, { mapped, because, score });
    }
  }
  const reading = [...candidates.values()]
    .sort((a, b) => better(a.score, b.score))
    .slice(0, ANSWERS_PER_CODE)
    .map((c) => contentCard(c.mapped, c.because, ctx));
  return helpFirst
    ? [
        helpCard(help, `A condition on this record is about suicidal thoughts, self-harm or a suicide attempt: ${helpFirst}`, ctx),
        ...reading,
      ]
    : reading;
}
