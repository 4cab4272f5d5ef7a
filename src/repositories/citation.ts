import type * as schema from '../db/schema.js';

type SourceRow = typeof schema.sources.$inferSelect;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "Jonathan David" or "J. D." → "J. D."; "Jean-Paul" → "J.-P." */
const initials = (given: string) =>
  given
    .split(/\s+/)
    .filter(Boolean)
    .map((name) =>
      name
        .split('-')
        .map((part) => `${part.charAt(0).toUpperCase()}.`)
        .join('-'),
    )
    .join(' ');

// Seed names are "Surname, Given names"; a name without a comma is a group author, kept as written.
const parseName = (name: string) => {
  const comma = name.indexOf(',');
  return comma < 0 ? { surname: name, initials: '' } : { surname: name.slice(0, comma).trim(), initials: initials(name.slice(comma + 1)) };
};

/** APA list joining: "A", "A, & B", "A, B, & C" (authors) or "A & B", "A, B, & C" (editors). */
const joinNames = (names: string[], commaBeforeAmpersandForTwo: boolean) => {
  if (names.length <= 1) return names.join('');
  if (names.length === 2) return `${names[0]}${commaBeforeAmpersandForTwo ? ',' : ''} & ${names[1]}`;
  return `${names.slice(0, -1).join(', ')}, & ${names.at(-1)}`;
};

const authorList = (authors: string[]) =>
  joinNames(
    authors.map((a) => {
      const n = parseName(a);
      return n.initials ? `${n.surname}, ${n.initials}` : n.surname;
    }),
    true,
  );

const editorList = (editors: string[]) =>
  joinNames(
    editors.map((e) => {
      const n = parseName(e);
      return n.initials ? `${n.initials} ${n.surname}` : n.surname;
    }),
    false,
  );

/** Journals and books are dated by year; web pages by the most exact date known. */
const dateOf = (date: string | null, yearOnly: boolean) => {
  if (!date) return 'n.d.';
  const [year = '', month, day] = date.split('-');
  if (yearOnly || !month) return year;
  // The seed checks every date, so the month has a name; its number is shown if not.
  const monthName = MONTHS[Number(month) - 1] ?? month;
  return day ? `${year}, ${monthName} ${Number(day)}` : `${year}, ${monthName}`;
};

const sentence = (s: string) => (/[.?!]$/.test(s) ? s : `${s}.`);

/**
 * An APA 7 reference built from the structured fields. The form follows the fields: a
 * `container` with `editors` makes a chapter in an edited book; one with a `volume` or a DOI, a
 * journal article (a DOI but no volume yet: published online ahead of print); one with neither, a
 * report in a numbered series; no container, a web page or article on a site (whose name is the
 * publisher). Stable pages get no retrieval date; a DOI wins over a URL.
 */
export function citationOf(s: SourceRow): string {
  const chapter = s.container !== null && s.editors.length > 0;
  const journal = s.container !== null && !chapter && (s.volume !== null || s.doi !== null);
  const report = s.container !== null && !chapter && !journal;
  const date = `(${dateOf(s.published ?? s.updated, journal || chapter || report)}).`;
  const title = report ? `${s.title} (${s.container}).` : sentence(s.title);
  const parts: string[] = [];
  if (s.authors.length > 0) parts.push(sentence(authorList(s.authors)), date, title);
  else parts.push(title, date); // no author: the title moves to the author position
  if (journal) {
    const volume = s.volume ? `, ${s.volume}${s.issue ? `(${s.issue})` : ''}` : '';
    parts.push(`${s.container}${volume}${s.pages ? `, ${s.pages}` : ''}.`);
    if (!s.volume) parts.push('Advance online publication.');
  } else if (chapter) {
    const eds = `${editorList(s.editors)} (${s.editors.length > 1 ? 'Eds.' : 'Ed.'})`;
    parts.push(`In ${eds}, ${s.container}${s.pages ? ` (pp. ${s.pages})` : ''}.`, sentence(s.publisher));
  } else if (!(s.authors.length === 1 && s.authors[0] === s.publisher)) {
    // A report or a web page names its publisher, unless that is its sole (group) author: APA 7
    // names it once, as the author.
    parts.push(sentence(s.publisher));
  }
  if (s.doi) parts.push(`https://doi.org/${s.doi}`);
  else if (s.url) parts.push(s.url);
  return parts.join(' ');
}
