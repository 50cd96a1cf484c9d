import { isIsoDate, parseDateTime } from '../dates';
import type { Postmortem } from '../parse';
import {
  findDates,
  findYearlessDates,
  firstDate,
  numericDateOrder,
  type FoundDate,
  type NumericOrder,
} from './dates';
import type { FieldContext, InferredField } from './inferred';
import { incidentAgendaLine, MEETING } from './infer-title';
import { frontMatterLine, frontMatterValue, fromFrontMatter, type LabelledLine } from './labels';

/**
 * The incident date (and start time when front matter gives one), from the most explicit source:
 * an incident key in front matter, a `date` of front matter kept for incidents, a line labelled
 * with the incident's date ("Incident date:", "Impact started:", "Incident window:"), a blog's or
 * a tracker's own date unless the text names an earlier incident date, a `Date:` line, the file
 * name, the H1, "On June 13, 2023", the timeline, any date in the text. Slashed dates are read
 * day first or month first as the document writes them (numericDateOrder).
 */
export function inferDate(ctx: FieldContext): {
  date?: InferredField<string>;
  started?: InferredField<string>;
} {
  const { pm, label, h1, fileName } = ctx;
  const body = pm.frontMatter ? pm.text.slice(pm.frontMatter.end) : pm.text;
  const numeric = numericDateOrder(body);
  const fromFileName = /(?<!\d)(\d{4})[-_.]?(\d{2})[-_.]?(\d{2})(?!\d)/.exec(fileName);
  const fileDate =
    fromFileName && isIsoDate(`${fromFileName[1]}-${fromFileName[2]}-${fromFileName[3]}`)
      ? `${fromFileName[1]}-${fromFileName[2]}-${fromFileName[3]}`
      : undefined;
  // An order the document does not settle yields to the file name: "10/07/2024" in 2024-10-07-….md.
  const other: NumericOrder = numeric?.order === 'dmy' ? 'mdy' : 'dmy';
  const order =
    numeric &&
    !numeric.sure &&
    fileDate &&
    readsAs(body, other, fileDate) &&
    !readsAs(body, numeric.order, fileDate)
      ? other
      : numeric?.order;
  const first = (text: string) => firstDate(text, order);
  // A day-first or month-first reading the document does not settle is less sure.
  const sureOf = (d: FoundDate, sure: number, numericSure: number) =>
    d.kind !== 'numeric' ? sure : numeric?.sure ? numericSure : Math.min(numericSure, 0.5);
  const found: { date?: InferredField<string>; started?: InferredField<string> } = {};
  const fmIncident = frontMatterValue(pm, INCIDENT_KEYS);
  const fmDocument = frontMatterValue(pm, DOCUMENT_KEYS);
  const withDate = (l: LabelledLine) => first(l.value) !== undefined && !isEmailHeader(pm, l.line);
  // A label that names the incident's date beats a bare `Date:`, which may be a document's or an e-mail's.
  const incidentLine = label(INCIDENT_LABEL, withDate);
  const dateLine = label(/^(?:date(?: \(utc\))?|when|date\/time|day)$/, withDate);
  const fromLine = (l: LabelledLine): InferredField<string> | undefined => {
    const d = first(l.value);
    return (
      d && { value: d.iso, from: `line ${l.line}`, confidence: sureOf(d, 0.95, 0.7), line: l.line }
    );
  };
  // A tracker's milestone key ("reported_at", "detected_at") dates the incident when nothing else does.
  const fm = fmIncident ?? fmDocument ?? frontMatterValue(pm, MILESTONE_KEYS);
  // A blog or site generator's date is when the post went out, a note's `created` when it was
  // written, a tracker's `created_at` when the ticket was opened.
  const documentDate =
    !fmIncident &&
    fmDocument !== undefined &&
    (isPublishingFrontMatter(pm) ||
      /^(?:created|opened|updated|modified|exported)/i.test(fmDocument.key));
  if (fm && !(documentDate && incidentLine && fromLine(incidentLine))) {
    const raw = fm.value instanceof Date ? fm.value.toISOString() : String(fm.value);
    const dt = readDateTime(raw);
    const d = dt?.slice(0, 10) ?? first(raw)?.iso;
    if (d) {
      found.date = {
        value: d,
        from: fromFrontMatter(fm.line),
        confidence: raw.trim() === d ? 1 : 0.95,
        line: fm.line,
      };
      if (dt && dt.length > 10 && /^(?:date|incident_start|start|started)/i.test(fm.key))
        found.started = {
          value: dt,
          from: fromFrontMatter(fm.line),
          confidence: 0.9,
          line: fm.line,
        };
      const earlier = documentDate ? incidentDateBefore(pm, d, h1, order) : undefined;
      if (earlier) {
        ctx.notes.push({
          field: 'date',
          message: `Front matter line ${fm.line} dates the ${isPublishingFrontMatter(pm) ? 'post' : 'document'} ${d}; the text dates the incident ${earlier.value} (${earlier.from}), which was used.`,
          line: earlier.line,
        });
        found.date = earlier;
        delete found.started;
      }
    }
  }
  if (!found.date && incidentLine) found.date = fromLine(incidentLine);
  if (!found.date && dateLine) found.date = fromLine(dateLine);
  if (!found.date && fileDate)
    found.date = { value: fileDate, from: 'file name', confidence: 0.85 };
  // Minutes of a recurring meeting: the incident's agenda item dates it, not the week or the meeting.
  if (!found.date && h1 && MEETING.test(h1.text)) found.date = agendaItemDate(pm, h1, order);
  if (!found.date && h1 && !MEETING.test(h1.text)) {
    const d = first(h1.text);
    if (d)
      found.date = {
        value: d.iso,
        from: `line ${h1.line}`,
        confidence: sureOf(d, 0.85, 0.6),
        line: h1.line,
      };
  }
  // A milestone of the incident itself ("Detected: …", "Duration: …") dates it closely enough.
  const milestone = !found.date ? label(MILESTONE_LABEL, withDate) : undefined;
  if (milestone) {
    const d = fromLine(milestone);
    if (d) found.date = { ...d, confidence: Math.min(d.confidence, 0.85) };
  }
  if (!found.date) {
    const on = proseDate(pm, order);
    if (on) found.date = on;
  }
  if (!found.date) {
    const t = timelineDate(pm, order);
    if (t) found.date = t;
  }
  if (!found.date) {
    // A timeline of days without a year ("31 Aug | 06:00"): the year the text's first full date gives.
    const t = yearlessTimelineDate(pm, body, order);
    if (t) found.date = t;
  }
  if (!found.date) {
    // Any date in the text, but not the one a line gives the document itself (posted, sent, opened):
    // that one only bounds the incident, which the text may name without a year ("on Tuesday, March 11").
    let posted: InferredField<string> | undefined;
    for (const d of findDates(body, order)) {
      const at = (pm.frontMatter?.end ?? 0) + d.index;
      const line = pm.lines.position(at).line;
      if (!isDocumentDate(pm, at, line)) {
        // After a post's date, a reply's (on the day or later) is no nearer the incident than the post's.
        if (posted && d.iso >= posted.value) break;
        found.date = { value: d.iso, from: `line ${line}`, confidence: 0.4, line };
        break;
      }
      posted ??= { value: d.iso, from: `line ${line}`, confidence: 0.4, line };
    }
    if (!found.date && posted) {
      const earlier = incidentDateBefore(pm, posted.value, h1, order);
      if (earlier)
        ctx.notes.push({
          field: 'date',
          message: `Line ${posted.line} dates the document ${posted.value}; the text dates the incident ${earlier.value} (${earlier.from}), which was used.`,
          line: earlier.line,
        });
      found.date = earlier ? { ...earlier, confidence: Math.min(earlier.confidence, 0.6) } : posted;
    }
  }
  // A slashed date the document does not settle as day first or month first is for a person to check.
  const chosen = found.date;
  if (chosen?.line !== undefined && numeric && !numeric.sure) {
    const text = pm.lines.lineText(chosen.line);
    if (findDates(text, order).some((d) => d.kind === 'numeric' && d.iso === chosen.value)) {
      chosen.confidence = Math.min(chosen.confidence, 0.5);
      ctx.notes.push({
        field: 'date',
        message: `The document writes dates such as ${text.match(/\d{1,2}\/\d{1,2}\/\d{2,4}/)?.[0] ?? '04/03/2025'} without saying whether the day or the month comes first; ${chosen.value} reads it ${numeric.order === 'dmy' ? 'day' : 'month'} first: check it.`,
        line: chosen.line,
      });
    }
  }
  if (found.date && fileDate && found.date.value !== fileDate && found.date.from !== 'file name') {
    ctx.notes.push({
      field: 'date',
      message: `The file name says ${fileDate} but ${found.date.from} says ${found.date.value}; check which is the incident date.`,
      line: found.date.line,
    });
  }
  return found;
}

