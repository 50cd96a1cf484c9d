import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RULES, visible } from '@hindsight/core';
import { parse as parseYaml } from 'yaml';
import { runHindsight } from './cli-run';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const COMPLETE = readFileSync(path.join(ROOT, 'test/fixtures/valid/complete.md'), 'utf8');
const TODAY = '2026-11-24';

let repo: string;

const hindsight = (argv: string[], env: NodeJS.ProcessEnv = { GITHUB_ACTIONS: '' }) =>
  runHindsight(repo, argv, env);

interface Diagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  rule: string;
  message: string;
}

/** Reads GitHub workflow commands back as GitHub's runner does (unescaping %25, %0D, %0A, %3A, %2C). */
function parseGithub(line: string): Diagnostic {
  const m = /^::(error|warning|notice) ([^:]*)::(.*)$/.exec(line);
  if (!m) throw new Error(`not a workflow command: ${line}`);
  const unescape = (s: string) =>
    s
      .replace(/%0D/g, '\r')
      .replace(/%0A/g, '\n')
      .replace(/%3A/g, ':')
      .replace(/%2C/g, ',')
      .replace(/%25/g, '%');
  const props = Object.fromEntries(
    m[2]!
      .split(',')
      .map((p) => [p.slice(0, p.indexOf('=')), unescape(p.slice(p.indexOf('=') + 1))]),
  );
  return {
    file: props.file!,
    line: Number(props.line),
    column: Number(props.col),
    endLine: Number(props.endLine),
    endColumn: Number(props.endColumn),
    severity: m[1] === 'notice' ? 'info' : m[1]!,
    rule: props.title!,
    message: unescape(m[3]!),
  };
}

const FORGED_NAME = 'evil\n::error file=README.md::forged\x1b]0;pwned\x07.md';

beforeEach(() => {
  repo = mkdtempSync(path.join(tmpdir(), 'hindsight-output-'));
  mkdirSync(path.join(repo, '.git'));
  mkdirSync(path.join(repo, 'postmortems'));
  // Every rule's bad fixtures, plus names and values built to forge output.
  const rules = path.join(ROOT, 'test/fixtures/rules');
  for (const rule of readdirSync(rules)) {
    for (const f of readdirSync(path.join(rules, rule)).filter((f) => f.startsWith('bad')))
      cpSync(path.join(rules, rule, f), path.join(repo, 'postmortems', `${rule}-${f}`));
  }
  writeFileSync(
    path.join(repo, 'postmortems', FORGED_NAME),
    COMPLETE.replace(
      'severity: SEV2',
      'severity: "SEV9 %0A 100%, a:b\\n::add-mask::secret\\e[2J\\u009b31m"',
    ).replace('- [ ] ', '- [ ] \x1b[2J::warning::x \u0085 '),
  );
});

afterEach(() => rmSync(repo, { recursive: true, force: true }));

