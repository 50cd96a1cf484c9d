import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const manifest = JSON.parse(
  readFileSync(new URL('../extension/package.json', import.meta.url), 'utf8'),
);

describe('the extension manifest', () => {
  it('declares full support for untrusted workspaces, since it runs no workspace code', () => {
    expect(manifest.capabilities.untrustedWorkspaces).toEqual({
      supported: true,
      description: expect.stringContaining('never runs code from the workspace'),
    });
  });

  it('has what the Marketplace shows: name, display name, description, categories, icon, repository', () => {
    for (const key of [
      'name',
      'displayName',
      'description',
      'categories',
      'icon',
      'repository',
      'publisher',
      'engines',
    ])
      expect(manifest[key], key).toBeTruthy();
  });

  it('hides internal commands from the palette and gates the toggle to its view', () => {
    const palette = manifest.contributes.menus.commandPalette as {
      command: string;
      when: string;
    }[];
    expect(palette.find((m) => m.command === 'hindsight.toggleActionItem')?.when).toBe('false');
    expect(palette.find((m) => m.command === 'hindsight.openActionItem')?.when).toBe('false');
    const context = manifest.contributes.menus['view/item/context'] as { when: string }[];
    expect(context.every((m) => m.when.includes('view == hindsight.actionItems'))).toBe(true);
  });

  it('activates only for Markdown or a workspace with postmortems', () => {
    expect(manifest.activationEvents).toEqual([
      'onLanguage:markdown',
      'workspaceContains:hindsight.json',
      'workspaceContains:postmortems/**/*.md',
    ]);
  });

  it('has a browser entry for VS Code for the Web, shipped in the package beside the Node entry and both lint workers', () => {
    expect(manifest.browser).toBe('./dist/web/extension.js');
    expect(manifest.main).toBe('./dist/extension.js');
    const shipped = readFileSync(
      new URL('../extension/.vscodeignore', import.meta.url),
      'utf8',
    ).split('\n');
    for (const file of [
      'dist/extension.js',
      'dist/lint-worker.js',
      'dist/web/extension.js',
      'dist/web/lint-worker.js',
    ])
      expect(shipped).toContain(`!${file}`);
  });

  it('declares the quiet-default settings and the fix-all command', () => {
    const props = manifest.contributes.configuration.properties;
    expect(props['hindsight.statusBar']).toMatchObject({
      enum: ['all', 'mine', 'off'],
      default: 'all',
    });
    expect(props['hindsight.overdueMonths'].default).toBe(6);
    expect(props['hindsight.defaultDueDays'].default).toBe(14);
    expect(props['hindsight.timeZone']).toMatchObject({ enum: ['utc', 'local'], default: 'utc' });
    expect(manifest.contributes.commands.map((c: { command: string }) => c.command)).toEqual(
      expect.arrayContaining([
        'hindsight.fixAll',
        'hindsight.filter.hideDone',
        'hindsight.filter.onlyMine',
        'hindsight.filter.overdueOnly',
      ]),
    );
  });
});
