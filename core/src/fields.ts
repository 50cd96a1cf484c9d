import * as z from 'zod';
import { isIsoDate, parseDateTime } from './dates';
import { STATUSES } from './taxonomy';

/**
 * What kind of value a front-matter field holds: it decides the field's TypeScript type in Meta,
 * its zod schema, how it is read leniently, and its placeholder in the template.
 */
export type FieldKind =
  'text' | 'date' | 'datetime' | 'status' | 'severity' | 'category' | 'categories' | 'list' | 'map';

/** One front-matter field: everything every face needs to know of it. */
export interface FieldDef {
  name: string;
  kind: FieldKind;
  /** A short name for people: the site's facts panel, hovers, the CLI. */
  label: string;
  /** What it means, in a sentence: hovers, the JSON Schema, docs. */
  description: string;
  /** What a valid value looks like, in the words of a message: "expected <this>". */
  expect: string;
  /** Whether a postmortem must have it by default (hindsight.json's requiredFields overrides). */
  required: boolean;
  /** Its line in a new postmortem's front matter after the key (see template.ts), when it has a fixed one. */
  template?: string;
}

/**
 * The front-matter fields of a postmortem, in the order a template lists them: the one home of
 * this fact. Meta's type, the zod schema, the JSON Schema, messages, the template, completions,
 * hovers and the site's facts panel all derive from it. To add a field, add a row here
 * (CONTRIBUTING.md shows an example).
 */
export const FIELDS = [
  {
    name: 'title',
    kind: 'text',
    label: 'Title',
    description: 'One-line title of the incident.',
    expect: 'a one-line title',
    required: true,
  },
  {
    name: 'date',
    kind: 'date',
    label: 'Date',
    description: 'Date the incident started, YYYY-MM-DD.',
    expect: 'the incident start date as YYYY-MM-DD',
    required: true,
  },
  {
    name: 'status',
    kind: 'status',
    label: 'Status',
    description: `Where the postmortem stands: ${STATUSES.join(', ')}.`,
    expect: STATUSES.join(', '),
    required: true,
    template: 'draft',
  },
  {
    name: 'severity',
    kind: 'severity',
    label: 'Severity',
    description: 'Severity level, one of the configured levels (default SEV1 to SEV4).',
    expect: 'a severity level such as SEV2',
    required: true,
  },
  {
    name: 'root_cause',
    kind: 'category',
    label: 'Root cause',
    description: 'The primary root-cause category id from the taxonomy.',
    expect: 'one root-cause category id',
    required: true,
  },
  {
    name: 'contributing',
    kind: 'categories',
    label: 'Contributing causes',
    description: 'Further root-cause category ids that contributed.',
    expect: 'a list of root-cause category ids',
    required: false,
    template: '[]',
  },
  {
    name: 'trigger',
    kind: 'text',
    label: 'Trigger',
    description:
      'What set the incident off: a binary push, a configuration push, a change in traffic...',
    expect: 'a short text',
    required: false,
    template: '""',
  },
  {
    name: 'services',
    kind: 'list',
    label: 'Services',
    description: 'Affected services or components.',
    expect: 'a list of service names',
    required: true,
    template: '[]',
  },
  {
    name: 'authors',
    kind: 'list',
    label: 'Authors',
    description: 'Who wrote the postmortem.',
    expect: 'a list of names',
    required: false,
  },
  {
    name: 'tags',
    kind: 'list',
    label: 'Tags',
    description: 'Free tags for grouping.',
    expect: 'a list of tags',
    required: false,
    template: '[]',
  },
  {
    name: 'started',
    kind: 'datetime',
    label: 'Started',
    description:
      'When the incident started (ISO date-time); with detected, mitigated and resolved it gives time to detect, time to mitigate and duration.',
    expect: 'an ISO date-time such as 2024-01-31T04:00:00Z',
    required: false,
    template: '',
  },
  {
    name: 'detected',
    kind: 'datetime',
    label: 'Detected',
    description: 'When the incident was detected (ISO date-time).',
    expect: 'an ISO date-time such as 2024-01-31T04:10:00Z',
    required: false,
    template: '',
  },
  {
    name: 'mitigated',
    kind: 'datetime',
    label: 'Mitigated',
    description: 'When users stopped being affected (ISO date-time).',
    expect: 'an ISO date-time such as 2024-01-31T05:30:00Z',
    required: false,
    template: '',
  },
  {
    name: 'resolved',
    kind: 'datetime',
    label: 'Resolved',
    description: 'When the incident was closed (ISO date-time).',
    expect: 'an ISO date-time such as 2024-01-31T06:35:00Z',
    required: false,
    template: '',
  },
  {
    name: 'impact',
    kind: 'map',
    label: 'Impact',
    description: 'Measures of impact: users affected, requests failed, revenue, data lost.',
    expect: 'a map of measures, e.g. users_affected: 1200',
    required: false,
    template: '{}',
  },
] as const satisfies readonly FieldDef[];