/** No control character but the line feed (and CR before it, in CSV), and no line starting a workflow command. */
function expectInert(text: string, options: { crlf?: boolean } = {}) {
  const body = options.crlf ? text.replace(/\r\n/g, '\n') : text;
  expect(body).not.toMatch(/(?!\n)[\p{Cc}\u2028\u2029]/u);
  for (const line of body.split('\n')) expect(line).not.toMatch(/^\s*(::|##\[)/);
}

describe('hindsight lint --format github', () => {
  it('prints one workflow command per finding that reads back to the same finding', async () => {
    const json = await hindsight(['lint', '--format', 'json', '--today', TODAY]);
    const github = await hindsight(['lint', '--format', 'github', '--today', TODAY]);
    const expected = JSON.parse(json.stdout) as Diagnostic[];
    const lines = github.stdout.trimEnd().split('\n');
    const commands = lines.filter((l) => l.startsWith('::'));
    expect(commands.length).toBe(expected.length);
    expect(commands.map(parseGithub)).toEqual(expected);
    expect(expected.some((d) => d.file.includes('\n') && d.message.includes('%'))).toBe(true);
    expect(lines.at(-1)).toMatch(
      /^\d+ errors, \d+ warnings(, \d+ notes?)? in \d+ files \(\d+ with findings\)$/,
    );
    expect(github.code).toBe(1);
  });

  it('is chosen when GITHUB_ACTIONS is true and no format is given, and uses notice for info', async () => {
    writeFileSync(
      path.join(repo, 'hindsight.json'),
      JSON.stringify({ rules: { 'front-matter-missing': 'info' } }),
    );
    const r = await hindsight(['lint', 'postmortems/front-matter-missing-bad-none.md'], {
      GITHUB_ACTIONS: 'true',
    });
    expect(r.stdout).toMatch(
      /^::notice file=postmortems\/front-matter-missing-bad-none.md,line=1,col=1,endLine=\d+,endColumn=\d+,title=front-matter-missing::Front matter is missing/,
    );
    const text = await hindsight(
      ['lint', 'postmortems/front-matter-missing-bad-none.md', '--format', 'text'],
      { GITHUB_ACTIONS: 'true' },
    );
    expect(text.stdout).toMatch(
      /^postmortems\/front-matter-missing-bad-none.md:1:1 info front-matter-missing/,
    );
  });
});

describe('hindsight lint --format sarif', () => {
  it('writes a SARIF 2.1.0 log that validates against the SARIF schema', async () => {
    const r = await hindsight(['lint', '--format', 'sarif', '--today', TODAY]);
    const log = JSON.parse(r.stdout);
    // The schema's language-tag pattern is not valid with the u flag; it was written for JavaScript without it.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats.default(ajv);
    // The OASIS SARIF 2.1.0 schema (rtm.5, draft-04), as shipped in lib/schemas/ of the npm package
    // @microsoft/jest-sarif 1.0.0-beta.0 (MIT); vendored so the test needs no network.
    const validate = ajv.compile(
      JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/sarif-2.1.0-rtm.5.json'), 'utf8')),
    );
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(r.code).toBe(1);
  });

  it('describes every rule with help and a link to its docs, and places every finding', async () => {
    const log = JSON.parse(
      (await hindsight(['lint', '--format', 'sarif', '--today', TODAY])).stdout,
    );
    const json = JSON.parse(
      (await hindsight(['lint', '--format', 'json', '--today', TODAY])).stdout,
    ) as Diagnostic[];
    const rules = log.runs[0].tool.driver.rules;
    expect(rules.map((r: { id: string }) => r.id)).toEqual(RULES.map((r) => r.id));
    const docs = readFileSync(path.join(ROOT, 'docs/rules.md'), 'utf8');
    for (const rule of rules) {
      expect(rule.helpUri).toMatch(new RegExp(`/docs/rules\\.md#${rule.id}$`));
      expect(docs).toContain(`## ${rule.id}\n`);
      expect(rule.help.text.length).toBeGreaterThan(20);
    }
    const results = log.runs[0].results;
    expect(results.length).toBe(json.length);
    results.forEach(
      (
        result: {
          ruleId: string;
          ruleIndex: number;
          level: string;
          message: { text: string };
          locations: {
            physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> };
          }[];
        },
        i: number,
      ) => {
        const d = json[i]!;
        expect(rules[result.ruleIndex].id).toBe(d.rule);
        expect(result).toMatchObject({
          ruleId: d.rule,
          level: d.severity === 'info' ? 'note' : d.severity,
          message: { text: d.message },
        });
        expect(decodeURIComponent(result.locations[0]!.physicalLocation.artifactLocation.uri)).toBe(
          d.file,
        );
        expect(result.locations[0]!.physicalLocation.region).toEqual({
          startLine: d.line,
          startColumn: d.column,
          endLine: d.endLine,
          endColumn: d.endColumn,
        });
      },
    );
  });
});

describe('hindsight lint --format junit', () => {
  it('writes well-formed JUnit XML: a suite and a case per file, a failure per error', async () => {
    const r = await hindsight(['lint', '--format', 'junit', '--today', TODAY]);
    expect(XMLValidator.validate(r.stdout)).toBe(true);
    const doc = new XMLParser({
      ignoreAttributes: false,
      isArray: (name) => ['testsuite', 'failure'].includes(name),
    }).parse(r.stdout);
    const json = JSON.parse(
      (await hindsight(['lint', '--format', 'json', '--today', TODAY])).stdout,
    ) as Diagnostic[];
    const files = readdirSync(path.join(repo, 'postmortems'));
    const suites = doc.testsuites.testsuite as {
      '@_name': string;
      '@_failures': string;
      testcase: { failure?: unknown[] };
    }[];
    expect(suites.length).toBe(files.length);
    expect(Number(doc.testsuites['@_failures'])).toBe(
      json.filter((d) => d.severity === 'error').length,
    );
    for (const suite of suites) {
      const errors = json.filter(
        (d) => d.severity === 'error' && visible(d.file) === suite['@_name'],
      ).length;
      expect(Number(suite['@_failures'])).toBe(errors);
      expect(suite.testcase.failure?.length ?? 0).toBe(errors);
    }
    expectInert(r.stdout);
  });
});

describe('output that cannot be forged', () => {
  it('shows control characters and newlines of names and values visibly in lint text', async () => {
    const r = await hindsight(['lint', '--today', TODAY]);
    expectInert(r.stdout);
    expect(r.stdout).toContain(
      'postmortems/evil\\n::error file=README.md::forged\\x1b]0;pwned\\x07.md:',
    );
    expect(r.stdout).toContain(
      "Severity 'SEV9 %0A 100%, a:b ::add-mask::secret\\x1b[2J\\x9b31m' is not a configured level",
    );
  });

  it('keeps JSON and SARIF data whole while no line can start a command', async () => {
    for (const format of ['json', 'sarif']) {
      const r = await hindsight(['lint', '--format', format, '--today', TODAY]);
      expectInert(r.stdout);
      expect(r.stdout).toContain('\\u001b[2J\\u009b31m');
    }
  });

  it('escapes action items in every format of actions, and file names on stderr', async () => {
    for (const format of ['table', 'csv', 'markdown', 'json']) {
      const r = await hindsight(['actions', '--format', format, '--today', TODAY]);
      expectInert(r.stdout, { crlf: format === 'csv' });
      expectInert(r.stderr);
      if (format === 'markdown') expect(r.stdout).toContain('\\\\x1b[2J::warning::x \\\\x85');
      else if (format !== 'json') expect(r.stdout).toContain('\\x1b[2J::warning::x \\x85');
    }
    writeFileSync(path.join(repo, 'postmortems', '\n::error::x\x1b[2J.md'), Buffer.from([0, 1, 2]));
    const r = await hindsight(['actions']);
    expect(r.stderr).toContain(
      'hindsight: skipped postmortems/\\n::error::x\\x1b[2J.md: File looks binary',
    );
    expectInert(r.stderr);
  });

  it('escapes configured ids in stats', async () => {
    writeFileSync(
      path.join(repo, 'hindsight.json'),
      JSON.stringify({ severities: [{ id: '::error::x\u001b[2J' }, { id: 'SEV2' }] }),
    );
    for (const format of ['text', 'json']) {
      const r = await hindsight(['stats', '--format', format, '--today', TODAY]);
      expectInert(r.stdout);
    }
    expect((await hindsight(['stats', '--today', TODAY])).stdout).toContain(
      '\\x3a:error::x\\x1b[2J',
    );
  });

  it('escapes usage messages that repeat what was typed', async () => {
    for (const argv of [
      ['lint', 'no\n::error::such\x1b[2J'],
      ['lint', '--format', 'x\n::error::y'],
      ['new', 'T', '--severity', '\n::error::z'],
      ['x\n::error::cmd'],
    ]) {
      const r = await hindsight(argv);
      expect(r.code).toBe(2);
      expectInert(r.stderr);
    }
  });
});

describe('hindsight new, hostile titles and configs', () => {
  it('refuses a title with a line break or a control character, writing nothing', async () => {
    const before = readdirSync(path.join(repo, 'postmortems')).length;
    const broken = await hindsight(['new', 'Checkout down\n=====']);
    expect(broken).toMatchObject({
      code: 2,
      stderr:
        "hindsight new: the title holds a line break ('\\n' after 'Checkout down'); expected one line of text.\n",
    });
    const bell = await hindsight(['new', 'Bell \x07 ring']);
    expect(bell).toMatchObject({
      code: 2,
      stderr:
        "hindsight new: the title holds a control character ('\\x07' after 'Bell '); expected one line of text.\n",
    });
    expect(readdirSync(path.join(repo, 'postmortems')).length).toBe(before);
  });

  it('gives two all-Japanese titles of one day different, stable file names', async () => {
    const a = await hindsight(['new', '決済の障害', '--date', '2026-11-20']);
    const b = await hindsight(['new', '日本語の検索障害', '--date', '2026-11-20']);
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    expect(a.stdout).toMatch(/^postmortems\/2026-11-20-incident-[0-9a-z]+\.md\n$/);
    expect(b.stdout).not.toBe(a.stdout);
    // The same title again is the same file, so it is refused rather than duplicated.
    expect((await hindsight(['new', '決済の障害', '--date', '2026-11-20'])).code).toBe(1);
    const text = readFileSync(path.join(repo, a.stdout.trim()), 'utf8');
    expect(text).toContain('title: 決済の障害\n');
  });

  it('writes any configured severity id as valid YAML that reads back the same', async () => {
    const ids = [
      'P1: urgent',
      '#1',
      'yes',
      '2',
      '- high',
      '"quoted"',
      "it's",
      '[x]',
      '{y}',
      '@here',
      '*star',
      'a #b',
      'SEV1',
    ];
    writeFileSync(
      path.join(repo, 'hindsight.json'),
      JSON.stringify({ severities: ids.map((id) => ({ id })) }),
    );
    for (const [i, id] of ids.entries()) {
      const r = await hindsight([
        'new',
        `Incident ${i}`,
        `--severity=${id}`,
        '--date',
        '2026-11-20',
      ]);
      expect(r.code, r.stderr).toBe(0);
      const text = readFileSync(path.join(repo, r.stdout.trim()), 'utf8');
      const fm = parseYaml(text.slice(4, text.indexOf('\n---\n'))) as { severity: unknown };
      expect(fm.severity, id).toBe(id);
      const lint = await hindsight(['lint', r.stdout.trim(), '--format', 'json']);
      expect(
        (JSON.parse(lint.stdout) as Diagnostic[]).filter(
          (d) => d.rule === 'severity-level' || d.rule === 'front-matter-yaml',
        ),
      ).toEqual([]);
    }
  });

  it('rejects a site.url that is not http or https with one friendly message', async () => {
    writeFileSync(
      path.join(repo, 'hindsight.json'),
      JSON.stringify({ site: { url: 'javascript:alert(1)' } }),
    );
    const r = await hindsight(['lint']);
    expect(r).toMatchObject({ code: 2 });
    expect(r.stderr).toBe(
      'hindsight lint: hindsight.json has a problem:\n  site.url: expected an http:// or https:// address, e.g. https://postmortems.example.com\nHint: the JSON Schema hindsight.schema.json lists every setting.\n',
    );
  });
});
