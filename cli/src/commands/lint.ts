import path from 'node:path';
import { formatFinding, type Finding } from '@hindsight/core';
import { plural } from '../format';
import { oneOf, type Command } from '../main';
import { lintPaths } from './shared';

/** The JSON form of a finding, one per line of `hindsight lint --format json`. */
export interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Finding['severity'];
  rule: string;
  message: string;
}

export const lintCommand: Command = {
  name: 'lint',
  summary: 'check postmortems: front matter, sections, timeline, action items',
  help: `Usage: hindsight lint [files or folders...] [--format text|json]

Checks each postmortem and prints its findings like a compiler:
  path:line:column severity rule-id message
followed by a summary line. Without paths, lints the postmortems folder of hindsight.json.

Options:
  --format text|json  text (default) or a JSON array of
                      {file, line, column, endLine, endColumn, severity, rule, message}
  --config FILE       use this hindsight.json
  --today DATE        treat DATE (YYYY-MM-DD) as today
`,
  options: { format: { type: 'string' } },
  async run({ values, positionals }, io) {
    const format = oneOf(values.format, ['text', 'json'] as const, '--format', 'text');
    const { files, results } = await lintPaths(positionals, values, io, false);

    const rel = (f: string) => path.relative(io.cwd, f) || f;
    const lines = results.flatMap((r) => r.findings.map((f) => formatFinding(rel(r.file), f)));
    const diagnostics: JsonDiagnostic[] = results.flatMap((r) =>
      r.findings.map((f) => ({
        file: rel(r.file),
        line: f.range.start.line,
        column: f.range.start.column,
        endLine: f.range.end.line,
        endColumn: f.range.end.column,
        severity: f.severity,
        rule: f.rule,
        message: f.message,
      })),
    );
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    if (format === 'json') {
      io.stdout.write(`${JSON.stringify(diagnostics, null, 2)}\n`);
    } else {
      for (const line of lines) io.stdout.write(`${line}\n`);
      const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
      const infos = diagnostics.length - errors - warnings;
      const withFindings = results.filter((r) => r.findings.length).length;
      const parts = [plural(errors, 'error'), plural(warnings, 'warning'), ...(infos ? [plural(infos, 'note')] : [])];
      io.stdout.write(`${diagnostics.length ? '\n' : ''}${parts.join(', ')} in ${plural(files.length, 'file')}${withFindings ? ` (${withFindings} with findings)` : ''}\n`);
    }
    return errors > 0 ? 1 : 0;
  },
};
