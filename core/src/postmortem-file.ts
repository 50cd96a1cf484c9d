import type { Config } from './config';

/** Markdown file names: `.md` and `.markdown`, any case. */
const MARKDOWN = /\.(md|markdown)$/i;
/**
 * Template names are never postmortems, whatever the config says: `template.md`,
 * `postmortem-template.md`, `PM-yyyy-nnn Postmortem Template.md`, in any case.
 */
const TEMPLATE = /(^|[\s._-])template\.(md|markdown)$/i;

/** Folder names never searched for postmortems: hidden ones, `_drafts`-like ones and node_modules. */
export function isSkippedFolder(name: string): boolean {
  return name.startsWith('.') || name.startsWith('_') || name === 'node_modules';
}

/**
 * Whether a file found by searching a folder is a postmortem. `relativePath` is the file's path
 * from the folder searched (the postmortems folder, or a folder named on the command line), with `/`
 * or `\` between names. A file is a postmortem when it is Markdown, no folder on its path is skipped
 * (see isSkippedFolder), its name does not start with `.` or `_`, it is not a template, and its name
 * is not in `config.ignore` (compared without regard to case, so `readme.md` is ignored like
 * `README.md`). Pure: it looks at the name only.
 */
export function isPostmortemFile(relativePath: string, config: Pick<Config, 'ignore'>): boolean {
  const parts = relativePath.split(/[\\/]/).filter((p) => p !== '' && p !== '.');
  const name = parts.pop();
  if (!name || parts.some((p) => p === '..' || isSkippedFolder(p))) return false;
  if (!MARKDOWN.test(name) || name.startsWith('.') || name.startsWith('_') || TEMPLATE.test(name))
    return false;
  const lower = name.toLowerCase();
  return !config.ignore.some((ignored) => ignored.toLowerCase() === lower);
}
