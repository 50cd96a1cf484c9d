import path from 'node:path';
import { formatFinding } from '@hindsight/core';
import { safeJson, visible } from '../escape';
import { plural } from '../format';
import { oneOf, type Command } from '../main';
import { githubCommands, junitReport, sarifLog, type JsonDiagnostic } from '../report';
import { lintPaths } from './shared';

export type { JsonDiagnostic } from '../report';

const FORMATS = ['text', 'json', 'github', 'sarif', 'junit'] as const;

export const lintCommand: Command = {
  name: 'lint',
  summary: 'check postmortems: front matter, sections, timeline, action items',
  help: `Usage: hindsight lint [files or folders...] [--format text|json|github|sarif|junit] [--postmortems-only]

Checks each postmortem and prints its findings like a compiler:
  path:line:column severity rule-id message
followed by a summary line. Without paths, lints the postmortems folder of hindsight.json.

Options:
  --format FORMAT     text (default; github when GITHUB_ACTIONS=true), or
                      json    a JSON array of {file, line, column, endLine, endColumn, severity,
                              rule, message}
                      github  GitHub workflow commands (::error file=…,line=…::message), shown as
                              annotations on the pull request, then the summary line
                      sarif   a SARIF 2.1.0 log (code scanning), with each rule's help and docs link
                      junit   JUnit XML: a test suite and a test case per file, a failure per error
  --postmortems-only  of the files named, lint only postmortems of the postmortems folder (not
                      README.md, templates or other Markdown): for pre-commit and lint-staged
  --config FILE       use this hindsight.json
  --today DATE        treat DATE (YYYY-MM-DD) as today
`,
  options: { format: { type: 'string' }, 'postmortems-only': { type: 'boolean' } },
  async run({ values, positionals }, io) {
    const env = io.env ?? process.env;
    const fallback = env.GITHUB_ACTIONS === 'true' ? 'github' : 'text';
    const format = oneOf(values.format, FORMATS, '--format', fallback);
    const { files, results } = await lintPaths(positionals, values, io, false);

    const rel = (f: string) => path.relative(io.cwd, f) || f;
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
    const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
    const infos = diagnostics.length - errors - warnings;
    const withFindings = results.filter((r) => r.findings.length).length;
    const parts = [
      plural(errors, 'error'),
      plural(warnings, 'warning'),
      ...(infos ? [plural(infos, 'note')] : []),
    ];
    const summary = `${parts.join(', ')} in ${plural(files.length, 'file')}${withFindings ? ` (${withFindings} with findings)` : ''}\n`;

    if (format === 'json') io.stdout.write(`${safeJson(diagnostics)}\n`);
    else if (format === 'sarif') io.stdout.write(`${safeJson(sarifLog(diagnostics))}\n`);
    else if (format === 'junit') io.stdout.write(`${junitReport(files.map(rel), diagnostics)}\n`);
    else if (format === 'github') {
      const raw = io.rawStdout ?? io.stdout;
      for (const command of githubCommands(diagnostics)) raw.write(`${command}\n`);
      io.stdout.write(summary);
    } else {
      for (const r of results)
        for (const f of r.findings) io.stdout.write(`${visible(formatFinding(rel(r.file), f))}\n`);
      io.stdout.write(`${diagnostics.length ? '\n' : ''}${summary}`);
    }
    return errors > 0 ? 1 : 0;
  },
};
