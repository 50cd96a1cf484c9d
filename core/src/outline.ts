import { listAction, markOverdue, type ActionItem } from './actions';
import { defaultConfig } from './config';
import { todayIso } from './dates';
import { stripBom } from './decode';
import { readFrontMatter, toMeta, type Meta } from './frontmatter';
import { checkParsable } from './guard';
import { parsePostmortem, type ParseOptions } from './parse';
import { normalizeHeading } from './sections';
import { LineIndex } from './text';

/** What the action-item view and related-postmortem lookups need of a file. */
export interface Outline {
  meta: Meta;
  title?: string;
  actions: ActionItem[];
  lines: LineIndex;
}

const HEADING = /^ {0,3}(#{1,2})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
const COMMENT_START = /^ {0,3}<!--/;
const HTML_START = /^ {0,3}</;

/**
 * Reads front matter, title and action items without parsing the whole document: a line scan
 * (aware of code fences) finds the level-1/2 headings, and only the Action Items section goes
 * through the Markdown parser. Ten times faster than parsePostmortem on a typical postmortem;
 * the equivalence tests hold it to the same action items.
 */
export function parseOutline(input: string, options: ParseOptions = {}): Outline {
  const text = stripBom(input);
  const config = options.config ?? defaultConfig;
  const lines = new LineIndex(text);
  if (checkParsable(text)) return { ...fromFull(text, options), lines };

  // Front matter: a first line '---' and the next line that is '---', as remark-frontmatter reads it.
  let bodyStart = 0;
  let meta = toMeta(undefined);
  if (/^---[ \t]*$/.test(text.slice(0, lines.lineEnd(1)))) {
    let closed = false;
    for (let line = 2; line <= lines.lineCount; line++) {
      if (/^---[ \t]*$/.test(text.slice(lines.lineStart(line), lines.lineEnd(line)))) {
        const contentStart = lines.lineStart(2);
        const contentEnd = lines.lineStart(line);
        meta = toMeta(readFrontMatter(text.slice(contentStart, contentEnd), 0, lines.lineEnd(line), contentStart).data);
        bodyStart = line < lines.lineCount ? lines.lineStart(line + 1) : text.length;
        closed = true;
        break;
      }
    }
    // An unclosed front matter changes how micromark reads the whole document: read it whole too.
    if (!closed) return { ...fromFull(text, options), lines };
  }

  // Level-1/2 headings outside fences, in document order. An indented heading may sit inside a
  // list item, and a line of = or - may underline the line above into a heading: a line scan
  // cannot tell, so such documents are read whole.
  const headings: { start: number; depth: number; text: string }[] = [];
  let fence: string | undefined;
  let comment = false;
  let previousBlank = true;
  for (let line = lines.position(bodyStart).line; line <= lines.lineCount; line++) {
    const start = lines.lineStart(line);
    const content = text.slice(start, lines.lineEnd(line));
    const f = FENCE.exec(content);
    if (fence) {
      if (f && f[1]![0] === fence[0] && f[1]!.length >= fence.length && content.trim() === f[1]) fence = undefined;
      continue;
    }
    // An HTML comment block (a template's prompt) runs to the line holding -->; any other HTML
    // block runs to a blank line, so a document with one is read whole.
    if (comment || COMMENT_START.test(content)) {
      comment = !content.includes('-->', comment ? 0 : content.indexOf('<!--') + 4);
      previousBlank = false;
      continue;
    }
    if (HTML_START.test(content)) return { ...fromFull(text, options), lines };
    if (f) {
      fence = f[1];
      continue;
    }
    if (!previousBlank && SETEXT_UNDERLINE.test(content)) return { ...fromFull(text, options), lines };
    previousBlank = BLANK.test(content);
    const h = HEADING.exec(content);
    if (h && content.startsWith(' ')) return { ...fromFull(text, options), lines };
    if (h) headings.push({ start, depth: h[1]!.length, text: (h[2] ?? '').trim() });
  }
  const h1 = headings.find((h) => h.depth === 1);
  // A heading with inline markup (emphasis, code, escapes, entities) reads as its plain text.
  const plain = (heading: string) => (/[*_`\\<>[\]&~!]/.test(heading) ? parsePostmortem(`# ${heading}`, options).title : heading);
  const title = meta.title?.trim() || (h1?.text ? plain(h1.text) : undefined) || undefined;

  const index = headings.findIndex((h) => h.depth === 2 && (config.headingIndex.get(normalizeHeading(h.text)) ?? []).includes('action-items'));
  let actions: ActionItem[] = [];
  if (index >= 0) {
    const start = headings[index]!.start;
    const end = headings[index + 1]?.start ?? text.length;
    actions =
      simpleActions(text, start, end) ??
      parsePostmortem(text.slice(start, end), { ...options, config: { ...config, requiredSections: [] } }).actions.map((a) => ({
        ...a,
        start: a.start + start,
        end: a.end + start,
        toggle: a.toggle && { ...a.toggle, start: a.toggle.start + start, end: a.toggle.end + start },
      }));
  }
  markOverdue(actions, options.today ?? todayIso());
  return { meta, title, actions, lines };
}

function fromFull(text: string, options: ParseOptions): Omit<Outline, 'lines'> {
  const pm = parsePostmortem(text, options);
  return { meta: pm.meta, title: pm.title, actions: pm.actions };
}

/**
 * A top-level '-' item on one line, optionally a task, whose text starts with a letter and holds
 * no character Markdown gives a meaning inside a line (emphasis, code, links, HTML, entities,
 * escapes, tables), and no trailing space: its text is exactly what the Markdown parser reads.
 */
const SIMPLE_ITEM = /^- (\[[ xX]\] )?(\p{L}(?:[\p{L}\p{N} .,;:'"()/@#%+=?{}-]*[\p{L}\p{N}.,;:'"()/@#%+=?{}-])?)$/u;
const BLANK = /^[ \t]*$/;

/**
 * The action items of a section made only of simple items and blank lines, read line by line;
 * undefined when any line is anything else, and the Markdown parser must read the section.
 * Most Action Items sections are such lists, and this is what keeps a scan of 10,000 files fast.
 */
function simpleActions(text: string, start: number, end: number): ActionItem[] | undefined {
  const items: ActionItem[] = [];
  let at = text.indexOf('\n', start) + 1;
  if (at === 0) return [];
  while (at < end) {
    let lineEnd = text.indexOf('\n', at);
    if (lineEnd < 0 || lineEnd > end) lineEnd = end;
    const next = lineEnd + 1;
    if (text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
    const line = text.slice(at, lineEnd);
    if (line.includes('\r')) return undefined;
    if (!BLANK.test(line)) {
      const m = SIMPLE_ITEM.exec(line);
      if (!m) return undefined;
      items.push(listAction(text, m[2]!, m[1] === undefined ? null : m[1][1] !== ' ', at, lineEnd));
    }
    at = next;
  }
  return items;
}
