// `npm run openapi`: writes the generated OpenAPI document to openapi/openapi.json for review, and
// the TypeScript client's types generated from it, so the two never disagree.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PROJECT_ROOT } from '../src/config.js';
import { clientSchema } from './client-schema.js';
import { generateOpenApi } from './openapi-document.js';

const document = await generateOpenApi();
const targets: [string, string][] = [
  [resolve(PROJECT_ROOT, 'openapi/openapi.json'), document],
  [resolve(PROJECT_ROOT, 'clients/typescript/src/schema.ts'), await clientSchema(document)],
];
for (const [target, text] of targets) {
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
}
