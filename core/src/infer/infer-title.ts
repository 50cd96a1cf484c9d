import type { Postmortem } from '../parse';
import { headingIds } from '../read/heading-meaning';
import type { FieldContext, InferredField } from './inferred';
import { frontMatterValue, fromFrontMatter, stripInline } from './labels';
import { firstSentence, saysSomething, stripTitleAffixes, titleFromSentence } from './title-text';

/**
 * The title, from the first source that says something about the incident: front-matter `title`
 * (as written), the level-2 title under a house-header H1, the H1 without its house prefix
 * ("Postmortem: ", "[RESOLVED]"), another tool's title-like front-matter key, a `Title:`,
 * `Subject:` or `Document` line or row, Jira's text-export first line, the line after a
 * letterhead's kind-of-report line, a bold or setext first line, a first heading that is not a
 * section Hindsight knows, the first sentence of the summary shortened, the file name; an H1 that
 * only names the kind of document ("Postmortem") comes last.
 */
export function inferTitle(ctx: FieldContext): InferredField<string> | undefined {
  const { pm, label, h1, fileName } = ctx;
  const fmTitle = frontMatterValue(pm, ['title']);
  // A front-matter title that is only the house's name for the document ("Acme — Incident
  // Report") gives way to an H1 that says what happened.
  const houseFmTitle =
    typeof fmTitle?.value === 'string' &&
    isHouseHeader(fmTitle.value) &&
    !/\d/.test(stripTitleAffixes(fmTitle.value)) &&
    h1 !== undefined &&
    saysSomething(h1.text) &&
    !isHouseHeader(h1.text);
  // A front-matter title that only names the kind of document ("Service incident review") gives
  // way to the body's title; it is kept as the last resort.
  // A dated one ("Public incident report - June 10, 2022") names this document and stays.
  const kindFmTitle =
    typeof fmTitle?.value === 'string' &&
    !saysSomething(fmTitle.value) &&
    !/\d/.test(fmTitle.value);
  if (typeof fmTitle?.value === 'string' && fmTitle.value.trim() && !houseFmTitle && !kindFmTitle)
    return {
      value: fmTitle.value.trim(),
      from: fromFrontMatter(fmTitle.line),
      confidence: 1,
      line: fmTitle.line,
    };
  // An H1 that names a section ("# Description", where a wiki's sections are all H1s) is no title.
  const h1IsSection =
    h1 &&
    h1.text.split(/\s+/).length <= 4 &&
    (headingIds(h1.text, ctx.config).length > 0 || FURNITURE.test(h1.text));
  // "# Harrowgate Cloud — Incident Retrospective" over "## Rack power loss in hall C": a house
  // header whose own words are only the kind of document, with the incident's title right below.
  // ("Major Incident Report" reads as a summary heading, but as an H1 it only names the document.)
  const agenda = h1 && incidentAgendaItem(pm, h1);
  if (agenda) return agenda;
  const subtitle =
    h1 && (!h1IsSection || !saysSomething(h1.text))
      ? titleBelowHouseHeader(pm, h1, ctx)
      : undefined;
  if (subtitle) return subtitle;
  if (h1 && saysSomething(h1.text) && !h1IsSection) {
    const value = stripTitleAffixes(h1.text);
    return {
      value,
      from: `line ${h1.line}`,
      confidence: value === h1.text ? 0.9 : 0.85,
      line: h1.line,
    };
  }
  const fmTitleLike = frontMatterValue(pm, TITLE_KEYS);
  if (typeof fmTitleLike?.value === 'string' && saysSomething(fmTitleLike.value))
    return {
      value: stripTitleAffixes(fmTitleLike.value),
      from: fromFrontMatter(fmTitleLike.line),
      confidence: 0.8,
      line: fmTitleLike.line,
    };
  const titleLine = label(
    /^(?:title|incident(?: title| name)?|short description|subject|headline|document(?: title| name)?|report (?:title|name)|(?:postmortem|post-mortem|review) title)$/,
    (l) => saysSomething(l.value),
  );
  if (titleLine && saysSomething(titleLine.value))
    return {
      value: stripTitleAffixes(titleLine.value),
      from: `line ${titleLine.line}`,
      confidence: 0.8,
      line: titleLine.line,
    };
  const jira = jiraExportTitle(pm);
  if (jira) return jira;
  const afterKind = lineAfterKindLine(pm);
  if (afterKind)
    return {
      value: stripTitleAffixes(afterKind.text),
      from: `line ${afterKind.line}`,
      confidence: 0.7,
      line: afterKind.line,
    };
  const opening = openingLines(pm, h1);
  const bold = opening.bold;
  if (bold)
    return {
      value: stripTitleAffixes(bold.text),
      from: `line ${bold.line}`,
      confidence: 0.6,
      line: bold.line,
    };
  const heading = opening.heading;
  if (heading && !headingIds(heading.text, ctx.config).length && !FURNITURE.test(heading.text))
    return {
      value: stripTitleAffixes(heading.text),
      from: `line ${heading.line}`,
      confidence: 0.6,
      line: heading.line,
    };
  // A wiki page's name is its title (Azure DevOps and GitHub wikis write spaces as dashes).
  const page = fileName && wikiPageTitle(fileName);
  if (page) return { value: page, from: 'file name', confidence: 0.6 };
  const summary = summarySentence(ctx, opening.paragraphs);
  if (summary) return summary;
  if (kindFmTitle && fmTitle && String(fmTitle.value).trim())
    return {
      value: String(fmTitle.value).trim(),
      from: fromFrontMatter(fmTitle.line),
      confidence: 0.5,
      line: fmTitle.line,
    };
  if (fileName) return { value: titleFromFileName(fileName), from: 'file name', confidence: 0.5 };
  if (h1) return { value: h1.text, from: `line ${h1.line}`, confidence: 0.5, line: h1.line };
  return undefined;
}