/** Front-matter keys that hold the incident's own date or start. */
const INCIDENT_KEYS = [
  'incident_date',
  'incident-date',
  'date_of_incident',
  'incident_start',
  'incident_started',
  'incident_start_time',
  'impact_start',
  'impact_started',
  'started',
  'started_at',
  'start',
  'start_time',
];
/** Front-matter keys of the incident's milestones, after its start: when it was reported, detected, declared. */
const MILESTONE_KEYS = [
  'reported_at',
  'reported',
  'detected_at',
  'detected',
  'declared_at',
  'declared',
  'alerted_at',
  'triggered_at',
  'acknowledged_at',
];
/** Front-matter keys that date the document (a post, a note, a ticket); `date` is the incident's unless a blog's. */
const DOCUMENT_KEYS = ['date', 'created', 'created_at', 'opened', 'opened_at'];

/** Labels of the incident's milestones and span, after its start: "Detected at", "Declared", "Duration". */
const MILESTONE_LABEL =
  /^(?:(?:detected|declared|reported|alerted|paged|identified|escalated)(?: (?:at|on|time))?|(?:time|date) (?:detected|declared|reported)|duration|period|window|time ?frame|timespan|incident (?:duration|span))(?: \((?:utc|[a-z]{2,5})\))?$/;

