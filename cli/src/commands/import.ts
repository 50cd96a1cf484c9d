import { mkdirSync, readdirSync, realpathSync } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  decode,
  importPostmortem,
  MAX_FILE_BYTES,
  type ImportFinding,
  type InferredField,
} from '@hindsight/core';
import { collectFiles, loadWorkspace, UsageError } from '../files';
import { oneOf, type Command, type Io } from '../main';

/** What happened to one file. */
type Outcome = 'written' | 'would-write' | 'unchanged' | 'refused';

/** One file's line of `hindsight import --format json`. */
export interface ImportReport {
  source: string;
  target: string;
  status: Outcome;
  inferred: Record<string, Pick<InferredField<string | string[]>, 'value' | 'from' | 'confidence'>>;
  findings: ImportFinding[];
  /** The suggester's ranking, when the root cause was suggested rather than read. */
  rootCause?: {
    id: string;
    confidence: number;
    level: string;
    explanation: string;
    ranking: { id: string; score: number }[];
  };
  /** Why nothing was written, for a refused file. */
  reason?: string;
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
/** Files read at once: the disk works while the CPU infers. */
const BATCH = 32;

export const importCommand: Command = {
  name: 'import',
  summary: 'bring postmortems in other formats into the library, front matter inferred',
  help: `Usage: hindsight import SRC... [--out DIR] [--dry-run] [--format text|json]

Copies each Markdown file (folders are searched) into DIR with its front matter added or
completed: title, date, status, severity, root cause, services, authors and tags are inferred
from the front matter of other tools, labelled lines, the file name and the text, each with where
it came from and how sure the importer is. The body is copied byte for byte (line endings and BOM
kept). The root cause comes from the suggester; when its evidence is weak the file gets
root_cause: unknown and the tag needs-triage. A file that already conforms is copied unchanged,
so importing twice changes nothing. Never overwrites: a file whose target exists with other
content, whose front matter is not valid YAML or that is not UTF-8 is refused with the reason,
and the exit code is then 1.

Options:
  --out DIR           where to write (default: the postmortems folder of hindsight.json)
  --dry-run           infer and report, write nothing
  --format text|json  text (default) or a JSON array of
                      {source, target, status, inferred: {field: {value, from, confidence}}, findings}
  --config FILE       use this hindsight.json
`,
  options: { out: { type: 'string' }, 'dry-run': { type: 'boolean' }, format: { type: 'string' } },
  async run({ values, positionals }, io) {
    const format = oneOf(values.format, ['text', 'json'] as const, '--format', 'text');
    if (!positionals.length)
      throw new UsageError(
        'name the files or folders to import, e.g. hindsight import old-postmortems/.',
      );
    const ws = loadWorkspace(io.cwd, values.config as string | undefined);
    const outDir = path.resolve(
      io.cwd,
      typeof values.out === 'string' ? values.out : path.join(ws.root, ws.config.postmortems),
    );
    const dryRun = values['dry-run'] === true;
    const files = await collectFiles(positionals, ws, io.cwd);
    const rel = (f: string) => path.relative(io.cwd, f) || f;

    const reports: ImportReport[] = [];
    const claimed = new Map<string, string>();
    // Names already in the target folder: only those are read back to compare (a new name is written with 'wx', which never overwrites).
    const present = new Set<string>(listNames(outDir));
    for (let i = 0; i < files.length; i += BATCH) {
      const batch = files.slice(i, i + BATCH);
      const contents = await Promise.all(batch.map((f) => readSource(f)));
      // Each file's inference runs before its first await, in order; the writes then overlap.
      const done = await Promise.all(
        batch.map(async (source, k) => {
          const target = path.join(outDir, path.basename(source));
          return {
            ...(await importOne(
              source,
              target,
              contents[k]!,
              ws.config,
              dryRun,
              claimed,
              present,
              rel(source),
            )),
            source: rel(source),
            target: rel(target),
          };
        }),
      );
      reports.push(...done);
    }

    if (format === 'json') io.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
    else writeText(reports, io, dryRun);
    return reports.some((r) => r.status === 'refused') ? 1 : 0;
  },
};

async function readSource(file: string): Promise<Buffer | Error> {
  try {
    const s = await stat(file);
    if (s.size > MAX_FILE_BYTES)
      return new Error(
        `file is ${Math.ceil(s.size / 1024)} KB; expected a postmortem under ${MAX_FILE_BYTES / 1024 / 1024} MB`,
      );
    return await readFile(file);
  } catch (e) {
    return new Error(
      `could not be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    );
  }
}

async function importOne(
  source: string,
  target: string,
  bytes: Buffer | Error,
  config: Parameters<typeof importPostmortem>[1]['config'],
  dryRun: boolean,
  claimed: Map<string, string>,
  present: Set<string>,
  shown: string,
): Promise<Omit<ImportReport, 'source' | 'target'>> {
  const refused = (
    reason: string,
    inferred: ImportReport['inferred'] = {},
    findings: ImportFinding[] = [],
  ) => ({ status: 'refused' as const, inferred, findings, reason });
  if (bytes instanceof Error) return refused(`The file ${bytes.message}.`);
  const decoded = decode(bytes);
  if (!decoded.ok) return refused(decoded.note.message);
  if (decoded.encoding !== 'utf-8') {
    return refused(
      `The file is ${decoded.encoding === 'latin1' ? 'not valid UTF-8' : decoded.encoding.toUpperCase()}; convert it to UTF-8 first so its bytes can be kept as written.`,
    );
  }
  const bom = bytes.subarray(0, 3).equals(BOM);
  const result = importPostmortem(decoded.text, { config, fileName: path.basename(source) });
  const inferred = Object.fromEntries(
    Object.entries(result.inferred).map(([k, v]) => [
      k,
      { value: v.value, from: v.from, confidence: v.confidence },
    ]),
  );
  if (result.refusal) {
    const where =
      result.refusal.line && !/\bline \d/.test(result.refusal.message)
        ? `line ${result.refusal.line}: `
        : '';
    return refused(`${where}${result.refusal.message}`, inferred);
  }
  const output = Buffer.concat([bom ? BOM : Buffer.alloc(0), Buffer.from(result.text, 'utf8')]);
  const rc = result.rootCause;
  const rootCause = rc && {
    id: rc.id,
    confidence: rc.confidence,
    level: rc.level,
    explanation: rc.explanation,
    ranking: rc.ranking.map((r) => ({ id: r.id, score: r.score })),
  };
  const done = (status: Outcome) => ({
    status,
    inferred,
    findings: result.findings,
    ...(rootCause ? { rootCause } : {}),
  });

  const earlier = claimed.get(target);
  if (earlier && earlier !== shown)
    return refused(
      `${path.basename(target)} is also the name of ${earlier}, imported before it; rename one of them.`,
      inferred,
      result.findings,
    );
  claimed.set(target, shown);

  let existing: Buffer | undefined;
  if (present.has(path.basename(target))) {
    try {
      existing = await readFile(target);
    } catch {
      existing = undefined;
    }
  }
  if (existing) {
    if (existing.equals(output)) return done('unchanged');
    if (sameFile(source, target))
      return refused(
        'The target is the source itself and importing would change it; choose another folder with --out.',
        inferred,
        result.findings,
      );
    return refused(
      `${target} already exists with other content; nothing was written. Move it away or choose another folder with --out.`,
      inferred,
      result.findings,
    );
  }
  if (dryRun) return done('would-write');
  mkdirSync(path.dirname(target), { recursive: true });
  try {
    await writeFile(target, output, { flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST')
      return refused(
        `${target} appeared while importing; nothing was written.`,
        inferred,
        result.findings,
      );
    return refused(
      `${target} could not be written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`,
      inferred,
      result.findings,
    );
  }
  return done('written');
}

function listNames(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function sameFile(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}

const VERB: Record<Outcome, string> = {
  written: 'written',
  'would-write': 'would be written',
  unchanged: 'unchanged (already conforming)',
  refused: 'REFUSED',
};

function writeText(reports: ImportReport[], io: Io, dryRun: boolean): void {
  for (const r of reports) {
    io.stdout.write(`${r.source} -> ${r.target}: ${VERB[r.status]}\n`);
    if (r.reason) io.stdout.write(`  reason: ${r.reason}\n`);
    const rows = Object.entries(r.inferred);
    const width = Math.max(0, ...rows.map(([k]) => k.length));
    for (const [field, v] of rows) {
      const value = Array.isArray(v.value) ? v.value.join(', ') : v.value;
      io.stdout.write(
        `  ${field.padEnd(width)}  ${value}  (${v.from}; confidence ${v.confidence.toFixed(2)})\n`,
      );
    }
    for (const f of r.findings)
      io.stdout.write(`  check: ${f.line ? `line ${f.line}: ` : ''}${f.message}\n`);
  }
  const count = (s: Outcome) => reports.filter((r) => r.status === s).length;
  const parts = [
    `${count(dryRun ? 'would-write' : 'written')} ${dryRun ? 'would be written' : 'written'}`,
    `${count('unchanged')} unchanged`,
    `${count('refused')} refused`,
  ];
  const toCheck = reports.filter((r) => r.findings.length).length;
  io.stdout.write(
    `\n${parts.join(', ')} of ${reports.length} file${reports.length === 1 ? '' : 's'}${toCheck ? `; ${toCheck} with fields to check` : ''}${dryRun ? ' (dry run: nothing written)' : ''}\n`,
  );
}
