import type { Config } from '../config';
import { isIsoDate, parseDateTime } from '../dates';
import type { Postmortem } from '../parse';
import { suggest } from '../suggest';
import { STATUSES } from '../taxonomy';
import { findYearlessDates, firstDate } from './dates';

/** A front-matter value inferred from a document, with where it came from and how sure it is. */
export interface InferredField<T = string | string[]> {
  value: T;
  /** Where: "front matter line 3", "file name", "line 12", "default". */
  from: string;
  /** 0 to 1: 1 is read as written, below 0.8 a person should check it. */
  confidence: number;
  /** 1-based line it came from, when it came from the document. */
  line?: number;
}

/** The Hindsight fields inferred for a document. */
export interface InferredFields {
  title?: InferredField<string>;
  date?: InferredField<string>;
  started?: InferredField<string>;
  status?: InferredField<string>;
  severity?: InferredField<string>;
  services?: InferredField<string[]>;
  authors?: InferredField<string[]>;
  tags?: InferredField<string[]>;
}

/** Something a person must still check, found while inferring. */
export interface InferenceNote {
  field?: string;
  message: string;
  line?: number;
}

export interface FieldInferenceOptions {
  config: Config;
  /** The file's name (without folders), a source of title and date. */
  fileName?: string;
}

/** A `Label: value` line of a document's metadata block (plain, bold or a two-cell table row). */
export interface LabelledLine {
  label: string;
  value: string;
  line: number;
}

