import type { Postmortem } from '../parse';
import { inferDate } from './infer-date';
import { inferAuthors, inferServices, inferTags } from './infer-lists';
import { inferSeverity } from './infer-severity';
import { inferStatus } from './infer-status';
import { inferTitle } from './infer-title';
import type {
  FieldContext,
  FieldInferenceOptions,
  InferenceNote,
  InferredFields,
} from './inferred';
import { firstH1, labelledLines } from './labels';

/*
 * Field inference for `hindsight import`: one reader per field (infer-title, infer-date,
 * infer-status, infer-severity, infer-lists), each taking the document's labelled lines and first
 * H1 read once here, each returning the value with where it came from and how sure it is.
 */

export type {
  FieldInferenceOptions,
  InferenceNote,
  InferredField,
  InferredFields,
} from './inferred';
export {
  frontMatterLine,
  labelledLines,
  splitList,
  stripInline,
  type LabelledLine,
} from './labels';
export { mapSeverity } from './infer-severity';
export { titleFromFileName } from './infer-title';

/** Infers title, date, status, severity, services, authors and tags, each with its source. */
export function inferFields(
  pm: Postmortem,
  options: FieldInferenceOptions,
): { fields: InferredFields; notes: InferenceNote[] } {
  const labels = labelledLines(pm);
  const ctx: FieldContext = {
    pm,
    config: options.config,
    fileName: options.fileName ?? '',
    label: (re, keep) => labels.find((l) => re.test(l.label) && (!keep || keep(l))),
    h1: firstH1(pm),
    notes: [],
  };
  const fields: InferredFields = {};
  const title = inferTitle(ctx);
  if (title) fields.title = title;
  const { date, started } = inferDate(ctx);
  if (date) fields.date = date;
  if (started) fields.started = started;
  fields.status = inferStatus(ctx);
  const severity = inferSeverity(ctx);
  if (severity) fields.severity = severity;
  const services = inferServices(ctx);
  if (services) fields.services = services;
  const authors = inferAuthors(ctx);
  if (authors) fields.authors = authors;
  const tags = inferTags(ctx);
  if (tags) fields.tags = tags;
  return { fields, notes: ctx.notes };
}
