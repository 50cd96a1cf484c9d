import * as z from 'zod';
import { DEFAULT_REQUIRED_FIELDS } from './fields';
import { DEFAULT_CATEGORIES, DEFAULT_SEVERITIES, type Category, type Severity } from './taxonomy';
import {
  DEFAULT_COMBINED,
  DEFAULT_REQUIRED_SECTIONS,
  DEFAULT_SECTIONS,
  normalizeHeading,
  type SectionDef,
} from './sections';

/** The name of the configuration file at the repository root. */
export const CONFIG_FILE = 'hindsight.json';

export const RULE_LEVELS = ['error', 'warning', 'info', 'off'] as const;
export type RuleLevel = (typeof RULE_LEVELS)[number];
export type FindingSeverity = Exclude<RuleLevel, 'off'>;

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'expected lower-case letters, digits and dashes');

/** The schema of `hindsight.json`; the JSON Schema for editors is generated from it. */
export const configSchema = z
  .object({
    $schema: z.string().optional(),
    postmortems: z
      .string()
      .min(1)
      .optional()
      .describe('Folder holding the postmortems, relative to the repository root.'),
    ignore: z
      .array(z.string().min(1))
      .optional()
      .describe(
        'File names in the postmortems folder that are not postmortems, in any case. Default: README.md, CONTRIBUTING.md, TEMPLATE.md; names starting with "_" or "." and template names (template.md, *-template.md, "... Template.md") are always ignored.',
      ),
    severities: z
      .array(z.object({ id: z.string().min(1), description: z.string().default('') }).strict())
      .min(1)
      .optional()
      .describe('Severity levels, most severe first. Default: SEV1 to SEV4.'),
    categories: z
      .array(
        z.object({ id, label: z.string().min(1), description: z.string().default('') }).strict(),
      )
      .min(1)
      .optional()
      .describe('The root-cause taxonomy. Replaces the default categories when set.'),
    sections: z
      .object({
        required: z
          .array(z.string())
          .optional()
          .describe('Ids of the sections every postmortem must have.'),
        aliases: z
          .record(z.string(), z.array(z.string().min(1)))
          .optional()
          .describe(
            'Extra headings accepted for a section, by section id. A heading is matched case-insensitively, ignoring punctuation at its end. An entry written between slashes is a regular expression tested against the heading as written, e.g. "/^post[- ]incident review$/i" (flags: i, u).',
          ),
      })
      .strict()
      .optional(),
    requiredFields: z
      .array(z.string())
      .optional()
      .describe(
        'Front-matter fields every postmortem must have. Default: title, date, status, severity, root_cause, services.',
      ),
    rules: z
      .record(z.string(), z.enum(RULE_LEVELS))
      .optional()
      .describe('Severity per rule id: error, warning, info or off.'),
    site: z
      .object({
        title: z
          .string()
          .min(1)
          .optional()
          .describe('Name of the knowledge base, shown in the header. Default: Hindsight.'),
        url: z
          .url({
            protocol: /^https?$/,
            error: 'expected an http:// or https:// address, e.g. https://postmortems.example.com',
          })
          .optional()
          .describe(
            'Public address of the site, used in the RSS feed and the sitemap. Default: http://127.0.0.1:4321.',
          ),
        onInvalid: z
          .enum(['badge', 'skip', 'fail'])
          .optional()
          .describe(
            'What the site build does with a postmortem that has lint errors: publish it with an "incomplete" badge and its findings (default), skip it with a warning, or fail the build.',
          ),
        base: z
          .string()
          .regex(
            /^\/(?:[A-Za-z0-9._~-]+\/)*$/,
            'expected a path that starts and ends with "/", such as "/handbook/"',
          )
          .optional()
          .describe(
            'Path the site is served under, e.g. "/handbook/" for a GitHub Pages project site. Default: "/". HINDSIGHT_BASE overrides it.',
          ),
        repository: z
          .url({ protocol: /^https?$/ })
          .optional()
          .describe(
            'Web address of the repository (e.g. https://github.com/acme/postmortems); each postmortem page then links to "Edit this postmortem".',
          ),
        branch: z
          .string()
          .min(1)
          .optional()
          .describe('Branch the "Edit this postmortem" links open. Default: main.'),
        relatedIgnoreTags: z
          .array(z.string().min(1))
          .optional()
          .describe(
            'Bookkeeping tags that do not make two postmortems related (e.g. "example"). Tags carried by most of the library are ignored anyway.',
          ),
      })
      .strict()
      .optional(),
  })
  .strict();

export type ConfigInput = z.input<typeof configSchema>;

/** The configuration with every default applied. */
export interface Config {
  postmortems: string;
  ignore: string[];
  severities: Severity[];
  categories: Category[];
  sections: SectionDef[];
  requiredSections: string[];
  requiredFields: string[];
  /** Normalised heading -> section ids it covers. */
  headingIndex: Map<string, string[]>;
  /** Aliases written as /regular expressions/, with the section ids they stand for. */
  headingPatterns: { pattern: RegExp; ids: string[] }[];
  rules: Record<string, RuleLevel>;
  site: {
    title: string;
    url: string;
    onInvalid: 'badge' | 'skip' | 'fail';
    base: string;
    repository?: string | undefined;
    branch: string;
    relatedIgnoreTags: string[];
  };
}

export { DEFAULT_REQUIRED_FIELDS } from './fields';

