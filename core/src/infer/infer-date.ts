import { isIsoDate, parseDateTime } from '../dates';
import type { Postmortem } from '../parse';
import { findDates, findYearlessDates, firstDate } from './dates';
import type { FieldContext, InferredField } from './inferred';
import { frontMatterLine, frontMatterValue, fromFrontMatter } from './labels';

/**
 * The incident date (and start time when front matter gives one): front matter, a `Date:` line,
 * the file name, the H1, "On June 13, 2023", the timeline, any date in the text.
 */
export function inferDate(ctx: FieldContext): {
  date?: InferredField<string>;
  started?: InferredField<string>;
} {
  const { pm, label, h1, fileName } = ctx;
  const found: { date?: InferredField<string>; started?: InferredField<string> } = {};
  const fmDate = frontMatterValue(pm, [
    'date',
    'incident_date',
    'incident-date',
    'date_of_incident',
    'incident_start',
    'incident_started',
    'incident_start_time',
    'started',
    'started_at',
    'start',
    'start_time',
    'created',
  ]);
  // A label that names the incident's date beats a bare `Date:`, which may be a document's or an e-mail's.
  const dateLine =
    label(
      /^(?:(?:incident|outage|disruption|event) (?:date|start(?:ed)?(?: time| at)?)|date(?:\/time)? of (?:the )?(?:incident|outage|disruption|event|impact)|start(?:ed)?(?: time| at)?|start of (?:the )?(?:incident|outage|disruption|impact)|occurred(?: on)?)(?: \(utc\))?$/,
    ) ?? label(/^(?:date(?: \(utc\))?|when|date\/time|day)$/, (l) => !isEmailHeader(pm, l.line));
  const fromFileName = /(?<!\d)(\d{4})[-_.]?(\d{2})[-_.]?(\d{2})(?!\d)/.exec(fileName);
  const fileDate =
    fromFileName && isIsoDate(`${fromFileName[1]}-${fromFileName[2]}-${fromFileName[3]}`)
      ? `${fromFileName[1]}-${fromFileName[2]}-${fromFileName[3]}`
      : undefined;
  if (fmDate) {
    const raw = fmDate.value instanceof Date ? fmDate.value.toISOString() : String(fmDate.value);
    const dt = readDateTime(raw);
    const d = dt?.slice(0, 10) ?? firstDate(raw)?.iso;
    if (d) {
      found.date = {
        value: d,
        from: fromFrontMatter(fmDate.line),
        confidence: raw.trim() === d ? 1 : 0.95,
        line: fmDate.line,
      };
      if (dt && dt.length > 10 && /^(?:date|incident_start|start|started)/i.test(fmDate.key))
        found.started = {
          value: dt,
          from: fromFrontMatter(fmDate.line),
          confidence: 0.9,
          line: fmDate.line,
        };
      // A blog or site generator's date is when the post went out, a note's `created` when it was
      // written; the incident is the earlier date the text names.
      const documentDate = isPublishingFrontMatter(pm) || /^created/i.test(fmDate.key);
      const earlier = documentDate ? incidentDateBefore(pm, d, h1) : undefined;
      if (earlier) {
        ctx.notes.push({
          field: 'date',
          message: `Front matter line ${fmDate.line} dates the post ${d}; the text dates the incident ${earlier.value} (${earlier.from}), which was used.`,
          line: earlier.line,
        });
        found.date = earlier;
        delete found.started;
      }
    }
  }
  if (!found.date && dateLine) {
    const d = firstDate(dateLine.value);
    if (d)
      found.date = {
        value: d.iso,
        from: `line ${dateLine.line}`,
        confidence: d.kind === 'numeric' ? 0.7 : 0.95,
        line: dateLine.line,
      };
  }
  if (!found.date && fileDate)
    found.date = { value: fileDate, from: 'file name', confidence: 0.85 };
  if (!found.date && h1) {
    const d = firstDate(h1.text);
    if (d)
      found.date = {
        value: d.iso,
        from: `line ${h1.line}`,
        confidence: d.kind === 'numeric' ? 0.6 : 0.85,
        line: h1.line,
      };
  }
  if (!found.date) {
    const on = proseDate(pm);
    if (on) found.date = on;
  }
  if (!found.date) {
    const t = timelineDate(pm);
    if (t) found.date = t;
  }
  if (!found.date) {
    // Any date in the text, but not the one a line gives the document itself (posted, sent, opened):
    // that one only bounds the incident, which the text may name without a year ("on Tuesday, March 11").
    const body = pm.frontMatter ? pm.text.slice(pm.frontMatter.end) : pm.text;
    let posted: InferredField<string> | undefined;
    for (const d of findDates(body)) {
      const at = (pm.frontMatter?.end ?? 0) + d.index;
      const line = pm.lines.position(at).line;
      if (!isDocumentDate(pm, at, line)) {
        found.date = { value: d.iso, from: `line ${line}`, confidence: 0.4, line };
        break;
      }
      posted ??= { value: d.iso, from: `line ${line}`, confidence: 0.4, line };
    }
    if (!found.date && posted) {
      const earlier = incidentDateBefore(pm, posted.value, h1);
      if (earlier)
        ctx.notes.push({
          field: 'date',
          message: `Line ${posted.line} dates the document ${posted.value}; the text dates the incident ${earlier.value} (${earlier.from}), which was used.`,
          line: earlier.line,
        });
      found.date = earlier ? { ...earlier, confidence: Math.min(earlier.confidence, 0.6) } : posted;
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
  ];
  return !keys.some((k) => tracking.includes(k)) && keys.some((k) => publishing.includes(k));
}

/** The incident date the text names before a post's date (at most 60 days before): title, prose, timeline, "April 17". */
function incidentDateBefore(
  pm: Postmortem,
  posted: string,
  h1: { text: string; line: number } | undefined,
): InferredField<string> | undefined {
  // The first date the text gives decides: the post's own date (the text agrees) or an earlier one.
  const candidates: (() => InferredField<string> | undefined)[] = [];
  const title =
    typeof pm.frontMatter?.data?.title === 'string'
      ? (pm.frontMatter.data.title as string)
      : undefined;
  if (title)
    candidates.push(() => {
      const d = firstDate(title);
      const line = frontMatterLine(pm, 'title');
      return d && { value: d.iso, from: `line ${line}`, confidence: 0.8, line };
    });
  if (h1)
    candidates.push(() => {
      const d = firstDate(h1.text);
      return d && { value: d.iso, from: `line ${h1.line}`, confidence: 0.8, line: h1.line };
    });
  candidates.push(
    () => proseDate(pm),
    () => timelineDate(pm),
  );
  candidates.push(() => {
    const start = pm.frontMatter?.end ?? 0;
    const body = pm.text.slice(start, start + 2000);
    const d = findYearlessDates(body, posted)[0];
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
function proseDate(pm: Postmortem): InferredField<string> | undefined {
  const body = pm.frontMatter ? pm.text.slice(pm.frontMatter.end) : pm.text;
  const offset = pm.frontMatter?.end ?? 0;
  const re = /\b(?:on|between|from|starting|beginning)\s+(?:the\s+)?(?=\S)/gi;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    const after = body.slice(m.index + m[0].length, m.index + m[0].length + 60);
    // Most "on"s are not followed by a date; a date has digits early.
    if (!/\d/.test(after.slice(0, 40))) continue;
    const d = firstDate(after);
    if (d && d.index <= 25) {
      const line = pm.lines.position(offset + m.index).line;
      const at = offset + m.index;
      const before = pm.text.slice(Math.max(pm.lines.lineStart(line), at - 120), at);
      // "opened by @ana on Aug 6, 2025", "approved by the board on 29/05/2025": the document's date.
      if (DOCUMENT_EVENT_BEFORE_ON.test(before)) continue;
      return {
        value: d.iso,
        from: `line ${line}`,
        confidence: d.kind === 'numeric' ? 0.55 : 0.75,
        line,
      };
    }
  }
  return undefined;
}

/** The first date of the timeline: an entry's own date, a day heading, or a date line under the Timeline heading. */
function timelineDate(pm: Postmortem): InferredField<string> | undefined {
  const dated = pm.timeline.find((e) => e.time?.date);
  const day = pm.timelineDays.find((d) => d.date !== undefined);
  const candidates: { offset: number; date: string }[] = [];
  if (dated?.time?.date) candidates.push({ offset: dated.start, date: dated.time.date });
  if (day?.date) candidates.push({ offset: day.offset, date: day.date });
  const section = pm.sections.find(
    (s) => s.ids.includes('timeline') || /timeline|chronology/i.test(s.heading),
  );
  if (section) {
    const d = firstDate(pm.text.slice(section.start, section.end));
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
  /\b(?:posted|published|opened|created|sent|approved|reviewed|signed off|filed|drafted|last (?:updated|edited|modified))\b/i;
const DOCUMENT_EVENT_BEFORE_ON = new RegExp(
  `${DOCUMENT_EVENT.source}(?:\\s+by\\s+[^.;]{1,60}?)?\\s*$`,
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
    const text = pm.text.slice(pm.lines.lineStart(n), pm.lines.lineEnd(n));
    const m = /^(from|to|cc|date|subject|sent|reply-to)\s*:/i.exec(text);
    if (!m) return n > line && seen.has('from') && seen.size >= 3;
    seen.add(m[1]!.toLowerCase());
  }
  return false;
}
