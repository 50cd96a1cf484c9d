import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const manifest = JSON.parse(readFileSync(new URL('../extension/package.json', import.meta.url), 'utf8'));

describe('the extension manifest', () => {
  it('declares full support for untrusted workspaces, since it runs no workspace code', () => {
    expect(manifest.capabilities.untrustedWorkspaces).toEqual({ supported: true, description: expect.stringContaining('never runs code from the workspace') });
  });

  it('has what the Marketplace shows: name, display name, description, categories, icon, repository', () => {
    for (const key of ['name', 'displayName', 'description', 'categories', 'icon', 'repository', 'publisher', 'engines']) expect(manifest[key], key).toBeTruthy();
  });

  it('hides internal commands from the palette and gates the toggle to its view', () => {
    const palette = manifest.contributes.menus.commandPalette as { command: string; when: string }[];
    expect(palette.find((m) => m.command === 'hindsight.toggleActionItem')?.when).toBe('false');
    expect(palette.find((m) => m.command === 'hindsight.openActionItem')?.when).toBe('false');
    const context = manifest.contributes.menus['view/item/context'] as { when: string }[];
    expect(context.every((m) => m.when.includes('view == hindsight.actionItems'))).toBe(true);
  });

  it('activates only for Markdown or a workspace with postmortems', () => {
    expect(manifest.activationEvents).toEqual(['onLanguage:markdown', 'workspaceContains:hindsight.json', 'workspaceContains:postmortems/**/*.md']);
  });
});