/** Builds a full configuration from a validated input. */
export function resolveConfig(input: ConfigInput = {}): Config {
  const parsed = configSchema.parse(input);
  const sections = DEFAULT_SECTIONS.map((s) => ({
    ...s,
    aliases: [...s.aliases, ...(parsed.sections?.aliases?.[s.id] ?? [])],
  }));
  const headingIndex = new Map<string, string[]>();
  const headingPatterns: Config['headingPatterns'] = [];
  for (const s of sections) {
    for (const h of [s.title, s.id, ...s.aliases]) {
      const pattern = aliasPattern(h);
      if (pattern) headingPatterns.push({ pattern, ids: [s.id] });
      else headingIndex.set(normalizeHeading(h), [s.id]);
    }
  }
  for (const [h, ids] of Object.entries(DEFAULT_COMBINED)) headingIndex.set(h, [...ids]);
  return {
    postmortems: parsed.postmortems ?? 'postmortems',
    ignore: parsed.ignore ?? ['README.md', 'CONTRIBUTING.md', 'TEMPLATE.md'],
    severities: parsed.severities ?? DEFAULT_SEVERITIES.map((s) => ({ ...s })),
    categories: parsed.categories ?? DEFAULT_CATEGORIES.map((c) => ({ ...c })),
    sections,
    requiredSections: parsed.sections?.required ?? [...DEFAULT_REQUIRED_SECTIONS],
    requiredFields: parsed.requiredFields ?? [...DEFAULT_REQUIRED_FIELDS],
    headingIndex,
    headingPatterns,
    rules: parsed.rules ?? {},
    site: {
      title: parsed.site?.title ?? 'Hindsight',
      url: parsed.site?.url ?? 'http://127.0.0.1:4321',
      onInvalid: parsed.site?.onInvalid ?? 'badge',
      base: parsed.site?.base ?? '/',
      repository: parsed.site?.repository,
      branch: parsed.site?.branch ?? 'main',
      relatedIgnoreTags: parsed.site?.relatedIgnoreTags ?? [],
    },
  };
}

const PATTERN_ALIAS = /^\/(.+)\/([iu]*)$/;

/** The regular expression of an alias written as /pattern/flags, or undefined for a plain heading (or a pattern that does not compile). */
function aliasPattern(alias: string): RegExp | undefined {
  const m = PATTERN_ALIAS.exec(alias);
  if (!m) return undefined;
  try {
    return new RegExp(m[1]!, m[2]);
  } catch {
    return undefined;
  }
}

/** The aliases of a configuration that look like /patterns/ but do not compile, with the reason. */
function brokenPatterns(aliases: Record<string, string[]>): string[] {
  const broken: string[] = [];
  for (const [id, list] of Object.entries(aliases)) {
    for (const alias of list) {
      const m = PATTERN_ALIAS.exec(alias);
      if (!m) continue;
      try {
        new RegExp(m[1]!, m[2]);
      } catch (e) {
        broken.push(
          `sections.aliases.${id}: ${alias} is not a valid regular expression (${(e as Error).message})`,
        );
      }
    }
  }
  return broken;
}

/** The default configuration. */
export const defaultConfig: Config = resolveConfig();

export type ConfigResult = { ok: true; config: Config } | { ok: false; message: string };

/**
 * Parses the text of `hindsight.json` into a configuration. A problem is one friendly message
 * naming the place and the fix, never an exception.
 */
export function parseConfig(text: string, source = CONFIG_FILE): ConfigResult {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return {
      ok: false,
      message: `${source} is not valid JSON (${(e as Error).message}); fix the syntax or delete the file to use the defaults.`,
    };
  }
  const result = configSchema.safeParse(data);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const where = issue.path.length ? issue.path.join('.') : '(top level)';
      return `  ${where}: ${describeIssue(issue)}`;
    });
    return {
      ok: false,
      message: `${source} has ${lines.length === 1 ? 'a problem' : `${lines.length} problems`}:\n${lines.join('\n')}\nHint: the JSON Schema hindsight.schema.json lists every setting.`,
    };
  }
  const broken = brokenPatterns(result.data.sections?.aliases ?? {});
  if (broken.length)
    return {
      ok: false,
      message: `${source}: ${broken.join('; ')}; write the pattern between slashes, e.g. "/^post[- ]incident review$/i".`,
    };
  const config = resolveConfig(result.data);
  const known = new Set(config.sections.map((s) => s.id));
  const unknown = [
    ...config.requiredSections,
    ...Object.keys(result.data.sections?.aliases ?? {}),
  ].filter((s) => !known.has(s));
  if (unknown.length) {
    return {
      ok: false,
      message: `${source}: unknown section id ${unknown.map((u) => `'${u}'`).join(', ')}; expected one of ${[...known].join(', ')}.`,
    };
  }
  return { ok: true, config };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys')
    return `unknown setting ${issue.keys.map((k) => `'${k}'`).join(', ')}`;
  if (issue.code === 'invalid_value')
    return `expected one of ${issue.values.map(String).join(', ')}`;
  return issue.message;
}

/** The JSON Schema of `hindsight.json`, for completion and validation in editors. */
export function configJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(configSchema, { io: 'input' }),
    title: 'Hindsight configuration',
    description: 'Configuration of Hindsight for a repository of incident postmortems.',
  };
}
