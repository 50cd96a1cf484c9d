import type { Postmortem } from '../parse';
import type { FieldContext, InferredField } from './inferred';
import { asList, frontMatterValue, fromFrontMatter, splitList } from './labels';

/*
 * The list fields: services, authors and tags, from front matter of any tool or a labelled line.
 */

/** Services: front matter (`services`, `components`, `product`, ...), a labelled line, names in code. */
export function inferServices(ctx: FieldContext): InferredField<string[]> | undefined {
  const { pm, label } = ctx;
  const fmServices = frontMatterValue(pm, [
    'services',
    'service',
    'components',
    'component',
    'systems',
    'system',
    'affected_services',
    'product',
    'products',
  ]);
  const servicesLine = label(SERVICES_LABEL, (l) => splitList(l.value, true).length > 0);
  if (fmServices && asList(fmServices.value).length) {
    return {
      value: withoutCommonQualifier(asList(fmServices.value).map(serviceName)),
      from: fromFrontMatter(fmServices.line),
      confidence: fmServices.key === 'services' ? 1 : 0.85,
      line: fmServices.line,
    };
  }
  if (servicesLine) {
    return {
      value: withoutCommonQualifier(splitList(servicesLine.value, true).map(serviceName)),
      from: `line ${servicesLine.line}`,
      confidence: 0.75,
      line: servicesLine.line,
    };
  }
  return listedServices(pm) ?? scopedLabelServices(ctx) ?? namedServices(pm);
}

/**
 * Labels of a line or a metadata-table row that lists the affected services: "Services affected",
 * "Affected systems", "Business services", "Technical components", Jira's "Component/s", ITIL's
 * "Configuration items", "services touched".
 */
const SERVICES_LABEL =
  /^(?:(?:affected|impacted|concerned|business|technical|customer[- ]facing|critical|important)\s+)?(?:services?|systems?|components?|products?|applications?|apps?|platforms?)(?:\(s\)|\/s)?(?:\s+(?:affected|impacted|touched|involved|hit|in scope|down|degraded))?$|^(?:affected|impacted|this incident affected)$|^(?:affected\s+)?(?:configuration items?|cis?)(?:\s+(?:affected|impacted))?$/;

