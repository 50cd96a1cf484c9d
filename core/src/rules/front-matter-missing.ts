import { readTomlFrontMatter, tomlAsYaml } from '../frontmatter';
import { frontMatterSkeleton } from '../template';
import type { Rule } from './types';

export const frontMatterMissing: Rule = {
  id: 'front-matter-missing',
  description: 'A postmortem starts with a YAML front-matter block between --- lines.',
  severity: 'error',
  check({ pm, config, today }) {
    if (pm.frontMatter) return [];
    const late = /^(?:[ \t]*\r?\n)+---[ \t]*$/m.exec(pm.text);
    if (late && late.index === 0) {
      const fence = pm.text.indexOf('---');
      const line = pm.lines.position(fence).line;
      return [
        {
          message: `Front matter must start on line 1; found '---' on line ${line} after blank lines.`,
          start: 0,
          end: fence + 3,
          fix: {
            title: 'Remove the blank lines before the front matter',
            edits: [{ start: 0, end: fence, text: '' }],
          },
        },
      ];
    }
    if (/^---[ \t]*(\r\n|\r|\n)/.test(pm.text)) {
      return [
        {
          message:
            "Front matter opens with '---' on line 1 but is never closed; expected a line with '---' after the last field.",
          start: 0,
          end: 3,
        },
      ];
    }
    const toml = /^\+\+\+/.test(pm.text) ? readTomlFrontMatter(pm.text) : undefined;
    if (toml?.problems.length) return toml.problems.map((p) => ({ ...p }));
    if (toml) {
      // Hugo and other site generators write front matter in TOML; the same keys and values in
      // YAML keep the page's data and let Hindsight read it.
      const eol = pm.lines.eol;
      return [
        {
          message:
            "Front matter is TOML (between '+++' lines); Hindsight reads YAML front matter between '---' lines. The fix (or `hindsight import`) writes the same keys and values as YAML.",
          start: 0,
          end: 3,
          fix: {
            title: 'Write the TOML front matter as YAML',
            edits: [
              {
                start: toml.start,
                end: toml.end,
                text: `---${eol}${tomlAsYaml(toml.data ?? {}, eol)}---${eol}`,
              },
            ],
          },
        },
      ];
    }
    const skeleton = frontMatterSkeleton({
      title: pm.title ?? 'Untitled incident',
      date: today,
      config,
      eol: pm.lines.eol,
    });
    return [
      {
        message:
          'Front matter is missing; expected a block between --- lines at the top with title, date, status, severity, root_cause and services.',
        start: 0,
        end: pm.lines.lineEnd(1),
        fix: {
          title: 'Add front matter',
          edits: [{ start: 0, end: 0, text: skeleton + pm.lines.eol }],
        },
      },
    ];
  },
};
