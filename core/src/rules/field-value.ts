import * as z from 'zod';
import { isIsoDate, parseDateTime } from '../dates';
import { FIELDS, type FieldDef, type FieldKind } from '../fields';
import { FIELD_EXPECTATIONS, frontMatterShape, locateField } from '../frontmatter';
import { STATUSES } from '../taxonomy';
import { quote, suggest } from '../suggest';
import type { Problem, Rule } from './types';

const structural = z.looseObject(
  Object.fromEntries(Object.entries(frontMatterShape).map(([k, v]) => [k, v.optional()])) as {
    [K in keyof typeof frontMatterShape]: z.ZodOptional<(typeof frontMatterShape)[K]>;
  },
);

const name = (v: unknown) => typeof v === 'string' && v.length > 0;
const names = (v: unknown) => Array.isArray(v) && v.every(name);
/**
 * The values each kind of field accepts, by direct comparison: what the zod schema of the kind
 * (fieldSchema) accepts, no more. Plain front matter, nearly all of it, is checked with these; a
 * value they refuse goes through zod, whose issues word the messages.
 */
const ACCEPTS: Record<FieldKind, (v: unknown, required: boolean) => boolean> = {
  text: (v, required) => typeof v === 'string' && (!required || v.trim().length > 0),
  date: (v) => typeof v === 'string' && isIsoDate(v),
  datetime: (v) => typeof v === 'string' && parseDateTime(v) !== undefined,
  status: (v) => typeof v === 'string' && (STATUSES as readonly string[]).includes(v),
  severity: name,
  category: name,
  categories: names,
  list: names,
  map: (v) => typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype,
};

/** Whether every known field present has a value its kind accepts (ACCEPTS). */
function plainlyValid(data: Record<string, unknown>): boolean {
  for (const f of FIELDS as readonly FieldDef[]) {
    const v = data[f.name];
    if (v === null || v === undefined) continue;
    if (!ACCEPTS[f.kind](v, f.required)) return false;
  }
  return true;
}

/** Describes a YAML value in a message: 'text', the number 3, a list, empty. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return 'empty';
  if (typeof value === 'string') return value.trim() ? quote(value) : 'blank';
  if (typeof value === 'number' || typeof value === 'boolean')
    return `${typeof value === 'number' ? 'the number' : 'the boolean'} ${value}`;
  if (Array.isArray(value)) return value.length ? 'a list' : 'an empty list';
  return 'a map';
}

export const fieldValue: Rule = {
  id: 'field-value',
  description:
    'Each front-matter field has a value of the expected shape: ISO dates and date-times, known status, lists of names.',
  severity: 'error',
  check({ pm }) {
    const block = pm.frontMatter;
    const data = block?.data;
    if (!block || !data) return [];
    if (plainlyValid(data)) return [];
    const present = Object.fromEntries(
      Object.entries(data).filter(([, v]) => v !== null && v !== undefined),
    );
    const result = structural.safeParse(present);
    if (result.success) return [];
    const problems: Problem[] = [];
    const seen = new Set<string>();
    for (const issue of result.error.issues) {
      const field = String(issue.path[0]);
      const index = typeof issue.path[1] === 'number' ? issue.path[1] : undefined;
      const key = `${field}/${index ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const loc = locateField(block, field, index);
      if (!loc) continue;
      const value = index === undefined ? present[field] : (present[field] as unknown[])[index];
      const where = index === undefined ? `Field '${field}'` : `Item ${index + 1} of '${field}'`;
      const expected = index === undefined ? FIELD_EXPECTATIONS[field] : 'a non-empty name';
      const problem: Problem = {
        message: `${where} is ${describeValue(value)}; expected ${expected}.`,
        start: loc.valueStart,
        end: loc.valueEnd,
      };
      if (field === 'status' && typeof value === 'string') {
        const fixed = suggest(value, STATUSES);
        if (fixed)
          problem.fix = {
            title: `Change status to '${fixed}'`,
            preferred: true,
            edits: [{ start: loc.valueStart, end: loc.valueEnd, text: fixed }],
          };
        // No close match: the writer picks the status from the list.
        else
          problem.choices = STATUSES.map((s) => ({
            title: `Change status to '${s}'`,
            edits: [{ start: loc.valueStart, end: loc.valueEnd, text: s }],
          }));
      }
      problems.push(problem);
    }
    return problems;
  },
};
