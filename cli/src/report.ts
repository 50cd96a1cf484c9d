import { RULES, type Finding } from '@hindsight/core';
import { githubData, githubProperty, visible } from './escape';

/** The JSON form of a finding, one per element of `hindsight lint --format json`. */
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

/** Where each rule is documented: its anchor in docs/rules.md. */
export const RULES_DOC =
  'https://github.com/hindsight-postmortems/hindsight/blob/main/docs/rules.md';
export const VERSION = '0.1.0';

const GITHUB_LEVEL = { error: 'error', warning: 'warning', info: 'notice' } as const;

/**
 * One GitHub workflow command per finding, which GitHub shows as an annotation on the file:
 * `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=rule::message`.
 */
export function githubCommands(diagnostics: JsonDiagnostic[]): string[] {
  return diagnostics.map((d) => {
    const properties = [
      `file=${githubProperty(d.file)}`,
      `line=${d.line}`,
      `col=${d.column}`,
      `endLine=${d.endLine}`,
      `endColumn=${d.endColumn}`,
      `title=${githubProperty(d.rule)}`,
    ];
    return `::${GITHUB_LEVEL[d.severity]} ${properties.join(',')}::${githubData(d.message)}`;
  });
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/** A path as a relative URI reference: `/` between names, each name percent-encoded. */
function fileUri(file: string): string {
  return file.split(/[\\/]/).map(encodeURIComponent).join('/');
}

/** A SARIF 2.1.0 log of one run: every rule with its help and docs link, every finding as a result. */
export function sarifLog(diagnostics: JsonDiagnostic[]): object {
  const index = new Map(RULES.map((r, i) => [r.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'hindsight',
            version: VERSION,
            informationUri: RULES_DOC,
            rules: RULES.map((r) => ({
              id: r.id,
              name: r.id,
              shortDescription: { text: r.description },
              help: {
                text: `${r.description} Default severity: ${r.severity}. Change it, or turn the rule off, in hindsight.json: "rules": { "${r.id}": "off" }.`,
              },
              helpUri: `${RULES_DOC}#${r.id}`,
              defaultConfiguration: { level: SARIF_LEVEL[r.severity] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: diagnostics.map((d) => ({
          ruleId: d.rule,
          ...(index.has(d.rule) ? { ruleIndex: index.get(d.rule) } : {}),
          level: SARIF_LEVEL[d.severity],
          message: { text: d.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: fileUri(d.file) },
                region: {
                  startLine: d.line,
                  startColumn: d.column,
                  endLine: d.endLine,
                  endColumn: d.endColumn,
                },
              },
            },
          ],
        })),
      },
    ],
  };
}

/** Text for XML 1.0: markup escaped, and characters XML forbids (and other controls) shown as escapes. */
function xml(value: string): string {
  return visible(value)
    .replace(/[\ud800-\udfff\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * A JUnit XML report: a test suite and a test case per file; each error is a failure of that case,
 * warnings and notes go to its system-out.
 */
export function junitReport(files: string[], diagnostics: JsonDiagnostic[]): string {
  const byFile = new Map<string, JsonDiagnostic[]>(files.map((f) => [f, []]));
  for (const d of diagnostics) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const line = (d: JsonDiagnostic) =>
    `${d.file}:${d.line}:${d.column} ${d.severity} ${d.rule} ${d.message}`;
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="hindsight lint" tests="${byFile.size}" failures="${errors}">`,
  ];
  for (const [file, found] of byFile) {
    const failures = found.filter((d) => d.severity === 'error');
    const notes = found.filter((d) => d.severity !== 'error');
    out.push(
      `  <testsuite name="${xml(file)}" tests="1" failures="${failures.length}" errors="0">`,
    );
    out.push(`    <testcase name="${xml(file)}" classname="hindsight.lint">`);
    for (const d of failures)
      out.push(
        `      <failure type="${xml(d.rule)}" message="${xml(d.message)}">${xml(line(d))}</failure>`,
      );
    if (notes.length)
      out.push(`      <system-out>${notes.map((d) => xml(line(d))).join('&#10;')}</system-out>`);
    out.push('    </testcase>', '  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n');
}