const LABEL_LINE =
  /^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?([A-Za-z][A-Za-z /()&'-]{0,40}?)(?:\*\*|__)?[ \t]*[:：](?:\*\*|__)?[ \t]*(\S.*?)[ \t]*$/;
const TABLE_ROW =
  /^[ \t]*\|[ \t]*(?:\*\*|__)?([A-Za-z][A-Za-z /()&'-]{0,40}?)(?:\*\*|__)?[ \t]*:?[ \t]*\|[ \t]*(.*?)[ \t]*\|?[ \t]*$/;

/** Labelled lines of the document outside code blocks and front matter. */
export function labelledLines(
  pm: Pick<Postmortem, 'text' | 'lines' | 'frontMatter'>,
): LabelledLine[] {
  const out: LabelledLine[] = [];
  const first = pm.frontMatter ? pm.lines.position(pm.frontMatter.end).line : 1;
  let fence = false;
  for (let n = first; n <= pm.lines.lineCount; n++) {
    const line = pm.text.slice(pm.lines.lineStart(n), pm.lines.lineEnd(n));
    if (/^ {0,3}(?:```|~~~)/.test(line)) fence = !fence;
    if (fence || /^ {0,3}#/.test(line)) continue;
    const m = LABEL_LINE.exec(line) ?? TABLE_ROW.exec(line);
    if (m && !/^https?$/i.test(m[1]!))
      out.push({ label: m[1]!.trim().toLowerCase(), value: stripInline(m[2]!), line: n });
  }
  return out;
}

/** Markdown emphasis, code and links reduced to their text. */
export function stripInline(s: string): string {
  return s
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.*?)\1/g, '$2')
    .replace(/(^|[\s(])[*_]([^*_\s][^*_]*?)[*_](?=$|[\s).,;:])/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\|\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The value of the first front-matter key among `keys` (case-insensitive), with its line. */
function frontMatterValue(
  pm: Pick<Postmortem, 'frontMatter' | 'lines' | 'text'>,
  keys: string[],
): { key: string; value: unknown; line: number } | undefined {
  const data = pm.frontMatter?.data;
  if (!data) return undefined;
  for (const want of keys) {
    const key = Object.keys(data).find((k) => k.toLowerCase() === want);
    if (key === undefined || data[key] === null || data[key] === undefined || data[key] === '')
      continue;
    return { key, value: data[key], line: frontMatterLine(pm, key) };
  }
  return undefined;
}

/** The 1-based line of a top-level front-matter key. */
export function frontMatterLine(
  pm: Pick<Postmortem, 'frontMatter' | 'lines' | 'text'>,
  key: string,
): number {
  const fm = pm.frontMatter;
  if (!fm) return 1;
  const raw = pm.text.slice(fm.contentStart, fm.contentEnd);
  const m = new RegExp(`^${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[ \t]*:`, 'm').exec(raw);
  return pm.lines.position(fm.contentStart + (m?.index ?? 0)).line;
}

function asList(value: unknown): string[] {
  if (typeof value === 'string') return splitList(value);
  if (typeof value === 'number') return [String(value)];
  if (Array.isArray(value))
    return value
      .filter((v) => typeof v === 'string' || typeof v === 'number')
      .map((v) => String(v).trim())
      .filter(Boolean);
  return [];
}

/** "Ana, Ben and Chen (Payments)" -> [Ana, Ben, Chen]. */
export function splitList(value: string): string[] {
  return stripInline(value)
    .replace(/\([^)]*\)/g, ' ')
    .split(/\s*(?:,|;|\/|\band\b|&|\+)\s*/i)
    .map((s) => s.replace(/^[@\s]+|[\s.]+$/g, '').trim())
    .filter((s) => s.length > 0 && s.length <= 60 && !/^(?:n\/?a|none|tbd|-|—)$/i.test(s));
}

/** Infers title, date, status, severity, services, authors and tags, each with its source. */
export function inferFields(
  pm: Postmortem,
  options: FieldInferenceOptions,
): { fields: InferredFields; notes: InferenceNote[] } {
  const { config } = options;
  const fileName = options.fileName ?? '';
  const fields: InferredFields = {};
  const notes: InferenceNote[] = [];
  const labels = labelledLines(pm);
  const label = (re: RegExp) => labels.find((l) => re.test(l.label));
  const fmFrom = (line: number) => `front matter line ${line}`;
  const h1 = firstH1(pm);

  // Title: front matter, H1, a Title: line, the file name.
  const fmTitle = frontMatterValue(pm, ['title']);
  const titleLine = label(/^(?:title|incident(?: title| name)?)$/);
  const boldTitle = h1 ? undefined : firstBoldLine(pm);
  if (typeof fmTitle?.value === 'string' && fmTitle.value.trim())
    fields.title = {
      value: fmTitle.value.trim(),
      from: fmFrom(fmTitle.line),
      confidence: 1,
      line: fmTitle.line,
    };
  else if (h1 && !GENERIC_TITLE.test(h1.text))
    fields.title = { value: h1.text, from: `line ${h1.line}`, confidence: 0.9, line: h1.line };
  else if (titleLine)
    fields.title = {
      value: titleLine.value,
      from: `line ${titleLine.line}`,
      confidence: 0.8,
      line: titleLine.line,
    };
  else if (boldTitle)
    fields.title = {
      value: boldTitle.text,
      from: `line ${boldTitle.line}`,
      confidence: 0.6,
      line: boldTitle.line,
    };
  else if (fileName)
    fields.title = { value: titleFromFileName(fileName), from: 'file name', confidence: 0.5 };
  else if (h1)
    fields.title = { value: h1.text, from: `line ${h1.line}`, confidence: 0.5, line: h1.line };

  // Date: front matter, a Date: line, the file name, the H1, "On June 13, 2023", the timeline, any date.
  const fmDate = frontMatterValue(pm, [
    'date',
    'incident_date',
    'incident-date',
    'date_of_incident',
    'started',
    'start',
    'created',
  ]);
  const dateLine = label(
    /^(?:(?:incident )?date(?: of incident)?(?: \(utc\))?|when|occurred(?: on)?|date\/time|start(?:ed)?(?: time| at)?|incident start|day)$/,
  );
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
      fields.date = {
        value: d,
        from: fmFrom(fmDate.line),
        confidence: raw.trim() === d ? 1 : 0.95,
        line: fmDate.line,
      };
      if (dt && dt.length > 10 && fmDate.key.toLowerCase() === 'date')
        fields.started = {
          value: dt,
          from: fmFrom(fmDate.line),
          confidence: 0.9,
          line: fmDate.line,
        };
      // A blog or site generator's date is when the post went out; the incident is the earlier date the text names.
      const earlier = isPublishingFrontMatter(pm) ? incidentDateBefore(pm, d, h1) : undefined;
      if (earlier) {
        notes.push({
          field: 'date',
          message: `Front matter line ${fmDate.line} dates the post ${d}; the text dates the incident ${earlier.value} (${earlier.from}), which was used.`,
          line: earlier.line,
        });
        fields.date = earlier;
        delete fields.started;
      }
    }
  }
  if (!fields.date && dateLine) {
    const d = firstDate(dateLine.value);
    if (d)
      fields.date = {
        value: d.iso,
        from: `line ${dateLine.line}`,
        confidence: d.kind === 'numeric' ? 0.7 : 0.95,
        line: dateLine.line,
      };
  }
  if (!fields.date && fileDate)
    fields.date = { value: fileDate, from: 'file name', confidence: 0.85 };
  if (!fields.date && h1) {
    const d = firstDate(h1.text);
    if (d)
      fields.date = {
        value: d.iso,
        from: `line ${h1.line}`,
        confidence: d.kind === 'numeric' ? 0.6 : 0.85,
        line: h1.line,
      };
  }
  if (!fields.date) {
    const on = proseDate(pm);
    if (on) fields.date = on;
  }
  if (!fields.date) {
    const t = timelineDate(pm);
    if (t) fields.date = t;
  }
  if (!fields.date) {
    const body = pm.frontMatter ? pm.text.slice(pm.frontMatter.end) : pm.text;
    const d = firstDate(body);
    if (d) {
      const at = (pm.frontMatter?.end ?? 0) + d.index;
      const line = pm.lines.position(at).line;
      fields.date = { value: d.iso, from: `line ${line}`, confidence: 0.4, line };
    }
  }
  if (
    fields.date &&
    fileDate &&
    fields.date.value !== fileDate &&
    fields.date.from !== 'file name'
  ) {
    notes.push({
      field: 'date',
      message: `The file name says ${fileDate} but ${fields.date.from} says ${fields.date.value}; check which is the incident date.`,
      line: fields.date.line,
    });
  }

  // Status: a missing status becomes published; other tools' words are mapped.
  const fmStatus = frontMatterValue(pm, ['status']);
  if (fmStatus && typeof fmStatus.value === 'string') {
    const mapped = mapStatus(fmStatus.value);
    fields.status = mapped
      ? {
          value: mapped,
          from: fmFrom(fmStatus.line),
          confidence: mapped === fmStatus.value ? 1 : 0.9,
          line: fmStatus.line,
        }
      : { value: 'published', from: 'default', confidence: 0.6 };
    if (!mapped)
      notes.push({
        field: 'status',
        message: `Status '${fmStatus.value}' is not one of ${STATUSES.join(', ')}; set to published.`,
        line: fmStatus.line,
      });
  } else {
    const statusLine = label(/^(?:status|document status|report status|postmortem status)$/);
    const mapped = statusLine ? mapStatus(statusLine.value) : undefined;
    fields.status =
      statusLine && mapped
        ? {
            value: mapped,
            from: `line ${statusLine.line}`,
            confidence: 0.85,
            line: statusLine.line,
          }
        : { value: 'published', from: 'default', confidence: 1 };
  }

  // Severity where stated.
  const severities = config.severities.map((s) => s.id);
  const fmSeverity = frontMatterValue(pm, [
    'severity',
    'sev',
    'priority',
    'level',
    'impact_level',
    'incident_level',
  ]);
  const sevLine = label(
    /^(?:severity|sev|priority|incident (?:severity|priority|level)|impact level|level|sev level)$/,
  );
  const fromFm = fmSeverity ? mapSeverity(String(fmSeverity.value), severities) : undefined;
  const fromLine = sevLine ? mapSeverity(sevLine.value, severities) : undefined;
  if (fmSeverity && fromFm)
    fields.severity = {
      value: fromFm,
      from: fmFrom(fmSeverity.line),
      confidence: fromFm === String(fmSeverity.value) ? 1 : 0.9,
      line: fmSeverity.line,
    };
  else if (sevLine && fromLine)
    fields.severity = {
      value: fromLine,
      from: `line ${sevLine.line}`,
      confidence: 0.9,
      line: sevLine.line,
    };
  else {
    const stated = statedSeverity(pm, severities);
    if (stated) fields.severity = stated;
  }
  if (fmSeverity && !fromFm)
    notes.push({
      field: 'severity',
      message: `Severity '${String(fmSeverity.value)}' does not map to ${severities.join(', ')}; choose one.`,
      line: fmSeverity.line,
    });

  // Services and authors: front matter of any tool, else a labelled line.
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
  const servicesLine = label(
    /^(?:(?:affected |impacted )?(?:services?|systems?|components?|products?)(?: affected| impacted)?|affected|impacted)$/,
  );
  if (fmServices && asList(fmServices.value).length) {
    fields.services = {
      value: asList(fmServices.value).map(serviceName),
      from: fmFrom(fmServices.line),
      confidence: fmServices.key === 'services' ? 1 : 0.85,
      line: fmServices.line,
    };
  } else if (servicesLine && splitList(servicesLine.value).length) {
    fields.services = {
      value: splitList(servicesLine.value).map(serviceName),
      from: `line ${servicesLine.line}`,
      confidence: 0.75,
      line: servicesLine.line,
    };
  } else {
    const named = namedServices(pm);
    if (named) fields.services = named;
  }
  const fmAuthors = frontMatterValue(pm, ['authors', 'author', 'written_by', 'owners', 'owner']);
  const authorsLine = label(
    /^(?:authors?|written by|prepared by|postmortem (?:owner|author)s?|document owner|report (?:author|owner)s?)$/,
  );
  if (fmAuthors && asList(fmAuthors.value).length) {
    fields.authors = {
      value: asList(fmAuthors.value),
      from: fmFrom(fmAuthors.line),
      confidence: fmAuthors.key === 'authors' ? 1 : 0.9,
      line: fmAuthors.line,
    };
  } else if (authorsLine && splitList(authorsLine.value).length) {
    fields.authors = {
      value: splitList(authorsLine.value),
      from: `line ${authorsLine.line}`,
      confidence: 0.8,
      line: authorsLine.line,
    };
  }

  // Tags from other tools' categories, keywords and company.
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
    fields.tags = {
      value: tags,
      from: tagSources.map(fmFrom).join(', '),
      confidence: 0.9,
      line: tagSources[0],
    };

  return { fields, notes };
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
    const body = pm.frontMatter ? pm.text.slice(pm.frontMatter.end, pm.frontMatter.end + 2000) : '';
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

const WORD_RANKS: [RegExp, number][] = [
  [/^(?:critical|crit|blocker|emergency|highest|catastrophic|urgent)$/, 0],
  [/^(?:major|high|severe|serious)$/, 1],
  [/^(?:minor|medium|moderate|normal|med)$/, 2],
  [/^(?:low|lowest|trivial|cosmetic|info|informational)$/, 3],
];

/**
 * Maps a stated severity ("Sev 1", "SEV-2", "P0", "Priority: P2", "Critical", "high") to a
 * configured level: by name, by number for numbered levels (Sev 0 and Sev 1 both the most
 * severe), P0/P1 the most severe and so on, and words by rank; clamped to the configured range.
 */
export function mapSeverity(raw: string, severities: readonly string[]): string | undefined {
  if (!severities.length) return undefined;
  const v = stripInline(raw).toLowerCase().trim();
  const squash = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');
  const direct = severities.find((s) => squash(s) === squash(v));
  if (direct) return direct;
  const at = (rank: number) => severities[Math.max(0, Math.min(severities.length - 1, rank))];
  const numbered = severities
    .map((s) => /(\d+)/.exec(s)?.[1])
    .map((n) => (n === undefined ? undefined : Number(n)));
  const bySevNumber = (n: number) => {
    if (numbered.every((x) => x !== undefined)) {
      const exact = numbered.indexOf(n);
      if (exact >= 0) return severities[exact];
      const min = Math.min(...(numbered as number[]));
      return n < min ? severities[numbered.indexOf(min)] : severities[severities.length - 1];
    }
    return at(n - 1);
  };
  let m = /^(?:sev(?:erity)?|s)[\s-]*(\d)\b/.exec(v);
  if (m) return bySevNumber(Number(m[1]));
  m = /^(?:p|priority)[\s-]*(\d)\b/.exec(v);
  if (m) return at(Math.max(0, Number(m[1]) - 1));
  m = /^(\d)\b/.exec(v);
  if (m) return bySevNumber(Number(m[1]));
  const word = v.split(/[\s(,:;-]/)[0] ?? '';
  for (const [re, rank] of WORD_RANKS) if (re.test(word)) return at(rank);
  const near = suggest(v, severities);
  return near;
}

/** "Sev 1", "SEV-2" or "P0" written in the title or text; the first wins. */
function statedSeverity(
  pm: Postmortem,
  severities: readonly string[],
): InferredField<string> | undefined {
  const body = pm.frontMatter ? pm.text.slice(pm.frontMatter.end) : pm.text;
  const offset = pm.frontMatter?.end ?? 0;
  const re =
    /(?<![\p{L}\d])(?:(?:severity|priority)(?: level)?\s*(?:[:=]|is|was)\s*\**\s*(sev(?:erity)?[\s-]?\d|p[0-4]|critical|major|minor|high|medium|moderate|low)|(sev[\s-]?\d|p[0-4](?=\s+(?:incident|outage|event|issue|page))|(?:critical|major|minor)(?=\s+(?:incident|outage))))(?![\p{L}\d])/giu;
  const m = re.exec(body);
  if (!m) return undefined;
  const stated = m[1] ?? m[2]!;
  const value = mapSeverity(stated, severities);
  if (!value) return undefined;
  const line = pm.lines.position(offset + m.index).line;
  return {
    value,
    from: `line ${line}`,
    confidence: m[1] ? 0.85 : /^sev/i.test(stated) ? 0.75 : 0.6,
    line,
  };
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

/** The first level-1 heading (ATX or setext) outside code, with its text stripped of markup. */
function firstH1(pm: Postmortem): { text: string; line: number } | undefined {
  let fence = false;
  const first = pm.frontMatter ? pm.lines.position(pm.frontMatter.end).line : 1;
  for (let n = first; n <= pm.lines.lineCount; n++) {
    const line = pm.text.slice(pm.lines.lineStart(n), pm.lines.lineEnd(n));
    if (/^ {0,3}(?:```|~~~)/.test(line)) fence = !fence;
    if (fence) continue;
    const atx = /^ {0,3}#[ \t]+(.*?)[ \t#]*$/.exec(line);
    if (atx && atx[1]!.trim()) return { text: stripInline(atx[1]!), line: n };
    if (n < pm.lines.lineCount && line.trim() && !/^ {0,3}(?:[-*+]|\d+[.)]|>|\|)/.test(line)) {
      const next = pm.text.slice(pm.lines.lineStart(n + 1), pm.lines.lineEnd(n + 1));
      if (/^ {0,3}=+[ \t]*$/.test(next)) return { text: stripInline(line), line: n };
    }
  }
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
      if (names.includes(m[1]!)) continue;
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
