import { readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Entry point VS Code calls in the extension host: runs every *.test.js beside this file with
 * mocha and ends with the line "N passed, N failed".
 */
export async function run(): Promise<void> {
  const { default: Mocha } = await import('mocha');
  // A test may wait minutes for what it checks on a starved machine (helpers.ts, WAIT_MS).
  const mocha = new Mocha({ ui: 'bdd', timeout: 600_000, color: false, reporter: 'spec' });
  const only = process.env.HINDSIGHT_VSCODE_GREP;
  if (only) mocha.grep(only);
  for (const file of readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort())
    mocha.addFile(path.join(__dirname, file));
  await mocha.loadFilesAsync();
  await new Promise<void>((resolve, reject) => {
    const runner = mocha.run((failures) => {
      console.log(`${runner.stats?.passes ?? 0} passed, ${failures} failed`);
      if (failures > 0) reject(new Error(`${failures} extension test(s) failed.`));
      else resolve();
    });
  });
}