/** A tracker's scoped label naming a service: GitLab `service::checkout`, GitHub `component/billing`. */
const SCOPED_SERVICE =
  /(?<![\p{L}\d])(?:services?|components?)(?:::|\/)["']?([\p{L}\d][\p{L}\d._-]*)/giu;

/** Services from scoped labels in front-matter `labels` or a `Labels:` line. */
function scopedLabelServices(ctx: FieldContext): InferredField<string[]> | undefined {
  const fm = frontMatterValue(ctx.pm, ['labels', 'label']);
  const line = ctx.label(/^labels?$/);
  const sources: { text: string; from: string; line: number }[] = [];
  if (fm)
    sources.push({
      text: asList(fm.value).join(' '),
      from: fromFrontMatter(fm.line),
      line: fm.line,
    });
  if (line) sources.push({ text: line.value, from: `line ${line.line}`, line: line.line });
  for (const source of sources) {
    const names = [...source.text.matchAll(SCOPED_SERVICE)].map((m) => m[1]!);
    if (names.length)
      return { value: [...new Set(names)], from: source.from, confidence: 0.75, line: source.line };
  }
  return undefined;
}

/**
 * "block-storage (AMS-2), compute (AMS-2)" -> [block-storage, compute]: a qualifier every item
 * shares is where they ran, not part of their names.
 */
function withoutCommonQualifier(names: string[]): string[] {
  if (names.length < 2) return names;
  const qualifier = /\s*\(([^()]+)\)$/.exec(names[0]!)?.[1];
  if (!qualifier || !names.every((n) => n.endsWith(`(${qualifier})`))) return names;
  return names.map((n) => n.slice(0, n.lastIndexOf('(')).trim());
}

const SERVICES_HEADING =
  /^ {0,3}(?:#{1,6}[ \t]+|\*\*)(?:(?:appendix[ \t]+\w+|\d+(?:\.\d+)*\.?)[ \t]*[—–:.-]?[ \t]*)?(?:affected |impacted )?(?:services|systems|components)(?: affected| impacted| in scope)?[ \t]*(?:\*\*)?[ \t]*:?[ \t]*#*[ \t]*$/i;

/**
 * The bullet list under a heading or bold line "Affected services", "Systems impacted",
 * "Appendix B — Systems in scope": one service per item, its name before any `:` and long
 * description; an item marked "not affected" is left out.
 */
function listedServices(pm: Postmortem): InferredField<string[]> | undefined {
  const first = pm.frontMatter ? pm.lines.position(pm.frontMatter.end).line : 1;
  for (let n = first; n < pm.lines.lineCount; n++) {
    // A setext heading ("Affected services" over dashes) is a heading too; its list starts after the underline.
    const setext =
      n < pm.lines.lineCount &&
      /^ {0,3}(?:=+|-+)[ \t]*$/.test(pm.lines.lineText(n + 1)) &&
      SETEXT_SERVICES.test(pm.lines.lineText(n));
    if (
      !setext &&
      !SERVICES_HEADING.test(pm.lines.lineText(n)) &&
      !UPPER_CASE_SERVICES.test(pm.lines.lineText(n))
    )
      continue;
    const names: string[] = [];
    let m = setext ? n + 2 : n + 1;
    while (m <= pm.lines.lineCount && !pm.lines.lineText(m).trim()) m++;
    const listed = listSentence(pm, m);
    if (listed) return { value: listed, from: `line ${n}`, confidence: 0.6, line: n };
    for (; m <= pm.lines.lineCount; m++) {
      const item = /^ {0,3}(?:[-*+]|\d+[.)])[ \t]+(.*)$/.exec(pm.lines.lineText(m));
      if (!item) break;
      if (/\b(?:not affected|unaffected|not impacted)\b/i.test(item[1]!)) continue;
      const name = splitList(item[1]!.split(/[ \t]*[:—–][ \t]/)[0]!, true)[0];
      if (name && names.length < 8) names.push(serviceName(name));
    }
    if (names.length) return { value: names, from: `line ${n}`, confidence: 0.7, line: n };
  }
  return undefined;
}

/** The text of a setext heading over the affected services: "Affected services", "Systems impacted". */
const SETEXT_SERVICES =
  /^ {0,3}(?:affected |impacted )?(?:services|systems|components)(?: affected| impacted| in scope)?[ \t]*:?[ \t]*$/i;

/** An e-mail's or a letter's upper-case label line: "SYSTEMS AFFECTED". */
const UPPER_CASE_SERVICES =
  /^ {0,3}(?:AFFECTED |IMPACTED )?(?:SERVICES|SYSTEMS|COMPONENTS|APPLICATIONS)(?: AFFECTED| IMPACTED)?[ \t]*:?[ \t]*$/;

/**
 * The names in a paragraph's first sentence when it is a list of short names ("Policy
 * administration, claims imaging, the broker extranet and internal file shares."), else undefined.
 */
function listSentence(pm: Postmortem, from: number): string[] | undefined {
  if (from > pm.lines.lineCount || /^ {0,3}(?:[-*+#>|]|\d+[.)])/.test(pm.lines.lineText(from)))
    return undefined;
  let paragraph = '';
  for (let n = from; n <= pm.lines.lineCount && pm.lines.lineText(n).trim(); n++)
    paragraph += ` ${pm.lines.lineText(n).trim()}`;
  const sentence = /^[^.!?]*/.exec(paragraph.trim())?.[0] ?? '';
  const names = splitList(sentence, true).map((n) => n.replace(/^(?:the|our|all|some)\s+/i, ''));
  if (names.length < 2 || names.some((n) => n.split(/\s+/).length > 5)) return undefined;
  return names.slice(0, 8).map(serviceName);
}

/** Authors: front matter (`authors`, `author`, `owners`, ...) or a labelled line. */
export function inferAuthors(ctx: FieldContext): InferredField<string[]> | undefined {
  const { pm, label } = ctx;
  const fmAuthors = frontMatterValue(pm, ['authors', 'author', 'written_by', 'owners', 'owner']);
  const authorsLine = label(
    /^(?:authors?|written by|prepared by|postmortem (?:owner|author)s?|document owner|report (?:author|owner)s?)$/,
  );
  if (fmAuthors && asList(fmAuthors.value).length) {
    return {
      value: asList(fmAuthors.value),
      from: fromFrontMatter(fmAuthors.line),
      confidence: fmAuthors.key === 'authors' ? 1 : 0.9,
      line: fmAuthors.line,
    };
  }
  if (authorsLine && splitList(authorsLine.value).length) {
    return {
      value: withoutRoles(splitList(authorsLine.value)),
      from: `line ${authorsLine.line}`,
      confidence: 0.8,
      line: authorsLine.line,
    };
  }
  return undefined;
}

/** Tags from other tools' categories, keywords and company. */
export function inferTags(ctx: FieldContext): InferredField<string[]> | undefined {
  const { pm } = ctx;
  const tags: string[] = [];
  const tagSources: number[] = [];
  for (const key of ['tags', 'categories', 'category', 'keywords', 'company']) {
    const v = frontMatterValue(pm, [key]);
    if (!v) continue;
    for (const t of asList(v.value).map(tagName).filter(Boolean))
      if (!tags.includes(t)) tags.push(t);
    tagSources.push(v.line);
  }
  if (tags.length)
    return {
      value: tags,
      from: tagSources.map(fromFrontMatter).join(', '),
      confidence: 0.9,
      line: tagSources[0],
    };
  return undefined;
}

/**
 * Service names the text sets in code before its timeline: `checkout-api`, `edge-gateway`. Only
 * names with a dash or underscore between lower-case words, as services are usually named, and
 * only those the text mentions in its opening sections; at most four.
 */
function namedServices(pm: Postmortem): InferredField<string[]> | undefined {
  const start = pm.frontMatter?.end ?? 0;
  const timeline =
    /^ {0,3}(?:#{1,6}[ \t]+)?(?:\*\*)?(?:timeline|chronology|sequence of events)\b/im.exec(
      pm.text.slice(start),
    );
  const re = /`([a-z][a-z0-9]*(?:-[a-z0-9]+)+)`/g;
  const names: string[] = [];
  let first: number | undefined;
  // The opening sections first; the timeline when they name none.
  for (const end of [Math.min(start + (timeline?.index ?? 4000), start + 4000), start + 4000]) {
    const text = pm.text.slice(start, Math.min(pm.text.length, end));
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (names.includes(m[1]!) || aboutTheDocument(pm, start + m.index)) continue;
      first ??= start + m.index;
      names.push(m[1]!);
      if (names.length === 4) break;
    }
    if (names.length) break;
  }
  if (!names.length || first === undefined) return undefined;
  const line = pm.lines.position(first).line;
  return { value: names, from: `code spans from line ${line}`, confidence: 0.5, line };
}

/**
 * A code span on a line about the document itself ("This page lives in the `team-docs` site; edit
 * it through a pull request"): a docs site or repository, not a service.
 */
function aboutTheDocument(pm: Postmortem, at: number): boolean {
  const { line } = pm.lines.position(at);
  const text = pm.lines.lineText(line);
  return /\b(?:this (?:page|document|doc|report|post|write-?up)|pull request|merge request|docs? site|documentation site|wiki|edit (?:this|it)\b)/i.test(
    text,
  );
}

/** "Ana Lima, Incident Manager" -> [Ana Lima]: a job title after a name is not another author. */
function withoutRoles(names: string[]): string[] {
  const role =
    /\b(?:manager|engineer|lead|director|head|officer|analyst|architect|administrator|commander|coordinator|programmer|developer|sre|team|department|operations|infrastructure|on-call)\b/i;
  const people = names.filter((n, i) => i === 0 || !role.test(n));
  return people.length ? people : names;
}

function serviceName(s: string): string {
  return s.replace(/^[`'"]+|[`'"]+$/g, '').trim();
}

function tagName(s: string): string {
  return s
    .toLowerCase()
    .trim()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}
