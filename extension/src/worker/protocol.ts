import {
  IncrementalParser,
  lintPostmortem,
  parseActionOutline,
  parsePostmortem,
  rootCauseHint,
  type ActionItem,
  type Config,
  type Finding,
  type Meta,
  type RootCauseHint,
} from '@hindsight/core';

/**
 * A request to the lint worker: lint `text` (the document `key`), read its action outline or its
 * root-cause hint, or forget a closed document.
 */
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
  | { type: 'outline'; id: number; text: string; config: Config; today?: string }
  | { type: 'hint'; id: number; text: string; config: Config }
  | { type: 'forget'; key: string };

/** A request that gets a reply. */
export type WorkerJob = Exclude<LintRequest, { type: 'forget' }>;

/** What the views need of a file (parseActionOutline), with each action item's line (1-based). */
export interface OutlineData {
  meta: Meta;
  title?: string;
  actions: (ActionItem & { line: number })[];
}

export type LintReply = {
  id: number;
  findings?: Finding[];
  outline?: OutlineData;
  /** The root-cause hint; null when there is none. */
  hint?: RootCauseHint | null;
  error?: string;
};

/**
 * The worker's side: one incremental parser per document (an edit re-parses only the section it
 * touches), reset when the configuration changes; outlines and hints are read from scratch. Pure:
 * runs in a worker thread, a web worker or, as a last resort, on the extension host itself.
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
      if (request.type === 'outline') {
        const pm = parseActionOutline(request.text, {
          config: request.config,
          today: request.today,
        });
        const actions = pm.actions.map((a) => ({ ...a, line: pm.lines.position(a.start).line }));
        return { id: request.id, outline: { meta: pm.meta, title: pm.title, actions } };
      }
      if (request.type === 'hint') {
        const pm = parsePostmortem(request.text, { config: request.config });
        return { id: request.id, hint: rootCauseHint(pm, request.config) ?? null };
      }
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
      if (request.type === 'lint') parsers.delete(request.key);
      return { id: request.id, error: e instanceof Error ? e.message : String(e) };
    }
  };
}
