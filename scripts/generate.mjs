// Writes what is generated from the core (the JSON Schema of hindsight.json, the rule reference).
// With --check, fails when a committed file differs from what would be generated.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { ruleExamples } from './rule-docs.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const check = process.argv.includes('--check');

const dir = mkdtempSync(path.join(tmpdir(), 'hindsight-generate-'));
let core;
try {
  await build({
    // The core and its zod, whose toJSONSchema turns the front-matter schema into postmortem.schema.json.
    stdin: {
      contents: "export * from './src/index.ts'; export { z } from 'zod';",
      resolveDir: `${root}core`,
      loader: 'ts',
    },
    outfile: path.join(dir, 'core.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'warning',
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
  });
  core = await import(path.join(dir, 'core.mjs'));
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const outputs = {
  'hindsight.schema.json': `${JSON.stringify(core.configJsonSchema(), null, 2)}\n`,
  'docs/rules.md': rulesDoc(core),
  'extension/snippets/markdown.code-snippets': `${JSON.stringify(core.markdownSnippets(), null, 2)}\n`,
  'extension/hindsight.schema.json': `${JSON.stringify(core.configJsonSchema(), null, 2)}\n`,
  'postmortem.schema.json': `${JSON.stringify(postmortemSchema(core), null, 2)}\n`,
  'docs/postmortem-template.md': core.renderTemplate({
    title: 'Short title of the incident',
    date: 'YYYY-MM-DD',
    severity: 'SEV3',
  }),
};

let stale = [];
for (const [file, text] of Object.entries(outputs)) {
  let current = '';
  try {
    current = readFileSync(`${root}${file}`, 'utf8');
  } catch {
    /* not generated yet: compared as empty */
  }
  if (current === text) continue;
  if (check) stale.push(file);
  else writeFileSync(`${root}${file}`, text);
}
if (stale.length) {
  console.error(
    `Generated files are out of date: ${stale.join(', ')}. Run 'npm run generate' and commit the result.`,
  );
  process.exit(1);
}

function rulesDoc(core) {
  const { RULES } = core;
  const lines = [
    '# Hindsight rules',
    '',
    'Generated from `core/src/rules/` by `npm run generate`; do not edit by hand.',
    'Change a rule\'s severity, or turn it off, in `hindsight.json`: `"rules": { "empty-section": "off" }`.',
    '',
    '| rule | default | checks |',
    '| --- | --- | --- |',
    ...RULES.map((r) => `| [\`${r.id}\`](#${r.id}) | ${r.severity} | ${r.description} |`),
    '',
  ];
  for (const r of RULES)
    lines.push(
      `## ${r.id}`,
      '',
      r.description,
      '',
      `Default severity: ${r.severity}.`,
      '',
      ...ruleExamples(core, r),
    );
  return lines.join('\n');
}

/**
 * The JSON Schema of a postmortem's front matter, from the core's zod schema with the default
 * severities and categories, so YAML tools of other editors can check and complete it.
 */
function postmortemSchema(core) {
  const schema = core.z.toJSONSchema(core.frontMatterSchema(core.defaultConfig), {
    io: 'input',
    unrepresentable: 'any',
  });
  delete schema.$schema;
  for (const [field, property] of Object.entries(schema.properties)) {
    const expected = core.FIELD_EXPECTATIONS[field];
    if (expected) property.description = `Expected: ${expected}.`;
  }
  schema.properties.date.pattern = '^\\d{4}-\\d{2}-\\d{2}$';
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Hindsight postmortem front matter',
    description:
      'The YAML front matter of a postmortem, with the default severities and root-cause categories; a repository whose hindsight.json configures others is checked by hindsight lint.',
    ...schema,
  };
}
