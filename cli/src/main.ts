import { parseArgs } from 'node:util';
import { actionsCommand } from './commands/actions';
import { fixCommand } from './commands/fix';
import { importCommand } from './commands/import';
import { lintCommand } from './commands/lint';
import { newCommand } from './commands/new';
import { statsCommand } from './commands/stats';
import { UsageError } from '@hindsight/node';
import { guarded, visible, visibleLines } from './escape';

/** Where a command writes and what it takes as "now"; the real process by default. */
export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  cwd: string;
  /** The environment (GITHUB_ACTIONS); process.env by default. */
  env?: NodeJS.ProcessEnv;
  /**
   * Set by run: stdout without the guard that keeps lines from starting a GitHub workflow command,
   * for `hindsight lint --format github` alone.
   */
  rawStdout?: NodeJS.WritableStream;
}

export interface Command {
  name: string;
  summary: string;
  help: string;
  options: NonNullable<Parameters<typeof parseArgs>[0]>['options'];
  run(
    args: {
      values: Record<string, string | boolean | string[] | undefined>;
      positionals: string[];
    },
    io: Io,
  ): Promise<number>;
}

const COMMANDS: Command[] = [
  lintCommand,
  fixCommand,
  actionsCommand,
  newCommand,
  statsCommand,
  importCommand,
];

export const EXIT_CODES = `Exit codes:
  0  success (lint: no errors; warnings alone do not fail)
  1  lint found errors; fix left errors it could not fix, or a file it could not write;
     new refused to overwrite an existing file
  2  usage or configuration problem (unknown option, missing path, invalid hindsight.json,
     a --config that is a folder, a FIFO or a device)`;

const MAIN_HELP = `hindsight: validate incident postmortems and report on them

Usage: hindsight <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(8)} ${c.summary}`).join('\n')}

Run 'hindsight <command> --help' for a command's options.

Common options:
  --config FILE   use this hindsight.json (default: found upward from the current folder)
  --today DATE    treat DATE (YYYY-MM-DD) as today when deciding what is overdue
  -h, --help      show help

${EXIT_CODES}
`;

const COMMON = {
  config: { type: 'string' },
  today: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Runs the hindsight command line and resolves to its exit code. Never throws. */
export async function run(
  argv: string[],
  given: Io = { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() },
): Promise<number> {
  // Nothing printed may start a workflow command; values are escaped where they are printed.
  const io: Io = {
    ...given,
    stdout: guarded(given.stdout),
    stderr: guarded(given.stderr),
    rawStdout: given.stdout,
  };
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(MAIN_HELP);
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write('hindsight 0.1.0\n');
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(
      `hindsight: unknown command '${visible(name)}'; expected one of ${COMMANDS.map((c) => c.name).join(', ')}.\n`,
    );
    return 2;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      options: { ...COMMON, ...command.options },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    io.stderr.write(
      `hindsight ${name}: ${visibleLines((e as Error).message)}\nRun 'hindsight ${name} --help' for usage.\n`,
    );
    return 2;
  }
  if (parsed.values.help) {
    io.stdout.write(`${command.help}\n${EXIT_CODES}\n`);
    return 0;
  }
  const today = parsed.values.today;
  if (typeof today === 'string' && !/^\d{4}-\d{2}-\d{2}$/.test(today)) {
    io.stderr.write(`hindsight ${name}: --today is '${visible(today)}'; expected YYYY-MM-DD.\n`);
    return 2;
  }
  try {
    return await command.run(parsed as never, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`hindsight ${name}: ${visibleLines(e.message)}\n`);
      return 2;
    }
    io.stderr.write(
      `hindsight ${name}: unexpected failure: ${visibleLines((e as Error).message)}\nPlease report this with the file that caused it.\n`,
    );
    return 2;
  }
}

/** Reads an option that must be one of a few words. */
export function oneOf<T extends string>(
  value: unknown,
  allowed: readonly T[],
  option: string,
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value))
    return value as T;
  throw new UsageError(`${option} is '${visible(String(value))}'; expected ${allowed.join(', ')}.`);
}
