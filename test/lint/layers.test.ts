import { readdirSync } from 'node:fs';
import { ESLint } from 'eslint';
import t from 'tap';
import tseslint from 'typescript-eslint';
import { LAYERS, layerOf } from '../../eslint.layers.js';
import { PROJECT_ROOT } from '../../src/config.js';

// The layer rule in eslint.layers.js, tried on imports that run back up and on ones that do not.
// The rule reads import paths only, and the files tried here do not exist, so no project service
// could give them types: lint them without.
const eslint = new ESLint({ overrideConfig: tseslint.configs.disableTypeChecked });
const problems = async (file: string, source: string) => {
  const [result] = await eslint.lintText(source, { filePath: `${PROJECT_ROOT}/${file}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'layers/downward').map((m) => m.message);
};
const importing = (target: string) => `import x from '${target}';\nexport default x;\n`;

t.test('every file under src/ has a layer, and each layer says why in one sentence', async (t) => {
  const files = readdirSync(`${PROJECT_ROOT}/src`, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  t.ok(files.length > 100, `${files.length} files`);
  for (const file of files) t.ok(layerOf(`${PROJECT_ROOT}/src/${file}`), `src/${file} has a layer`);
  for (const layer of LAYERS) t.match(layer.why, /^\S[^.]*\S$/, `${layer.name}: ${layer.why}`);
  t.equal(layerOf(`${PROJECT_ROOT}/test/x.ts`), undefined, 'files outside src/ have none');
  t.equal(layerOf(`${PROJECT_ROOT}/src/seed/cli.ts`)?.name, 'entry points', 'the longest match wins');
});

t.test('imports that run back up the layers fail lint, however the path is spelt', async (t) => {
  const upward: [string, string][] = [
    ['src/repositories/fake.ts', '../http/answer.js'],
    ['src/repositories/fake.ts', '../plugins/app/content.js'],
    ['src/repositories/fake.ts', '../schemas/crisis.js'],
    ['src/db/fake.ts', '../repositories/content-repository.js'],
    ['src/db/fake.ts', '../seed/load.js'],
    ['src/content/fake.ts', '../schemas/common.js'],
    ['src/content/fake.ts', '../config.js'],
    ['src/search/fake.ts', '../db/schema.js'],
    ['src/schemas/fake.ts', '../http/canonical.js'],
    ['src/snapshot/fake.ts', '../http/answer.js'],
    ['src/http/fake.ts', '../plugins/app/cache-control.js'],
    ['src/http/fake.ts', '../routes/v1/index.js'],
    ['src/http/fake.ts', '../config.js'],
    ['src/seed/fake.ts', '../snapshot/snapshot.js'],
    ['src/seed/fake.ts', '../config.js'],
    ['src/pages/fake.ts', '../routes/pages.js'],
    ['src/pages/fake.ts', '../plugins/app/content.js'],
    ['src/plugins/external/fake.ts', '../app/content.js'],
    ['src/plugins/external/fake.ts', '../../plugins/app/content.js'],
    ['src/plugins/external/fake.ts', '../../openapi/document.js'],
    ['src/plugins/external/fake.ts', '../../content/licence.js'],
    ['src/plugins/app/fake.ts', '../../routes/health.js'],
    ['src/routes/v1/fake.ts', '../../app.js'],
    ['src/embed/fake.ts', '../plugins/app/content.js'],
    ['src/config.ts', './http/problems.js'],
    // Other spellings of the same paths.
    ['src/repositories/fake.ts', './../http/answer.js'],
    ['src/repositories/fake.ts', '../db/../http/answer.js'],
    ['src/repositories/fake.ts', '../../src/http/answer.js'],
    ['src/db/fake.ts', '.././repositories/content-repository.js'],
  ];
  for (const [file, target] of upward) {
    const messages = await problems(file, importing(target));
    t.equal(messages.length, 1, `${file} → ${target}`);
    t.match(messages[0], /^Layer rule \(.+ → .+\): .+\.$/, 'the message names both layers and says why');
  }
  t.equal((await problems('src/db/fake.ts', "export { x } from '../seed/load.js';\n")).length, 1, 'a re-export too');
  t.equal((await problems('src/db/fake.ts', "export * from '../seed/load.js';\n")).length, 1, 'and export *');
  t.equal((await problems('src/db/fake.ts', "export const f = () => import('../seed/load.js');\n")).length, 1, 'and a dynamic import');
});

t.test('imports down the layers, within a layer and to packages pass', async (t) => {
  const downward: [string, string][] = [
    ['src/routes/v1/fake.ts', '../../http/answer.js'],
    ['src/routes/v1/fake.ts', '../../plugins/app/cache-control.js'],
    ['src/routes/v1/fake.ts', '../embed.js'],
    ['src/routes/v1/fake.ts', '../../config.js'],
    ['src/plugins/app/fake.ts', '../../repositories/content-repository.js'],
    ['src/plugins/external/fake.ts', '../../http/problems.js'],
    ['src/plugins/external/fake.ts', '../../config.js'],
    ['src/plugins/external/fake.ts', './swagger.js'],
    ['src/repositories/fake.ts', '../db/schema.js'],
    ['src/snapshot/fake.ts', '../repositories/content-repository.js'],
    ['src/http/fake.ts', '../snapshot/answer.js'],
    ['src/pages/fake.ts', '../embed/html.js'],
    ['src/seed/fake.ts', '../db/schema.js'],
    ['src/seed/cli.ts', '../config.js'],
    ['src/config.ts', './content/regions.js'],
    ['src/app.ts', './routes/health.js'],
    ['src/content/fake.ts', 'zod'],
  ];
  for (const [file, target] of downward) t.same(await problems(file, importing(target)), [], `${file} → ${target}`);
});
