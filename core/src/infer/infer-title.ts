import type { Postmortem } from '../parse';
import type { FieldContext, InferredField } from './inferred';
import { frontMatterValue, fromFrontMatter, stripInline } from './labels';

/** The title: front matter, the H1, a `Title:` line, a bold first line, the file name. */
export function inferTitle(ctx: FieldContext): InferredField<string> | undefined {
  const { pm, label, h1, fileName } = ctx;
  const fmTitle = frontMatterValue(pm, ['title']);
  const titleLine = label(/^(?:title|incident(?: title| name)?)$/);
  const boldTitle = h1 ? undefined : firstBoldLine(pm);
  if (typeof fmTitle?.value === 'string' && fmTitle.value.trim())
    return {
      value: fmTitle.value.trim(),
      from: fromFrontMatter(fmTitle.line),
      confidence: 1,
      line: fmTitle.line,
    };
  if (h1 && !GENERIC_TITLE.test(h1.text))
    return { value: h1.text, from: `line ${h1.line}`, confidence: 0.9, line: h1.line };
  if (titleLine)
    return {
      value: titleLine.value,
      from: `line ${titleLine.line}`,
      confidence: 0.8,
      line: titleLine.line,
    };
  if (boldTitle)
    return {
      value: boldTitle.text,
      from: `line ${boldTitle.line}`,
      confidence: 0.6,
      line: boldTitle.line,
    };
  if (fileName) return { value: titleFromFileName(fileName), from: 'file name', confidence: 0.5 };
  if (h1) return { value: h1.text, from: `line ${h1.line}`, confidence: 0.5, line: h1.line };
  return undefined;
}

/** An H1 that names the kind of document, not the incident: the title is elsewhere. */
const GENERIC_TITLE =
  /^(?:incident\s+)?(?:post[- ]?mortem|post[- ]incident\s+review|incident\s+(?:report|review|summary|write-?up)|rca|root cause analysis|retrospective|summary|draft)s?\s*$/i;

/** A bold line standing alone before the first heading ("**Checkout outage, 13 March**"). */
function firstBoldLine(pm: Postmortem): { text: string; line: number } | undefined {
  const first = pm.frontMatter ? pm.lines.position(pm.frontMatter.end).line : 1;
  for (let n = first; n <= Math.min(pm.lines.lineCount, first + 10); n++) {
    const line = pm.text.slice(pm.lines.lineStart(n), pm.lines.lineEnd(n)).trim();
    if (!line) continue;
    const m = /^(?:\*\*|__)([^*_]{3,120})(?:\*\*|__)$/.exec(line);
    return m && !/[:：]$/.test(m[1]!) ? { text: stripInline(m[1]!), line: n } : undefined;
  }
  return undefined;
}

/** The file name without its extension, as the people who named it wrote it: "rca-eu-west-storage". */
export function titleFromFileName(fileName: string): string {
  return fileName.replace(/\.(?:md|markdown)$/i, '').trim() || fileName;
}
