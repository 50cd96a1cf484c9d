import { IncrementalParser, lintPostmortem, type Config, type Finding } from '@hindsight/core';

/** A request to the lint worker: lint `text` (the document `key`), or forget a closed document. */
export type LintRequest =
  | {
      type: 'lint';
      id: number;
      key: string;
      text: string;
      config: Config;
      configVersion: number;
      today: string;
    }
  | { type: 'forget'; key: string };
export type LintReply = { id: number; findings?: Finding[]; error?: string };

/**
 * The worker's side: one incremental parser per document (an edit re-parses only the section it
 * touches), reset when the configuration changes. Pure: runs in a worker thread, a web worker or,
 * as a last resort, on the extension host itself.
 */
export function createLintHandler(): (request: LintRequest) => LintReply | undefined {
  const parsers = new Map<string, IncrementalParser>();
  let configVersion = -1;
  return (request) => {
    if (request.type === 'forget') {
      parsers.delete(request.key);
      return undefined;
    }
    try {
      if (request.configVersion !== configVersion) {
        parsers.clear();
        configVersion = request.configVersion;
      }
      let parser = parsers.get(request.key);
      if (!parser)
        parsers.set(request.key, (parser = new IncrementalParser({ config: request.config })));
      const findings = lintPostmortem(parser.parse(request.text), {
        config: request.config,
        today: request.today,
      }).findings;
      return { id: request.id, findings };
    } catch (e) {
      parsers.delete(request.key);
      return { id: request.id, error: e instanceof Error ? e.message : String(e) };
    }
  };
}
