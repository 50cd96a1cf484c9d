import { defaultConfig, type Config, type FindingSeverity } from './config';
import { todayIso } from './dates';
import { decode } from './decode';
import type { Notice } from './problem';
import { parsePostmortem, type Postmortem } from './parse';
import { RULES } from './rules/index';
import type { Fix } from './problem';
import type { Range } from './text';

/** One finding of a rule in a postmortem. */
export interface Finding {
  rule: string;
  severity: FindingSeverity;
  message: string;
  range: Range;
  fix?: Fix;
  /** Fixes to pick from when no single value is a close match (see Problem.choices). */
  choices?: Fix[];
  /** A skeleton for the writer to complete (see Problem.skeleton). */
  skeleton?: Fix;
}

export interface LintOptions {
  config?: Config;
  /** YYYY-MM-DD; defaults to today in UTC. */
  today?: string;
}

export interface LintResult {
  /** Undefined when the file could not be read as text at all (binary, too large). */
  postmortem?: Postmortem;
  findings: Finding[];
}

/** Lints the text of a postmortem. Never throws. */
export function lintText(text: string, options: LintOptions = {}, decodeNote?: Notice): LintResult {
  const today = options.today ?? todayIso();
  const pm = parsePostmortem(text, { config: options.config ?? defaultConfig, today });
  return lintPostmortem(pm, options.today ? options : { ...options, today }, decodeNote);
}

/** Runs the rules over a parsed postmortem (from parsePostmortem or an IncrementalParser). */
export function lintPostmortem(
  pm: Postmortem,
  options: LintOptions = {},
  decodeNote?: Notice,
): LintResult {
  const config = options.config ?? defaultConfig;
  const today = options.today ?? todayIso();
  const findings: Finding[] = [];
  const context = { pm, config, today, decodeNote };
  for (const rule of RULES) {
    // A text that was not parsed has only the reason why; other rules would report noise.
    if (pm.refusal && rule.id !== 'file-readable') continue;
    const level =
      pm.refusal && rule.id === 'file-readable'
        ? 'error'
        : (config.rules[rule.id] ?? rule.severity);
    if (level === 'off') continue;
    for (const problem of rule.check(context)) {
      findings.push({
        rule: rule.id,
        severity: problem.quiet && level === 'warning' ? 'info' : level,
        message: problem.message,
        range: pm.lines.range(problem.start, problem.end),
        fix: problem.fix,
        ...(problem.choices && { choices: problem.choices }),
        ...(problem.skeleton && { skeleton: problem.skeleton }),
      });
    }
  }
  findings.sort(
    (a, b) =>
      a.range.start.offset - b.range.start.offset || a.range.end.offset - b.range.end.offset,
  );
  return { postmortem: pm, findings };
}

/** Lints a file's bytes: decodes them first, so binary, oversized and mis-encoded files get a clear finding. */
export function lintBytes(bytes: Uint8Array, options: LintOptions = {}): LintResult {
  const decoded = decode(bytes);
  if (!decoded.ok) {
    const level = options.config?.rules['file-readable'] ?? 'error';
    if (level === 'off') return { findings: [] };
    const position = { line: decoded.note.line, column: decoded.note.column, offset: 0 };
    return {
      findings: [
        {
          rule: 'file-readable',
          severity: level === 'warning' || level === 'info' ? level : 'error',
          message: decoded.note.message,
          range: { start: position, end: position },
        },
      ],
    };
  }
  return lintText(decoded.text, options, decoded.note);
}

/** Applies a fix's edits to a text (edits must not overlap). */
export function applyFix(text: string, fix: Fix): string {
  const edits = [...fix.edits].sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** One finding as a compiler-style line: `path:line:column severity rule message`. */
export function formatFinding(file: string, finding: Finding): string {
  return `${file}:${finding.range.start.line}:${finding.range.start.column} ${finding.severity} ${finding.rule} ${finding.message}`;
}
