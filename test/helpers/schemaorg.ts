import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Checks JSON-LD against the extract of the schema.org vocabulary in test/fixtures (see its
// `source` and scripts/schemaorg-extract.mjs): every type and property must exist there, every
// property must be allowed on its node's type (domainIncludes, with inheritance) and every value
// must fit its range (a node of a range type or subtype, or a literal where a data type is allowed).

interface Vocabulary {
  classes: Record<string, { subClassOf: string[]; dataType?: true }>;
  properties: Record<string, { domainIncludes: string[]; rangeIncludes: string[] }>;
}

export const vocabulary: Vocabulary = JSON.parse(
  readFileSync(fileURLToPath(new URL('../fixtures/schemaorg-vocabulary.json', import.meta.url)), 'utf8'),
);

/** True when `type` is `ancestor` or one of its subclasses. */
function isA(type: string, ancestor: string): boolean {
  if (type === ancestor) return true;
  return (vocabulary.classes[type]?.subClassOf ?? []).some((parent) => isA(parent, ancestor));
}

const LITERAL_CHECKS: Record<string, (v: string) => boolean> = {
  URL: (v) => /^https?:\/\/[^\s]+$/.test(v),
  Date: (v) => /^\d{4}-\d\d-\d\d$/.test(v),
  Text: () => true,
};

/** Every violation in a JSON-LD document, as readable lines; empty when it is valid. */
export function schemaOrgViolations(node: unknown, path = '$'): string[] {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return [`${path}: not a node`];
  const record = node as Record<string, unknown>;
  const type = record['@type'];
  if (typeof type !== 'string') return [`${path}: no @type`];
  if (!vocabulary.classes[type] || vocabulary.classes[type].dataType) return [`${path}: ${type} is not a schema.org type in the extract`];
  const out: string[] = [];
  for (const [name, value] of Object.entries(record)) {
    if (name.startsWith('@')) {
      if (!['@type', '@context'].includes(name)) out.push(`${path}: unexpected keyword ${name}`);
      continue;
    }
    const property = vocabulary.properties[name];
    if (!property) {
      out.push(`${path}.${name}: not a schema.org property in the extract`);
      continue;
    }
    if (!property.domainIncludes.some((domain) => isA(type, domain)))
      out.push(`${path}.${name}: not a property of ${type} (domain: ${property.domainIncludes.join(', ')})`);
    const values = Array.isArray(value) ? value : [value];
    values.forEach((v, i) => {
      const at = Array.isArray(value) ? `${path}.${name}[${i}]` : `${path}.${name}`;
      if (typeof v === 'string') {
        const literal = property.rangeIncludes.filter((r) => vocabulary.classes[r]?.dataType);
        if (literal.length === 0) out.push(`${at}: a literal where ${property.rangeIncludes.join(', ')} is expected`);
        else if (!literal.some((r) => LITERAL_CHECKS[r]?.(v) ?? true))
          out.push(`${at}: "${v.slice(0, 40)}" is not a ${literal.join(' or ')}`);
      } else if (v && typeof v === 'object' && typeof (v as Record<string, unknown>)['@type'] === 'string') {
        const inner = (v as Record<string, string>)['@type']!;
        if (!property.rangeIncludes.some((r) => isA(inner, r)))
          out.push(`${at}: ${inner} is not in the range ${property.rangeIncludes.join(', ')}`);
        out.push(...schemaOrgViolations(v, at));
      } else out.push(`${at}: neither a literal nor a typed node`);
    });
  }
  return out;
}
