// Acronyms and spelling variants that search treats as the same thing, in both directions.
// Each group lists equivalent phrases; the first is the display form.
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['CBT', 'cognitive behavioral therapy', 'cognitive behavioural therapy'],
  ['DBT', 'dialectical behavior therapy', 'dialectical behaviour therapy'],
  ['PTSD', 'post-traumatic stress disorder', 'posttraumatic stress disorder'],
  ['SSRI', 'selective serotonin reuptake inhibitor'],
  ['SSRIs', 'selective serotonin reuptake inhibitors'],
  ['behavior', 'behaviour'],
  ['behavioral', 'behavioural'],
  ['counseling', 'counselling'],
  ['counselor', 'counsellor'],
  ['practice', 'practise'],
  ['judgment', 'judgement'],
];

const normalise = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/** Phrases equivalent to `phrase` (excluding itself), matched case- and punctuation-insensitively. */
export function synonymsOf(phrase: string): string[] {
  const key = normalise(phrase);
  const group = SYNONYM_GROUPS.find((g) => g.some((p) => normalise(p) === key));
  return group ? group.filter((p) => normalise(p) !== key) : [];
}

/** Every synonym phrase that occurs in `text`, with its equivalents: extra keywords for the index. */
export function expansionsFor(text: string): string[] {
  const haystack = ` ${normalise(text)} `;
  const out = new Set<string>();
  for (const group of SYNONYM_GROUPS) {
    if (group.some((p) => haystack.includes(` ${normalise(p)} `))) group.forEach((p) => out.add(p));
  }
  return [...out];
}
