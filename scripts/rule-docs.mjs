// The examples in docs/rules.md, taken from the rule fixtures that test/rules.test.ts checks: for
// each rule one fixture it passes and one it fails, with the findings the core reports on the
// failing one. Docs, fixtures and tests read the same files, so they cannot drift apart.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const FIXTURES = 'test/fixtures/rules';
/** The day test/rules.test.ts lints the fixtures on (due dates and future dates depend on it). */
const TODAY = '2026-11-24';
const ENCODING = { latin1: 'Latin-1', 'utf-16le': 'UTF-16 LE', 'utf-16be': 'UTF-16 BE' };

/**
 * The Markdown lines of a rule's examples: `core` is the bundled core (lintBytes, decode,
 * formatFinding), `rule` one of its RULES. Uses no heading, so the page's anchors stay `#<rule-id>`.
 */
export function ruleExamples(core, rule) {
  const folder = path.join(root, FIXTURES, rule.id);
  const names = readdirSync(folder).filter((f) => f.endsWith('.md'));
  const pass = pick(
    core,
    folder,
    names.filter((f) => f.startsWith('ok')),
  );
  const fail = pick(
    core,
    folder,
    names.filter((f) => f.startsWith('bad-')),
  );
  if (!pass || !fail)
    throw new Error(`${FIXTURES}/${rule.id} needs an ok*.md and a bad-*.md fixture.`);

  const findings = core
    .lintBytes(fail.bytes, { today: TODAY })
    .findings.filter((f) => f.rule === rule.id);
  if (!findings.length)
    throw new Error(`${FIXTURES}/${rule.id}/${fail.name} gives no ${rule.id} finding.`);
  return [
    `Passes (\`${FIXTURES}/${rule.id}/${pass.name}\`):`,
    '',
    ...shown(pass),
    '',
    `Fails (\`${FIXTURES}/${rule.id}/${fail.name}\`):`,
    '',
    ...shown(fail),
    '',
    `With the default configuration, on ${TODAY}, Hindsight reports:`,
    '',
    ...fenced('text', findings.map((f) => core.formatFinding(fail.name, f)).join('\n')),
    '',
  ];
}

/**
 * The fixture that reads best as an example: UTF-8 text over text in another encoding over binary,
 * then the shortest, then by name.
 */
function pick(core, folder, names) {
  const rank = ({ decoded }) =>
    !decoded.ok ? 2 : decoded.encoding === 'utf-8' && !decoded.note ? 0 : 1;
  return names
    .map((name) => {
      const bytes = readFileSync(path.join(folder, name));
      return { name, bytes, decoded: core.decode(bytes) };
    })
    .sort(
      (a, b) =>
        rank(a) - rank(b) || a.bytes.length - b.bytes.length || a.name.localeCompare(b.name),
    )[0];
}

/** A fixture as a fenced block, with a line saying how a file that is not UTF-8 text was shown. */
function shown({ bytes, decoded }) {
  if (!decoded.ok) {
    const head = [...bytes.subarray(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
    return [`A ${bytes.length}-byte file that is not text; its bytes begin \`${head}\`.`];
  }
  const note =
    decoded.encoding === 'utf-8'
      ? []
      : [
          `The file is saved as ${ENCODING[decoded.encoding] ?? decoded.encoding}; shown here decoded.`,
          '',
        ];
  return [...note, ...fenced('markdown', decoded.text)];
}

/** A fenced code block longer than any backtick run inside it. */
function fenced(info, text) {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return [`${fence}${info}`, text.replace(/\n$/, ''), fence];
}