export type FieldName = (typeof FIELDS)[number]['name'];
type KindOf<N extends FieldName> = Extract<(typeof FIELDS)[number], { name: N }>['kind'];
type ValueOf<K extends FieldKind> = K extends 'list' | 'categories'
  ? string[]
  : K extends 'map'
    ? Record<string, unknown> | undefined
    : string | undefined;

/** The front matter read leniently: each field only when it has the expected shape; lists are always lists. */
export type Meta = {
  -readonly [N in FieldName as KindOf<N> extends 'list' | 'categories' ? N : never]: string[];
} & {
  -readonly [N in FieldName as KindOf<N> extends 'list' | 'categories' ? never : N]?: ValueOf<
    KindOf<N>
  >;
};

export const KNOWN_FIELDS: readonly FieldName[] = FIELDS.map((f) => f.name);
export const TIME_FIELDS = FIELDS.filter((f) => f.kind === 'datetime').map(
  (f) => f.name,
) as readonly ('started' | 'detected' | 'mitigated' | 'resolved')[];
export type TimeField = (typeof TIME_FIELDS)[number];
export const DEFAULT_REQUIRED_FIELDS: string[] = FIELDS.filter((f) => f.required).map(
  (f) => f.name,
);

/** What each field expects, in the words of a message: "expected <this>". */
export const FIELD_EXPECTATIONS: Record<string, string> = Object.fromEntries(
  FIELDS.map((f) => [f.name, f.expect]),
);

/** The field of a name, if it is one. */
export function fieldDef(name: string): FieldDef | undefined {
  return (FIELDS as readonly FieldDef[]).find((f) => f.name === name);
}

const stringList = z.array(z.string().min(1));
const SCHEMAS: Record<FieldKind, z.ZodType> = {
  text: z.string().trim().min(1),
  date: z.string().refine(isIsoDate),
  datetime: z.string().refine((v) => parseDateTime(v) !== undefined),
  status: z.enum(STATUSES),
  severity: z.string().min(1),
  category: z.string().min(1),
  categories: stringList,
  list: stringList,
  map: z.record(z.string(), z.unknown()),
};

/** The zod schema of one field's value (severity and category membership are checked by their own rules). */
export function fieldSchema(field: FieldDef): z.ZodType {
  // An optional text may be empty ('trigger: ""' in the template); a required one may not.
  if (field.kind === 'text' && !field.required) return z.string();
  return SCHEMAS[field.kind];
}

/** Reads the fields of a parsed mapping leniently into a typed Meta. */
export function toMeta(data: Record<string, unknown> | undefined): Meta {
  const d = data ?? {};
  const meta: Record<string, unknown> = {};
  for (const f of FIELDS as readonly FieldDef[]) {
    const v = d[f.name];
    if (f.kind === 'list' || f.kind === 'categories') {
      meta[f.name] =
        typeof v === 'string'
          ? v.trim()
            ? [v]
            : []
          : Array.isArray(v)
            ? v
                .filter((x): x is string | number => typeof x === 'string' || typeof x === 'number')
                .map(String)
            : [];
    } else if (f.kind === 'map') {
      meta[f.name] = v && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
    } else {
      meta[f.name] = typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
    }
  }
  return meta as Meta;
}
