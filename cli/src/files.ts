// Files from disk for the CLI's commands: the node-side package's reading, and the CLI's own
// threaded lint. Commands may import either from here or from @hindsight/node directly.
export {
  collectFiles,
  lintBatch,
  lintFile,
  loadWorkspace,
  UsageError,
  type LintedFile,
  type Workspace,
} from '@hindsight/node';
export { lintFiles } from './lint-files';
