// `npm run openapi`: writes the generated OpenAPI document to openapi/openapi.json for review, and
// the TypeScript client's types generated from it, so the two never disagree; the client package
// takes the document's version (`info.version`), so it is released with the API it was made from.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PROJECT_ROOT } from '../src/config.js';
import { clientSchema } from './client-schema.js';
import { generateOpenApi } from './openapi-document.js';

const document = await generateOpenApi();
const packagePath = resolve(PROJECT_ROOT, 'clients/typescript/package.json');
const clientPackage = JSON.parse(readFileSync(packagePath, 'utf8')) as { version: string };
clientPackage.version = (JSON.parse(document) as { info: { version: string } }).info.version;
const targets: [string, string][] = [
  [resolve(PROJECT_ROOT, 'openapi/openapi.json'), document],
  [resolve(PROJECT_ROOT, 'clients/typescript/src/schema.ts'), await clientSchema(document)],
  [packagePath, `${JSON.stringify(clientPackage, null, 2)}\n`],
];
for (const [target, text] of targets) {
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
}