/** Labels that name the incident's own date: "Incident date", "Impact started", "Incident window", "Event date". */
const INCIDENT_LABEL =
  /^(?:(?:incident|outage|disruption|event|service disruption)(?: (?:date\(s\)|dates?|days?|window|period|start(?:ed)?(?: time| at| on)?|began|begin|first seen))?|(?:impact|problem) (?:date|day|window|period|start(?:ed)?(?: time| at| on)?|began|begin|first seen)|(?:date|day)(?:\/time)? of (?:the )?(?:incident|outage|disruption|event|impact|failure)|start(?:ed)?(?: time| at)?|start of (?:the )?(?:incident|outage|disruption|impact)|first (?:impact|seen|detected|customer impact)|occurred(?: on)?|happened(?: on)?|(?:period|dates?|days?|business (?:dates?|days?)) affected|(?:first )?affected (?:period|dates?|days?|business (?:dates?|days?))|first affected business (?:date|day))(?: \((?:utc|[a-z]{2,5})\))?$/;

/**
 * A date-time in front matter as ISO with its zone as written (`2023-04-02 10:00:00 +0000` ->
 * 2023-04-02T10:00:00+00:00), or a bare date. The date stays the one written, in its own zone.
 */
function readDateTime(raw: string): string | undefined {
  const s = raw.trim().replace(/\.\d+(?=Z|[+-]|\s|$)/, '');
  if (isIsoDate(s)) return s;
  const m =
    /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(?::(\d{2}))?\s*(Z|UTC|GMT|([+-])(\d{2}):?(\d{2}))?$/i.exec(
      s,
    );
  if (!m || !isIsoDate(m[1]!)) return undefined;
  const zone = !m[4] ? undefined : m[5] ? `${m[5]}${m[6]}:${m[7]}` : 'Z';
  const value = `${m[1]}T${m[2]}:${m[3] ?? '00'}${zone ?? ''}`;
  if (!zone) return m[1]!;
  return parseDateTime(value) !== undefined ? value : m[1]!;
}

/** Front matter written for a blog or site generator (Jekyll, Hugo), not for incident tracking. */
function isPublishingFrontMatter(pm: Postmortem): boolean {
  const keys = Object.keys(pm.frontMatter?.data ?? {}).map((k) => k.toLowerCase());
  const tracking = ['severity', 'root_cause', 'services', 'incident_date', 'started'];
  const publishing = [
    'layout',
    'draft',
    'permalink',
    'categories',
    'summary',
    'excerpt',
    'author',
    'slug',
    'weight',
    'type',
    'authors',
    'description',
    'image',
    'aliases',
    'lastmod',
    'publishdate',
    'sidebar_position',
    'sidebar_label',
    'hide_table_of_contents',
  ];
  // A post that also carries a severity ("layout, author, categories, tags, severity") is still a post.
  const count = (list: string[]) => keys.filter((k) => list.includes(k)).length;
  return count(publishing) > count(tracking);
}

