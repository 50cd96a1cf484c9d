import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CORE = fileURLToPath(new URL('../core/src/', import.meta.url));
const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(path.join(dir, f)).isDirectory() ? files(path.join(dir, f)) : [path.join(dir, f)]));

describe('the core stays pure', () => {
  it('imports neither vscode nor any Node I/O module', () => {
    const offenders = files(CORE)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) =>
        [...readFileSync(f, 'utf8').matchAll(/^\s*import[^'"]*['"]([^'"]+)['"]/gm)]
          .map((m) => m[1]!)
          .filter((spec) => spec === 'vscode' || spec.startsWith('node:') || ['fs', 'path', 'child_process', 'os', 'http', 'https', 'net'].includes(spec))
          .map((spec) => `${path.relative(CORE, f)} imports ${spec}`),
      );
    expect(offenders).toEqual([]);
  });
});