/**
 * The heading right below an H1 that only says what kind of document this is (with, at most, who
 * wrote it: "Harrowgate Cloud — Incident Retrospective", "Incident Review"), when that heading is a
 * level-2 title rather than a section.
 */
function titleBelowHouseHeader(
  pm: Postmortem,
  h1: LineText,
  ctx: FieldContext,
): InferredField<string> | undefined {
  const generic = !saysSomething(h1.text) || isHouseHeader(h1.text) || NOTICE.test(h1.text);
  if (!generic) return undefined;
  let n = h1.line + 1;
  if (n <= pm.lines.lineCount && /^ {0,3}=+[ \t]*$/.test(pm.lines.lineText(n))) n++;
  const skipBlank = () => {
    while (n <= pm.lines.lineCount && !pm.lines.lineText(n).trim()) n++;
  };
  skipBlank();
  // A note in italics under the header ("_This review follows template v3._") is the house's too.
  if (n <= pm.lines.lineCount && /^[ \t]*([*_])[^*_].*\1[ \t]*$/.test(pm.lines.lineText(n))) {
    n++;
    skipBlank();
  }
  // And a reference line ("Ref: NOC-0917 · Customer Notice") before the title.
  for (
    let i = 0;
    i < 3 && n <= pm.lines.lineCount && REFERENCE_LINE.test(pm.lines.lineText(n));
    i++
  ) {
    n++;
    skipBlank();
  }
  // So is a one- or two-word heading ("## Incident") over a bold line that names the incident.
  const short = /^ {0,3}#{2,3}[ \t]+(\S+(?:[ \t]+\S+)?)[ \t#]*$/.exec(pm.lines.lineText(n));
  if (short && n < pm.lines.lineCount) {
    let b = n + 1;
    while (b <= pm.lines.lineCount && !pm.lines.lineText(b).trim()) b++;
    const bold = /^[ \t]*(?:\*\*|__)([^*_]{3,160})(?:\*\*|__)[ \t]*$/.exec(pm.lines.lineText(b));
    const text = bold ? stripInline(bold[1]!) : '';
    if (
      bold &&
      (b === pm.lines.lineCount || !pm.lines.lineText(b + 1).trim()) &&
      saysSomething(text) &&
      text.split(/\s+/).length >= 3 &&
      !METADATA.test(text) &&
      !headingIds(text, ctx.config).length
    )
      return { value: stripTitleAffixes(text), from: `line ${b}`, confidence: 0.75, line: b };
  }
  if (n > pm.lines.lineCount) return undefined;
  const atx = /^ {0,3}##[ \t]+(.*?)[ \t#]*$/.exec(pm.lines.lineText(n));
  const setext =
    !atx &&
    n < pm.lines.lineCount &&
    /^ {0,3}-{3,}[ \t]*$/.test(pm.lines.lineText(n + 1)) &&
    !/^ {0,3}[-*+>|#]/.test(pm.lines.lineText(n));
  if (!atx && !setext) return undefined;
  const text = stripInline(atx ? atx[1]! : pm.lines.lineText(n));
  // A title says what happened in a few words; a one- or two-word heading is a section of the house's.
  if (
    !saysSomething(text) ||
    text.split(/\s+/).length < 3 ||
    headingIds(text, ctx.config).length ||
    FURNITURE.test(text)
  )
    return undefined;
  return { value: stripTitleAffixes(text), from: `line ${n}`, confidence: 0.8, line: n };
}

/** A heading that only says a notice follows: "Network Outage Notice", "Customer Notification". */
const NOTICE = /^(?:[\p{L}-]+\s+){0,2}(?:notice|notification|advisory|bulletin)$/iu;
/** A reference or distribution line under a notice's heading: "Ref: NOC-2025-0917-01 · Customer notice". */
const REFERENCE_LINE =
  /^[ \t]*(?:ref(?:erence)?|our ref|your ref|issued|distribution|classification)[ \t]*[:：][ \t]*\S/i;

/** An H1 that names a recurring meeting: "SRE weekly review — week 36", "Ops sync minutes". */
export const MEETING =
  /\b(?:(?:daily|weekly|fortnightly|bi-?weekly|monthly|quarterly)\b.*\b(?:review|meeting|sync|minutes|notes|report)|minutes)\b/i;
/** An agenda item that holds one incident: "2. Incident of the week: cache stampede after deploy". */
const AGENDA_INCIDENT =
  /^ {0,3}#{2,3}[ \t]+(?:\d+[.)][ \t]*)?(?:incident|outage)(?:[ \t]+of[ \t]+the[ \t]+(?:week|month))?[ \t]*[:：—–-][ \t]*(.*?)[ \t#]*$/i;

/**
 * The incident of a meeting's minutes: under an H1 that names a recurring meeting, the agenda
 * heading that names one incident ("## 2. Incident of the week: …") is what a reader calls the
 * title; the meeting is not the incident.
 */
function incidentAgendaItem(pm: Postmortem, h1: LineText): InferredField<string> | undefined {
  const found = agendaItem(pm, h1);
  return (
    found && { value: found.text, from: `line ${found.line}`, confidence: 0.7, line: found.line }
  );
}

/** The line of the one agenda item of a meeting's minutes that holds an incident. */
export function incidentAgendaLine(pm: Postmortem, h1: LineText): number | undefined {
  return agendaItem(pm, h1)?.line;
}

function agendaItem(pm: Postmortem, h1: LineText): LineText | undefined {
  if (!MEETING.test(h1.text)) return undefined;
  let found: LineText | undefined;
  for (let n = h1.line + 1; n <= pm.lines.lineCount; n++) {
    const m = AGENDA_INCIDENT.exec(pm.lines.lineText(n));
    if (!m || !saysSomething(stripInline(m[1]!))) continue;
    // Two incidents in one meeting: neither is the document's title.
    if (found) return undefined;
    found = { text: stripInline(m[1]!), line: n };
  }
  return found;
}

/**
 * An H1 of the form "Organisation — kind of document": what stays once the kind is stripped is a
 * short name of a few capitalised words ("Harrowgate Cloud"), not a description of an incident.
 */
function isHouseHeader(text: string): boolean {
  const rest = stripTitleAffixes(text);
  if (rest === text.trim()) return false;
  const words = rest.split(/\s+/);
  return words.length <= 4 && words.every((w) => /^[\p{Lu}\d&]/u.test(w));
}

/**
 * A letterhead's title: among the short lines that stand alone at the top before any heading,
 * the first one that says something after a line naming only the kind of document ("ROOT CAUSE
 * ANALYSIS REPORT" over "Card Authorisation Service Outage, 6 May 2025").
 */
function lineAfterKindLine(pm: Postmortem): LineText | undefined {
  const first = pm.frontMatter ? pm.lines.position(pm.frontMatter.end).line : 1;
  let sawKind = false;
  for (let n = first; n <= Math.min(pm.lines.lineCount, first + 20); n++) {
    const line = pm.lines.lineText(n).trim();
    if (!line) continue;
    // Only lines standing alone: a blank line (or the start) above and below.
    const alone =
      (n === first || !pm.lines.lineText(n - 1).trim()) &&
      (n === pm.lines.lineCount || !pm.lines.lineText(n + 1).trim());
    const heading = /^#{1,6}\s+(.*?)[\s#]*$/.exec(line);
    // A heading that only names the kind of document is one of the letterhead's lines.
    if (heading && ONLY_KIND_LINE.test(stripInline(heading[1]!))) {
      sawKind = true;
      continue;
    }
    if (!alone || /^(?:#|[-+>|]|\*(?!\*)|\d+[.)]\s)/.test(line) || line.length > 120)
      return undefined;
    const text = stripInline(line);
    if (ONLY_KIND_LINE.test(text) || CHANNEL_LINE.test(text)) {
      sawKind = true;
      continue;
    }
    if (!saysSomething(text)) continue;
    if (sawKind) return /[.!?:]$/.test(text) || METADATA.test(text) ? undefined : { text, line: n };
  }
  return undefined;
}

/**
 * The title of Jira's text export, written on its first line before the issue's own fields:
 * "[OPS-4471] Ledger writes failing Created: 04/Mar/25  Updated: 18/Mar/25".
 */
function jiraExportTitle(pm: Postmortem): InferredField<string> | undefined {
  const n = pm.frontMatter ? pm.lines.position(pm.frontMatter.end).line : 1;
  for (let line = n; line <= Math.min(pm.lines.lineCount, n + 3); line++) {
    const text = pm.lines.lineText(line);
    if (!text.trim()) continue;
    const m = /^\s*(\[[A-Z][A-Z\d]*-\d+\]\s+.+?)\s+Created:\s+\S/.exec(text);
    if (!m || !saysSomething(m[1]!)) return undefined;
    const value = stripTitleAffixes(m[1]!);
    return { value, from: `line ${line}`, confidence: 0.8, line };
  }
  return undefined;
}

/** A line that is only the kind of document: "ROOT CAUSE ANALYSIS REPORT", "Incident Review". */
const ONLY_KIND_LINE =
  /^(?:(?:root cause analysis|post[- ]?incident|(?:major |serious )?incident|outage|problem|service)\s+)?(?:report|review|analysis|post[- ]?mortem|retrospective|summary|rca|write[- ]?up|notice)$|^(?:rca|post[- ]?mortem|retrospective)(?: report)?$/i;

/** A chat export's channel line: "#inc-dns — thread export", "#incident-42 (Slack)". */
const CHANNEL_LINE = /^#[\p{L}\d][\p{L}\d_.-]*(?:$|\s+[-–—(:|])/u;

/** Other tools' front-matter keys that hold a title. */
const TITLE_KEYS = ['incident_title', 'incident_name', 'headline', 'subject', 'name'];

/** Headings that hold a document's furniture, not its incident: "Incident details", "Attendees". */
const FURNITURE =
  /^\W*(?:incident )?(?:details|information|info|metadata|document (?:control|history|information|properties)|attendees|participants|people|roles|responders|contents|table of contents|toc|key (?:facts|information|info)|(?:quick )?facts|at a glance|snapshot|status|draft|confidential|description|overview|background|context|introduction|preface|scope|purpose|audience|summary|abstract|(?:revision|version|change) history|changelog|approvals?|sign[- ]?off|distribution|glossary|references|appendix)\W*$/i;

/** A bold line that is a metadata label ("**Date: 2024-03-05**"), not a title. */
const METADATA =
  /^(?:date|when|status|severity|sev|priority|authors?|owners?|written by|prepared by|incident (?:id|number|commander|lead)|id|duration|impact|services?|level)\s*[:：]/i;

interface LineText {
  text: string;
  line: number;
}

interface Opening {
  bold?: LineText;
  heading?: LineText;
  /** The first three paragraphs of prose. */
  paragraphs: LineText[];
}

/**
 * What opens the document before its first section: a bold line standing alone as the first
 * line, the first heading below the H1 when no prose comes between, and the first paragraph of
 * prose (skipping `Label: value` lines, lists and tables), with the line it starts on.
 */
function openingLines(
  pm: Postmortem,
  h1: LineText | undefined,
  from = pm.frontMatter ? pm.lines.position(pm.frontMatter.end).line : 1,
  to = pm.lines.lineCount,
): Opening {
  const out: Opening = { paragraphs: [] };
  let seenText = false;
  let paragraph: string[] = [];
  let paragraphLine = 0;
  const endParagraph = () => {
    if (paragraph.length && out.paragraphs.length < 3)
      out.paragraphs.push({
        text: stripInline(paragraph.join(' ').slice(0, 1000)),
        line: paragraphLine,
      });
    paragraph = [];
  };
  for (let n = from; n <= to && !out.heading && out.paragraphs.length < 3; n++) {
    const line = pm.lines.lineText(n);
    const next = n < pm.lines.lineCount ? pm.lines.lineText(n + 1) : '';
    if (!line.trim()) {
      endParagraph();
      continue;
    }
    if (h1 && n === h1.line) {
      if (/^ {0,3}=+[ \t]*$/.test(next)) n++;
      continue;
    }
    const atx = /^ {0,3}#{1,6}[ \t]+(.*?)[ \t#]*$/.exec(line);
    const setext = !atx && /^ {0,3}(?:-+|=+)[ \t]*$/.test(next) && !/^ {0,3}[-*+>|]/.test(line);
    if (atx || setext) {
      endParagraph();
      const text = stripInline(atx ? atx[1]! : line);
      // The first heading stands for a title only when it opens the document.
      if (!seenText && !out.bold && saysSomething(text)) out.heading = { text, line: n };
      break;
    }
    if (/^ {0,3}(?:```|~~~)/.test(line)) break;
    const bold = /^[ \t]*(?:\*\*|__)([^*_]{3,120})(?:\*\*|__)[ \t]*$/.exec(line);
    if (!seenText && bold && !/[:：]$/.test(bold[1]!)) {
      const text = stripInline(bold[1]!);
      if (saysSomething(text) && !METADATA.test(stripTitleAffixes(text)))
        out.bold = { text, line: n };
      seenText = true;
      continue;
    }
    seenText = true;
    const block = /^ {0,3}(?:[-*+][ \t]|\d+[.)][ \t]|>|\||<|[-*_]{3,}[ \t]*$)/.test(line);
    const labelled = /^[ \t]*(?:\*\*|__)?[A-Za-z][A-Za-z /()&'-]{0,30}(?:\*\*|__)?[ \t]*[:：]/.test(
      line,
    );
    // A `Label: value` line ends a paragraph too: a title line above metadata lines is not prose.
    if (block || labelled) {
      endParagraph();
      continue;
    }
    if (!paragraph.length) paragraphLine = n;
    // A title needs the first sentence only: a paragraph is read to about 1,000 characters.
    if (paragraph.reduce((sum, l) => sum + l.length, 0) < 1000) paragraph.push(line.trim());
  }
  endParagraph();
  return out;
}

/** Opening words of a paragraph about the document, not the incident. */
const ABOUT_THE_DOCUMENT =
  /^(?:(?:this|the following|in this) (?:document|report|postmortem|post-mortem|page|write-?up|review|summary|analysis)\b|(?:prepared|written|authored|compiled|reviewed|published|posted|updated|edited) (?:by|on)\b)/i;
const SUMMARY_LABEL =
  /^(?:summary|description|overview|tl;?dr|what happened|(?:incident|executive|issue) summary)$/;

/**
 * A title from the first sentence of the summary: a `Summary:` line, the prose that opens the
 * document, the first paragraph of the Summary section, or another tool's `summary` or
 * `description` in front matter.
 */
function summarySentence(
  ctx: FieldContext,
  opening: LineText[],
): InferredField<string> | undefined {
  const { pm } = ctx;
  const candidates: (() => LineText[])[] = [
    () => {
      const l = ctx.label(SUMMARY_LABEL);
      return l ? [{ text: l.value, line: l.line }] : [];
    },
    () => opening,
    () => {
      const section = pm.sections.find((s) => s.ids.includes('summary'));
      if (!section) return [];
      const from = pm.lines.position(section.headingEnd).line + 1;
      const to = pm.lines.position(section.end).line;
      return openingLines(pm, undefined, from, to).paragraphs;
    },
    () => {
      const v = frontMatterValue(pm, ['summary', 'description', 'excerpt', 'abstract']);
      return typeof v?.value === 'string' ? [{ text: v.value, line: v.line }] : [];
    },
  ];
  for (const candidate of candidates)
    for (const found of candidate()) {
      if (ABOUT_THE_DOCUMENT.test(found.text)) continue;
      const value = titleFromSentence(firstSentence(found.text));
      if (value.split(/\s+/).length < 3 || !saysSomething(value)) continue;
      return { value, from: `line ${found.line}`, confidence: 0.45, line: found.line };
    }
  return undefined;
}

/** The file name without its extension, as the people who named it wrote it: "rca-eu-west-storage". */
export function titleFromFileName(fileName: string): string {
  return fileName.replace(/\.(?:md|markdown)$/i, '').trim() || fileName;
}

/**
 * The title of a wiki page from its file name: words joined by dashes, not a dated slug, with a
 * capital letter ("Payouts-delayed-by-Service-Bus-poison-message.md" -> "Payouts delayed by
 * Service Bus poison message"). Slugs such as "2024-03-05-db-outage.md" are not page names.
 */
export function wikiPageTitle(fileName: string): string | undefined {
  const name = fileName.replace(/\.(?:md|markdown)$/i, '');
  const words = name.split('-');
  if (words.length < 3 || /^\d/.test(name) || !/\p{Lu}/u.test(name)) return undefined;
  if (!words.every((w) => /^[\p{L}\p{N}_.()%]+$/u.test(w))) return undefined;
  const title = words.join(' ');
  try {
    return decodeURIComponent(title); // the wiki writes a dash in a title as %2D
  } catch {
    return title;
  }
}
