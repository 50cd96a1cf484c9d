import { randomBytes } from 'node:crypto';
import { realpathSync, statSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { decode, lintBytes, RULES, visible, type LintOptions } from '@hindsight/core';
import {
  collectFiles,
  loadWorkspace,
  readPostmortemBytes,
  unreadFinding,
  UsageError,
} from '@hindsight/node';
import { plural } from '../format';
import { fixText, MAX_PASSES } from '../fix';
import type { Command } from '../main';

const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);
/** In a diff, the file's own tabs and line ends are kept; every other control character is shown escaped. */
const PATCH_CONTROL = /(?![\t\n]|\r\n)[\p{Cc}\u2028\u2029]/gu;

/** Why a file is left alone, or undefined when it can be fixed; with its text and BOM when it can. */
function readable(bytes: Uint8Array): { text: string; bom: boolean } | { reason: string } {
  const decoded = decode(bytes);
  if (!decoded.ok) return { reason: decoded.note.message };
  // Latin-1 or UTF-16 text written back as UTF-8 would change bytes the user did not ask to change.
  if (decoded.encoding !== 'utf-8' || decoded.note)
    return {
      reason: decoded.note?.message ?? `it is ${decoded.encoding}; only UTF-8 files are fixed.`,
    };
  return { text: decoded.text, bom: bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Replaces a file's content atomically: a temporary file in the same folder (so rename does not
 * cross file systems) with the original's mode, flushed, then renamed over it. A symbolic link is
 * followed, so the link stays a link.
 */
async function writeAtomically(file: string, bytes: Uint8Array): Promise<void> {
  const target = realpathSync(file);
  const temp = path.join(
    path.dirname(target),
    `.${path.basename(target)}.hindsight-${process.pid}-${randomBytes(4).toString('hex')}.tmp`,
  );
  const handle = await open(temp, 'wx', statSync(target).mode & 0o7777);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

export const fixCommand: Command = {
  name: 'fix',
  summary: 'apply the automatic fixes of lint findings to the files',
  help: `Usage: hindsight fix [files or folders...] [--dry-run] [--rule ID]... [--postmortems-only]

Applies the fixes that lint findings offer (the quick fixes of the editor): a missing section or
front-matter field added, a mistyped status, severity or root cause corrected, blank lines before
the front matter removed. Fixes that overlap wait for the next pass: each pass lints again, until no
fix is offered (at most ${MAX_PASSES} passes). Without paths, fixes the postmortems folder.

Files that cannot be read as UTF-8 Markdown (binary, too large, another encoding, nesting the parser
refuses) are never changed. Each file is replaced atomically, keeping its line endings and BOM.

Options:
  --dry-run           print what would change as a unified diff; write nothing
  --rule ID           only apply the fixes of this rule; repeat for more
  --postmortems-only  of the files named, fix only postmortems of the postmortems folder
  --config FILE       use this hindsight.json
  --today DATE        treat DATE (YYYY-MM-DD) as today
`,
  options: {
    'dry-run': { type: 'boolean' },
    rule: { type: 'string', multiple: true },
    'postmortems-only': { type: 'boolean' },
  },
  async run({ values, positionals }, io) {
    const ws = loadWorkspace(io.cwd, values.config as string | undefined);
    const ruleIds = values.rule as string[] | undefined;
    const rules = ruleIds ? new Set(ruleIds) : undefined;
    const known = RULES.map((r) => r.id);
    for (const id of ruleIds ?? [])
      if (!known.includes(id))
        throw new UsageError(
          `--rule '${visible(id)}' is not a rule; expected one of ${known.join(', ')}.`,
        );
    const dryRun = values['dry-run'] === true;
    const files = await collectFiles(positionals, ws, io.cwd, {
      postmortemsOnly: values['postmortems-only'] === true,
    });
    const options: LintOptions = { config: ws.config, today: values.today as string | undefined };
    const rel = (f: string) => visible(path.relative(io.cwd, f) || f);

    let fixedFiles = 0;
    let fixes = 0;
    let errorsLeft = 0;
    let failed = 0;
    for (const file of files) {
      const read = await readPostmortemBytes(file);
      const content = read.ok
        ? readable(read.bytes)
        : { reason: unreadFinding(read, options)[0]?.message ?? read.reason };
      if ('reason' in content) {
        io.stderr.write(`hindsight fix: left ${rel(file)} alone: ${visible(content.reason)}\n`);
        // What lint would say of it stays: a binary or unreadable file is an error left unfixed.
        const findings = read.ok
          ? lintBytes(read.bytes, options).findings
          : unreadFinding(read, options);
        errorsLeft += findings.filter((f) => f.severity === 'error').length;
        continue;
      }
      const outcome = fixText(content.text, options, rules);
      if (outcome.refused) {
        io.stderr.write(`hindsight fix: left ${rel(file)} alone: ${visible(outcome.refused)}\n`);
        errorsLeft += outcome.remaining.filter((f) => f.severity === 'error').length;
        continue;
      }
      errorsLeft += outcome.remaining.filter((f) => f.severity === 'error').length;
      if (outcome.unsettled)
        io.stderr.write(
          `hindsight fix: ${rel(file)}: fixes were still offered after ${MAX_PASSES} passes; run fix again or edit by hand.\n`,
        );
      if (outcome.text === content.text) continue;
      fixedFiles++;
      fixes += outcome.applied.length;
      if (dryRun) {
        const name = path.relative(io.cwd, file) || file;
        const patch = createTwoFilesPatch(
          `a/${name}`,
          `b/${name}`,
          content.text,
          outcome.text,
          undefined,
          undefined,
          { context: 3 },
        );
        io.stdout.write(patch.replace(PATCH_CONTROL, (c) => visible(c)));
        continue;
      }
      const bytes = new TextEncoder().encode(outcome.text);
      const out = content.bom ? new Uint8Array([...BOM, ...bytes]) : bytes;
      // The file may have been saved by an editor while it was being fixed: then it is left alone.
      const again = await readPostmortemBytes(file);
      if (!again.ok || !sameBytes(again.bytes, read.ok ? read.bytes : new Uint8Array())) {
        io.stderr.write(
          `hindsight fix: left ${rel(file)} alone: it changed while it was being fixed.\n`,
        );
        failed++;
        continue;
      }
      try {
        await writeAtomically(file, out);
      } catch (error) {
        io.stderr.write(
          `hindsight fix: could not write ${rel(file)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}; it is unchanged.\n`,
        );
        failed++;
        continue;
      }
      io.stdout.write(
        `${rel(file)}: ${[...new Set(outcome.applied.map((a) => a.title))].map(visible).join('; ')}\n`,
      );
    }
    const verb = dryRun ? 'Would apply' : 'Applied';
    io.stdout.write(
      `${dryRun && fixedFiles ? '\n' : ''}${verb} ${fixes} ${fixes === 1 ? 'fix' : 'fixes'} in ${plural(fixedFiles, 'file')} of ${files.length}; ${plural(errorsLeft, 'error')} left without an automatic fix.\n`,
    );
    return failed > 0 || errorsLeft > 0 ? 1 : 0;
  },
};
