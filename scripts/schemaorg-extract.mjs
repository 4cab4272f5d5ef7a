// Extracts the schema.org types and properties the JSON-LD uses, with their real subClassOf,
// domainIncludes and rangeIncludes, into test/fixtures/schemaorg-vocabulary.json. The tests run
// offline, so they check against this extract rather than schema.org itself.
//
//   node scripts/schemaorg-extract.mjs <schemaorg-current-https.jsonld> <version> Name…
//
// The input is data/releases/<version>/schemaorg-current-https.jsonld from
// https://github.com/schemaorg/schemaorg. Classes come with all their superclasses; property
// ranges come with their superclasses too, and data types (Text, URL, Date …) are marked.
import { readFileSync, writeFileSync } from 'node:fs';

const [input, version, ...names] = process.argv.slice(2);
if (!input || !version || names.length === 0) throw new Error('usage: schemaorg-extract.mjs <file.jsonld> <version> Name…');
const graph = JSON.parse(readFileSync(input, 'utf8'))['@graph'];
const byId = new Map(graph.map((n) => [n['@id'], n]));
const ids = (v) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((x) => x['@id'].replace(/^schema:/, '')));
const types = (n) => (Array.isArray(n['@type']) ? n['@type'] : [n['@type']]);
const node = (name) => {
  const n = byId.get(`schema:${name}`);
  if (!n) throw new Error(`schema:${name} is not in ${input}`);
  return n;
};

const classes = {};
const addClass = (name) => {
  if (classes[name]) return;
  const n = node(name);
  const dataType = types(n).includes('schema:DataType') || ids(n['rdfs:subClassOf']).some((s) => s === 'Text' || s === 'DataType');
  classes[name] = { subClassOf: ids(n['rdfs:subClassOf']), ...(dataType ? { dataType: true } : {}) };
  for (const parent of classes[name].subClassOf) addClass(parent);
};
const properties = {};
for (const name of names) {
  const n = node(name);
  if (types(n).includes('rdf:Property')) {
    properties[name] = { domainIncludes: ids(n['schema:domainIncludes']), rangeIncludes: ids(n['schema:rangeIncludes']) };
    for (const range of properties[name].rangeIncludes) addClass(range);
  } else addClass(name);
}
const sort = (o) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
const out = {
  source: `https://github.com/schemaorg/schemaorg/blob/main/data/releases/${version}/schemaorg-current-https.jsonld`,
  version,
  note: 'An extract: only the types and properties this project uses (classes with their superclasses), made by scripts/schemaorg-extract.mjs.',
  classes: sort(classes),
  properties: sort(properties),
};
writeFileSync('test/fixtures/schemaorg-vocabulary.json', `${JSON.stringify(out, null, 2)}\n`);
