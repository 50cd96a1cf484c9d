import { z } from 'astro/zod';
import type { Config } from '@hindsight/core';
import { frontMatterShape } from '@hindsight/core/frontmatter';

type FieldName = keyof typeof frontMatterShape;

/**
 * The front-matter schema of a complete postmortem, derived from the same configuration as
 * `hindsight lint`: a field is required only when `requiredFields` names it and the
 * `required-field` rule reports errors; severity and root-cause ids are checked against the
 * configured lists only when their rules report errors. So a file lint accepts always builds.
 */
export function completeMetaSchema(config: Config) {
  const level = (rule: string) => config.rules[rule] ?? 'error';
  const required = new Set(level('required-field') === 'error' ? config.requiredFields : []);
  const shape: Record<string, z.ZodType> = {};
  for (const [name, schema] of Object.entries(frontMatterShape) as [FieldName, z.ZodType][]) {
    shape[name] = required.has(name) ? schema : schema.optional();
  }
  const severities = config.severities.map((s) => s.id) as [string, ...string[]];
  const categories = config.categories.map((c) => c.id) as [string, ...string[]];
  if (level('severity-level') === 'error')
    shape.severity = required.has('severity') ? z.enum(severities) : z.enum(severities).optional();
  if (level('root-cause-category') === 'error') {
    shape.root_cause = required.has('root_cause')
      ? z.enum(categories)
      : z.enum(categories).optional();
    shape.contributing = z.array(z.enum(categories)).optional();
  }
  return z.looseObject(shape);
}

/**
 * The content collection's schema: a complete postmortem's front matter must pass
 * completeMetaSchema; an incomplete one (published with a badge) is kept as the core read it.
 */
export function entrySchema(config: Config) {
  const complete = completeMetaSchema(config);
  return z
    .looseObject({
      slug: z.string(),
      title: z.string(),
      incomplete: z.boolean(),
      meta: z.looseObject({}),
    })
    .superRefine((entry, ctx) => {
      if (entry.incomplete) return;
      const result = complete.safeParse(entry.meta);
      for (const issue of result.error?.issues ?? [])
        ctx.addIssue({ code: 'custom', path: ['meta', ...issue.path], message: issue.message });
    });
}