/** The incident date the text names before a post's date (at most 60 days before): title, prose, timeline, "April 17". */
function incidentDateBefore(
  pm: Postmortem,
  posted: string,
  h1: { text: string; line: number } | undefined,
  order?: NumericOrder,
): InferredField<string> | undefined {
  // The first date the text gives decides: the post's own date (the text agrees) or an earlier one.
  const candidates: (() => InferredField<string> | undefined)[] = [];
  const title =
    typeof pm.frontMatter?.data?.title === 'string'
      ? (pm.frontMatter.data.title as string)
      : undefined;
  if (title)
    candidates.push(() => {
      const d = firstDate(title, order);
      const line = frontMatterLine(pm, 'title');
      return d && { value: d.iso, from: `line ${line}`, confidence: 0.8, line };
    });
  if (h1)
    candidates.push(() => {
      const d = firstDate(h1.text, order);
      return d && { value: d.iso, from: `line ${h1.line}`, confidence: 0.8, line: h1.line };
    });
  candidates.push(
    () => proseDate(pm, order),
    () => timelineDate(pm, order),
  );
  candidates.push(() => {
    const start = pm.frontMatter?.end ?? 0;
    const body = pm.text.slice(start, start + 2000);
    // A later day ("review held Mon 21 Jul" after the export) read a year back is no incident date.
    const d = findYearlessDates(body, posted).find((y) => dayDiff(y.iso, posted) <= 60);
    if (!d) return undefined;
    const line = pm.lines.position((pm.frontMatter?.end ?? 0) + d.index).line;
    return { value: d.iso, from: `line ${line}`, confidence: 0.6, line };
  });
  for (const candidate of candidates) {
    const found = candidate();
    if (!found || found.value > posted) continue;
    return found.value < posted && dayDiff(found.value, posted) <= 60 ? found : undefined;
  }
  return undefined;
}

function dayDiff(a: string, b: string): number {
  return Math.abs(Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;
}

/** "On June 13, 2023, ..." or "On 2023-06-13" in prose. */
function proseDate(pm: Postmortem, order?: NumericOrder): InferredField<string> | undefined {
  const body = pm.frontMatter ? pm.text.slice(pm.frontMatter.end) : pm.text;
  const offset = pm.frontMatter?.end ?? 0;
  const re = /\b(?:on|between|from|starting|beginning)\s+(?:the\s+)?(?=\S)/gi;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    const after = body.slice(m.index + m[0].length, m.index + m[0].length + 60);
    // Most "on"s are not followed by a date; a date has digits early.
    if (!/\d/.test(after.slice(0, 40))) continue;
    const d = firstDate(after, order);
    if (d && d.index <= 25) {
      const line = pm.lines.position(offset + m.index).line;
      const at = offset + m.index;
      const before = pm.text.slice(Math.max(pm.lines.lineStart(line), at - 120), at);
      // "opened by @ana on Aug 6, 2025", "approved by the board on 29/05/2025": the document's date.
      if (DOCUMENT_EVENT_BEFORE_ON.test(before)) continue;
      // "on 29, 30 or 31 December 2025": days sharing the month written once; the first is the date.
      const days = d.kind === 'words' ? DAYS_BEFORE_MONTH.exec(after.slice(0, d.index)) : null;
      const firstDay = days ? `${d.iso.slice(0, 8)}${days[1]!.padStart(2, '0')}` : undefined;
      return {
        value: firstDay && isIsoDate(firstDay) && firstDay < d.iso ? firstDay : d.iso,
        from: `line ${line}`,
        confidence: d.kind === 'numeric' ? 0.55 : 0.75,
        line,
      };
    }
  }
  return undefined;
}

/**
 * The first day of a timeline written without years ("31 Aug", "Mon 29 Dec"), in the year that puts
 * it nearest the first full date the text writes (often a document's: created, reviewed, sent).
 */
function yearlessTimelineDate(
  pm: Postmortem,
  body: string,
  order?: NumericOrder,
): InferredField<string> | undefined {
  const dated = pm.timeline.find((e) => e.time?.monthDay || e.time?.date);
  const day = pm.timelineDays.find((d) => d.monthDay || d.date);
  const entry = dated?.time?.monthDay && !dated.time.date ? dated : undefined;
  const mark = day?.monthDay && !day.date ? day : undefined;
  const first =
    entry && (!mark || entry.start < mark.offset)
      ? { offset: entry.start, monthDay: entry.time!.monthDay! }
      : mark && { offset: mark.offset, monthDay: mark.monthDay! };
  if (!first) return undefined;
  const reference = firstDate(body, order)?.iso;
  if (!reference) return undefined;
  const year = Number(reference.slice(0, 4));
  const near = [year - 1, year, year + 1]
    .map((y) => `${y}-${first.monthDay}`)
    .filter(isIsoDate)
    .sort((a, b) => dayDiff(a, reference) - dayDiff(b, reference))[0];
  if (!near || dayDiff(near, reference) > 183) return undefined;
  const line = pm.lines.position(first.offset).line;
  return { value: near, from: `line ${line}`, confidence: 0.55, line };
}

