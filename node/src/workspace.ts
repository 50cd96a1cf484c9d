import { statSync } from 'node:fs';
import path from 'node:path';
// The narrow entries, not the package's index: the site's astro.config.mjs loads this through Vite,
// which transforms every module it imports, and needs only the configuration.
import { CONFIG_FILE, defaultConfig, parseConfig, type Config } from '@hindsight/core/config';
import { visible } from '@hindsight/core/printable';
import { readRegularFileSync } from './read';

/** Where the repository is and how it is configured. */
export interface Workspace {
  root: string;
  config: Config;
  /** The config file, when one was found. */
  configFile?: string;
}

/** A failure the user must fix before anything runs (the CLI exits 2). */
export class UsageError extends Error {}

/** A hindsight.json larger than this is not a configuration; it is not read. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/**
 * Finds the repository root (the nearest folder with hindsight.json, else with .git, else cwd)
 * and reads its configuration. Throws UsageError for a config that is missing (when named), not a
 * regular file, too large or invalid.
 */
export function loadWorkspace(cwd: string, explicitConfig?: string): Workspace {
  if (explicitConfig) {
    const file = path.resolve(cwd, explicitConfig);
    return { root: path.dirname(file), config: readConfig(file, explicitConfig), configFile: file };
  }
  let dir = path.resolve(cwd);
  let gitRoot: string | undefined;
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE);
    if (exists(candidate))
      return {
        root: dir,
        config: readConfig(candidate, path.relative(cwd, candidate) || candidate),
        configFile: candidate,
      };
    if (!gitRoot && exists(path.join(dir, '.git'))) gitRoot = dir;
    if (gitRoot) break;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return { root: gitRoot ?? path.resolve(cwd), config: defaultConfig };
}

function exists(file: string): boolean {
  return statSync(file, { throwIfNoEntry: false }) !== undefined;
}

function readConfig(file: string, name: string): Config {
  const shown = visible(name);
  const read = readRegularFileSync(file, MAX_CONFIG_BYTES);
  if (!read.ok) {
    if (read.reason === 'missing') throw new UsageError(`Config file not found: ${shown}`);
    if (read.reason === 'not-regular')
      throw new UsageError(
        `Config file ${shown} is ${read.kind}; expected a JSON file such as ${CONFIG_FILE}.`,
      );
    if (read.reason === 'too-large')
      throw new UsageError(
        `Config file ${shown} is over ${MAX_CONFIG_BYTES / 1024 / 1024} MB; expected a small JSON file such as ${CONFIG_FILE}.`,
      );
    throw new UsageError(`Config file ${shown} ${read.message.replace(/^File c/, 'c')}`);
  }
  const result = parseConfig(new TextDecoder().decode(read.bytes), path.basename(file));
  if (!result.ok) throw new UsageError(result.message);
  return result.config;
}
