import type { Rule } from './types';

export const frontMatterYaml: Rule = {
  id: 'front-matter-yaml',
  description: 'Front matter is valid YAML holding key: value pairs.',
  severity: 'error',
  check({ pm }) {
    return (
      pm.frontMatter?.problems.map((p) => ({ message: p.message, start: p.start, end: p.end })) ??
      []
    );
  },
};
