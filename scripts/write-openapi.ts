// `npm run openapi`: writes the generated OpenAPI document to openapi/openapi.json for review.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PROJECT_ROOT } from '../src/config.js';
import { generateOpenApi } from './openapi-document.js';

const target = resolve(PROJECT_ROOT, 'openapi/openapi.json');
writeFileSync(target, await generateOpenApi());
console.log(`wrote ${target}`);