/**
 * The date of the incident a meeting's minutes discuss: the first date in its agenda item, full
 * or without a year ("Thursday 4 September", in the year the minutes' heading gives).
 */
function agendaItemDate(
  pm: Postmortem,
  h1: { text: string; line: number },
  order?: NumericOrder,
): InferredField<string> | undefined {
  const item = incidentAgendaLine(pm, h1);
  const year = firstDate(h1.text, order)?.iso.slice(0, 4);
  if (item === undefined || !year) return undefined;
  let end = item + 1;
  while (end <= pm.lines.lineCount && !/^ {0,3}#{1,2}[ \t]/.test(pm.lines.lineText(end))) end++;
  const start = pm.lines.lineStart(item);
  const text = pm.text.slice(start, pm.lines.lineStart(Math.min(end, pm.lines.lineCount)));
  const d = firstDate(text, order) ?? findYearlessDates(text, `${year}-12-31`)[0];
  if (!d) return undefined;
  const line = pm.lines.position(start + d.index).line;
  return { value: d.iso, from: `line ${line}`, confidence: 0.6, line };
}

/** Day numbers before a date whose month they share: "29, 30 or " (of "29, 30 or 31 December"). */
const DAYS_BEFORE_MONTH =
  /^(\d{1,2})(?:st|nd|rd|th)?(?:\s*,\s*\d{1,2}(?:st|nd|rd|th)?)*\s*(?:,|and|or|to|through|[-–])\s*$/;

/** The first date of the timeline: an entry's own date, a day heading, or a date line under the Timeline heading. */
function timelineDate(pm: Postmortem, order?: NumericOrder): InferredField<string> | undefined {
  const dated = pm.timeline.find((e) => e.time?.date);
  const day = pm.timelineDays.find((d) => d.date !== undefined);
  const candidates: { offset: number; date: string }[] = [];
  if (dated?.time?.date) candidates.push({ offset: dated.start, date: dated.time.date });
  if (day?.date) candidates.push({ offset: day.offset, date: day.date });
  const section = pm.sections.find(
    (s) => s.ids.includes('timeline') || /timeline|chronology/i.test(s.heading),
  );
  if (section) {
    const d = firstDate(pm.text.slice(section.start, section.end), order);
    if (d) candidates.push({ offset: section.start + d.index, date: d.iso });
  }
  candidates.sort((a, b) => a.offset - b.offset);
  const first = candidates[0];
  if (!first) return undefined;
  const line = pm.lines.position(first.offset).line;
  return { value: first.date, from: `line ${line}`, confidence: 0.7, line };
}

/** Words that date a document rather than the incident: when it was posted, sent, opened, approved. */
const DOCUMENT_EVENT =
  /\b(?:posted|published|opened|created|sent|approved|approval|reviewed|review date|signed off|filed|drafted|exported|generated|printed|issued|revised|submitted|circulated|(?:last )?(?:updated|edited|modified)|report date|date of (?:the )?(?:report|review|issue)|prepared|authored|compiled|distributed)\b/i;
const DOCUMENT_EVENT_BEFORE_ON = new RegExp(
  `${DOCUMENT_EVENT.source}(?:\\s+(?:by|from|in|via|to)\\s+[^.;]{1,60}?)?\\s*$`,
  'i',
);

/** A date at `at` (on `line`) that dates the document: after a document word on its line, or an e-mail's `Date:` header. */
function isDocumentDate(pm: Postmortem, at: number, line: number): boolean {
  const lineStart = pm.lines.lineStart(line);
  const before = pm.text.slice(Math.max(lineStart, at - 200), at);
  return DOCUMENT_EVENT.test(before) || (/^\s*date\s*:/i.test(before) && isEmailHeader(pm, line));
}

/** Whether `line` is in an e-mail's header block at the top (`From:`, `To:`, `Subject:`, `Date:` lines). */
function isEmailHeader(pm: Postmortem, line: number): boolean {
  const first = pm.frontMatter ? pm.lines.position(pm.frontMatter.end).line : 1;
  const seen = new Set<string>();
  for (let n = first; n <= pm.lines.lineCount; n++) {
    const text = pm.lines.lineText(n);
    const m = /^(from|to|cc|date|subject|sent|reply-to)\s*:/i.exec(text);
    if (!m) return n > line && seen.has('from') && seen.size >= 3;
    seen.add(m[1]!.toLowerCase());
  }
  return false;
}

/** Whether a slashed date of the text reads as `date` in that order. */
function readsAs(text: string, order: NumericOrder, date: string): boolean {
  return findDates(text, order).some((d) => d.kind === 'numeric' && d.iso === date);
}
