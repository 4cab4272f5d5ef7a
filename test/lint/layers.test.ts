import { ESLint } from 'eslint';
import t from 'tap';
import tseslint from 'typescript-eslint';

// The layer rules in eslint.layers.js, tried on imports that run back up and on ones that do not.
// The rules read import paths only, and the files tried here do not exist, so no project
// service could give them types: lint them without.
const eslint = new ESLint({ overrideConfig: tseslint.configs.disableTypeChecked });
const problems = async (file: string, source: string) => {
  const [result] = await eslint.lintText(source, { filePath: file });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').length;
};

t.test('imports that run back up the layers fail lint', async (t) => {
  const upward: [string, string][] = [
    ['src/repositories/fake.ts', '../http/answer.js'],
    ['src/repositories/fake.ts', '../plugins/app/content.js'],
    ['src/db/fake.ts', '../repositories/content-repository.js'],
    ['src/content/fake.ts', '../schemas/common.js'],
    ['src/search/fake.ts', '../db/schema.js'],
    ['src/schemas/fake.ts', '../http/canonical.js'],
    ['src/http/fake.ts', '../plugins/app/cache-control.js'],
    ['src/http/fake.ts', '../routes/v1/index.js'],
    ['src/plugins/external/fake.ts', '../app/content.js'],
    ['src/plugins/external/fake.ts', '../../plugins/app/content.js'],
    ['src/plugins/app/fake.ts', '../../routes/health.js'],
    ['src/routes/v1/fake.ts', '../../app.js'],
    ['src/embed/fake.ts', '../plugins/app/content.js'],
    ['src/clinical/fake.ts', '../http/problems.js'],
    ['src/clinical/fake.ts', '../pages/render.js'],
    ['src/repositories/fake.ts', '../clinical/knowledge.js'],
  ];
  for (const [file, target] of upward) {
    t.equal(await problems(file, `import x from '${target}';\nexport default x;\n`), 1, `${file} → ${target}`);
  }
});

t.test('imports down the layers pass', async (t) => {
  const downward: [string, string][] = [
    ['src/routes/v1/fake.ts', '../../http/answer.js'],
    ['src/routes/v1/fake.ts', '../../plugins/app/cache-control.js'],
    ['src/routes/v1/fake.ts', '../embed.js'],
    ['src/plugins/app/fake.ts', '../../repositories/content-repository.js'],
    ['src/plugins/external/fake.ts', '../../http/problems.js'],
    ['src/repositories/fake.ts', '../db/schema.js'],
    ['src/http/fake.ts', '../repositories/content-repository.js'],
    ['src/app.ts', './routes/health.js'],
    ['src/clinical/fake.ts', '../repositories/codes-repository.js'],
    ['src/http/fake.ts', '../clinical/knowledge.js'],
  ];
  for (const [file, target] of downward) {
    t.equal(await problems(file, `import x from '${target}';\nexport default x;\n`), 0, `${file} → ${target}`);
  }
});
