import { STATUSES } from '../taxonomy';
import type { FieldContext, InferredField } from './inferred';
import { frontMatterValue, fromFrontMatter } from './labels';

/** The status: front matter or a `Status:` line, other tools' words mapped; missing is published. */
export function inferStatus(ctx: FieldContext): InferredField<string> {
  const { pm, label } = ctx;
  const fmStatus = frontMatterValue(pm, ['status']);
  if (fmStatus && typeof fmStatus.value === 'string') {
    const mapped = mapStatus(fmStatus.value);
    const status: InferredField<string> = mapped
      ? {
          value: mapped,
          from: fromFrontMatter(fmStatus.line),
          confidence: mapped === fmStatus.value ? 1 : 0.9,
          line: fmStatus.line,
        }
      : { value: 'published', from: 'default', confidence: 0.6 };
    if (!mapped)
      ctx.notes.push({
        field: 'status',
        message: `Status '${fmStatus.value}' is not one of ${STATUSES.join(', ')}; set to published.`,
        line: fmStatus.line,
      });
    return status;
  }
  const statusLine = label(/^(?:status|document status|report status|postmortem status)$/);
  const mapped = statusLine ? mapStatus(statusLine.value) : undefined;
  return statusLine && mapped
    ? {
        value: mapped,
        from: `line ${statusLine.line}`,
        confidence: 0.85,
        line: statusLine.line,
      }
    : { value: 'published', from: 'default', confidence: 1 };
}

function mapStatus(value: string): string | undefined {
  const v = value.trim().toLowerCase();
  if ((STATUSES as readonly string[]).includes(v)) return v;
  if (
    /^(?:complete|completed|final|finali[sz]ed|closed|resolved|done|approved|published|reviewed|accepted|released)\b/.test(
      v,
    )
  )
    return 'published';
  if (/^(?:in[- ]?review|under review|review|pending review|for review|reviewing)\b/.test(v))
    return 'in-review';
  if (/^(?:draft|wip|work in progress|in progress|open|ongoing|investigating|todo)\b/.test(v))
    return 'draft';
  return undefined;
}
