import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildSearchIndex,
  createSearchEngine,
  defaultConfig,
  parsePostmortem,
  searchDocument,
  type SearchDocument,
  type SearchEngine,
} from '@hindsight/core';

export const repo = process.env.HINDSIGHT_REPO ?? fileURLToPath(new URL('..', import.meta.url));

/** The search documents of every Markdown file of a folder, identified by repository-relative path. */
export function folderDocuments(folder: string): SearchDocument[] {
  const dir = path.resolve(repo, folder);
  return readdirSync(dir)
    .filter((f) => /\.(md|markdown)$/i.test(f) && f !== 'README.md')
    .sort()
    .map((f) => {
      const text = readFileSync(path.join(dir, f), 'utf8');
      const pm = parsePostmortem(text, { config: defaultConfig, today: '2026-11-30' });
      return searchDocument(
        pm,
        path.relative(repo, path.join(dir, f)).split(path.sep).join('/'),
        defaultConfig,
      );
    });
}

/** One relevance query of test/fixtures/search/queries.json. */
export interface RelevanceQuery {
  query: string;
  /** Documents (repository-relative paths) that must be in the top 5. */
  expect: string[];
  /** Documents that must not be in the top 5. */
  reject?: string[];
  /** The same query with one typo. */
  typo: string;
}

/** An in-memory engine over folders of postmortems. */
export function engineOver(folders: string[]): {
  engine: SearchEngine;
  ids: (q: string) => string[];
} {
  const engine = createSearchEngine(buildSearchIndex(folders.flatMap(folderDocuments)));
  const ids = (q: string) => {
    const r = engine.searchSync(q);
    return engine.documentsSync(r.hits.map((h) => h.doc)).map((d) => d.id);
  };
  return { engine, ids };
}
