// The lint floor (issue 19): the least any linter of these files must do. Reads every Markdown file
// under a folder (one read each), parses its front matter with js-yaml (the version core/package.json lists)
// and splits it into lines; nothing else. `hindsight lint` is measured against this.
// Usage: node bench/reference/floor.mjs <folder>   prints {"files":…,"lines":…,"keys":…} as JSON.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(fileURLToPath(new URL('../../core/package.json', import.meta.url)));
const yaml = require('js-yaml');
const options = { schema: yaml.CORE_SCHEMA }; // as core/src/frontmatter.ts reads it

const folder = path.resolve(process.argv[2] ?? 'postmortems');
const files = readdirSync(folder, { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.(md|markdown)$/i.test(f))
  .sort();
let lines = 0;
let keys = 0;
for (const file of files) {
  const text = readFileSync(path.join(folder, file), 'utf8');
  const split = text.split(/\r?\n/);
  lines += split.length;
  if (split[0] === '---') {
    const end = split.indexOf('---', 1);
    if (end > 0) {
      const data = yaml.load(split.slice(1, end).join('\n'), options);
      if (data && typeof data === 'object') keys += Object.keys(data).length;
    }
  }
}
process.stdout.write(`${JSON.stringify({ files: files.length, lines, keys })}\n`);
