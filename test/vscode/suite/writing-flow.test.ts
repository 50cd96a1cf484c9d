import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { KNOWN_FIELDS } from '@hindsight/core';
import {
  api,
  closeAll,
  diagnosticsFor,
  discard,
  driver,
  open,
  poll,
  read,
  rule,
  settled,
  shown,
  workspaceUri,
  write,
} from './helpers';

// What a writer sees and does in the workbench: keys typed into the page, menus and widgets read
// from it (through the driver of code-shim.mjs), files as they end up on disk.

const SUGGEST_ROWS = '.editor-widget.suggest-widget.visible .monaco-list-row';
const FOCUSED_SUGGESTION = '.editor-widget.suggest-widget.visible .monaco-list-row.focused';
const pad = (n: number) => String(n).padStart(2, '0');
const utcClock = (d: Date) => `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
const localClock = (d: Date) => `${pad(d.getHours())}:${pad(d.getMinutes())}`;
const localOffset = (d: Date) => {
  const minutes = -d.getTimezoneOffset();
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
};

/** Opens `uri` with the cursor at `position` and the keyboard focus in the editor. */
async function focusAt(uri: vscode.Uri, position: vscode.Position): Promise<vscode.TextEditor> {
  const editor = await open(uri);
  editor.selection = new vscode.Selection(position, position);
  await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
  return editor;
}

/** Ctrl+Space, waits for the suggestion list to focus a row that holds `label`, then Enter. */
async function suggestAndAccept(label: string): Promise<void> {
  await driver('press', { key: 'Control+Space' });
  await shown(`the suggestion ${label} focused`, FOCUSED_SUGGESTION, (t) =>
    t.some((x) => x.startsWith(label)),
  );
  await driver('press', { key: 'Enter' });
}

const FRONT = (extra = '') => `---
title: Writing flow
date: 2024-04-01
status: draft
severity: SEV3
root_cause: unknown
services: [api]
${extra}
---

# Writing flow
`;

describe('writing flow in the workbench', () => {
  before(api);
  afterEach(async () => {
    await driver('press', { key: 'Escape' });
  });

  it('offers to turn on suggestions as you type, and then typing "postmortem" suggests the template', async () => {
    const markdown = () => vscode.workspace.getConfiguration('editor', { languageId: 'markdown' });
    const other = () =>
      (markdown().get<unknown>('quickSuggestions') as Record<string, unknown> | undefined)?.other;
    assert.notEqual(other(), 'on', 'Markdown starts with suggestions as you type off');
    const uri = workspaceUri('postmortems', 'typing-postmortem.md');
    await write(uri, '');
    try {
      // Opening a postmortem makes the offer (the first time; earlier suites may have opened one).
      await open(workspaceUri('postmortems', '2024-03-05-checkout-pool.md'));
      // The notification centre lists it (also once its toast has gone); it opens once there is something in it.
      await poll(
        'the offer to turn suggestions on',
        async () => {
          await vscode.commands.executeCommand('notifications.showList');
          const texts = await driver<string[]>('texts', {
            selector: '.notifications-list-container .notification-list-item-message',
          });
          return texts.some((x) => x.includes('Turn them on for Markdown in this workspace?'));
        },
        60_000,
      );
      await driver('click', {
        selector: '.notifications-list-container .monaco-button',
        text: 'Turn On',
      });
      await poll('suggestions as you type on for Markdown', () => other() === 'on');
      await vscode.commands.executeCommand('notifications.hideList');

      const editor = await focusAt(uri, new vscode.Position(0, 0));
      await driver('type', { text: 'postmortem' });
      const rows = await shown('the template suggested while typing', SUGGEST_ROWS, (t) =>
        t.some((x) => x.includes('Postmortem template')),
      );
      assert.ok(rows[0]!.startsWith('postmortem'), `first suggestion: ${rows[0]}`);
      await driver('press', { key: 'Enter' });
      await poll('the template inserted', () =>
        editor.document.getText().startsWith('---\ntitle: '),
      );
      assert.match(editor.document.getText(), /\n## Summary\n/);
    } finally {
      await markdown().update(
        'quickSuggestions',
        undefined,
        vscode.ConfigurationTarget.Workspace,
        true,
      );
      await discard(uri);
    }
  });

  it('refuses a taken title at the first prompt of New Postmortem', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const taken = workspaceUri('postmortems', `${today}-taken-title.md`);
    await write(taken, 'my own words');
    try {
      const result = vscode.commands.executeCommand('hindsight.newPostmortem');
      await shown('the title prompt', '.quick-input-widget .quick-input-title', (t) =>
        t.some((x) => x.includes('New Postmortem (1/3)')),
      );
      await driver('type', { text: 'Taken title' });
      await shown('the taken title refused', '.quick-input-widget .quick-input-message', (t) =>
        t.some((x) => x.includes(`${today}-taken-title.md already exists`)),
      );
      // Enter does not move on to the severity: the prompt stays at 1/3.
      await driver('press', { key: 'Enter' });
      const title = await driver<string[]>('texts', {
        selector: '.quick-input-widget .quick-input-title',
      });
      assert.ok(
        title.some((x) => x.includes('(1/3)')),
        JSON.stringify(title),
      );
      await driver('press', { key: 'Escape' });
      assert.equal(await result, undefined);
      assert.equal(await read(taken), 'my own words');
    } finally {
      await vscode.workspace.fs.delete(taken);
    }
  });

  it('picks deploy for "dep" + Enter in a root-cause value', async () => {
    const uri = workspaceUri('postmortems', '2024-04-01-dep-enter.md');
    await write(uri, FRONT().replace('root_cause: unknown', 'root_cause: '));
    try {
      const editor = await focusAt(uri, new vscode.Position(5, 'root_cause: '.length));
      await driver('type', { text: 'dep' });
      await suggestAndAccept('deploy');
      await poll('the value accepted', () => editor.document.lineAt(5).text !== 'root_cause: dep');
      assert.equal(editor.document.lineAt(5).text, 'root_cause: deploy');
    } finally {
      await discard(uri);
    }
  });

  it('completes a time field with the current UTC time', async () => {
    assert.notEqual(new Date().getTimezoneOffset(), 0, 'the extension host is not in UTC');
    const uri = workspaceUri('postmortems', '2024-04-01-time-field.md');
    await write(uri, FRONT(''));
    try {
      const editor = await focusAt(uri, new vscode.Position(7, 0));
      const before = new Date();
      await driver('type', { text: 'star' });
      await suggestAndAccept('started');
      await poll('the field inserted', () => editor.document.lineAt(7).text.startsWith('started:'));
      const after = new Date();
      const m = /^started: (\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}):00Z$/.exec(
        editor.document.lineAt(7).text,
      );
      assert.ok(m, editor.document.lineAt(7).text);
      assert.ok(
        [before, after].some((d) => d.toISOString().slice(0, 10) === m[1] && utcClock(d) === m[2]),
        `${m[1]}T${m[2]} is the UTC time (${before.toISOString()}), not local time`,
      );
    } finally {
      await discard(uri);
    }
  });

  it('writes tl in UTC by default, and in local time labelled with its offset with hindsight.timeZone: local', async () => {
    // run.mjs starts VS Code with TZ=America/Los_Angeles.
    assert.notEqual(new Date().getTimezoneOffset(), 0, 'the extension host is not in UTC');
    const uri = workspaceUri('postmortems', '2024-04-01-tl.md');
    const config = vscode.workspace.getConfiguration('hindsight');
    const timeline = async (expectClock: (d: Date) => string, label: string) => {
      const text = FRONT() + '\n## Timeline\n\n';
      await write(uri, text);
      // An open document follows the file on disk a moment later.
      const document = await vscode.workspace.openTextDocument(uri);
      await poll('the document read again', () => document.getText() === text);
      const editor = await focusAt(uri, new vscode.Position(14, 0));
      const before = new Date();
      await driver('type', { text: 'tl' });
      await suggestAndAccept('tl');
      await poll('the entry inserted', () => editor.document.lineAt(14).text.startsWith('- '));
      const after = new Date();
      const line = editor.document.lineAt(14).text;
      assert.ok(
        [before, after].some((d) => line === `- ${expectClock(d)} ${label} What happened`),
        `${line}: expected ${expectClock(before)} ${label}`,
      );
      await vscode.commands.executeCommand('workbench.action.files.revert');
    };
    try {
      await timeline(utcClock, 'UTC');
      await config.update('timeZone', 'local', vscode.ConfigurationTarget.Workspace);
      // Wait until the extension has read the setting: its tl completion carries the offset.
      await write(uri, 'tl');
      const probe = await vscode.workspace.openTextDocument(uri);
      await poll('the probe read', () => probe.getText() === 'tl');
      await poll('tl offered in local time', async () => {
        const list = await vscode.commands.executeCommand<vscode.CompletionList>(
          'vscode.executeCompletionItemProvider',
          probe.uri,
          new vscode.Position(0, 2),
        );
        return list.items.some(
          (i) =>
            i.detail === 'Timeline entry' &&
            (i.insertText as vscode.SnippetString).value.includes(localOffset(new Date())),
        );
      });
      await timeline(localClock, localOffset(new Date()));
    } finally {
      await config.update('timeZone', undefined, vscode.ConfigurationTarget.Workspace);
      await discard(uri);
    }
  });

  it('fixes the fixable findings on save with editor.codeActionsOnSave', async () => {
    const uri = workspaceUri('postmortems', '2024-07-01-on-save.md');
    const markdown = vscode.workspace.getConfiguration('editor', { languageId: 'markdown' });
    await write(
      uri,
      FRONT('')
        .replace('severity: SEV3', 'severity: sev-2')
        .replace('status: draft', 'status: drafted') +
        '\n## Timeline\n\n- 10:00 Flush starts.\n- 10:12 Errors stop.\n- 10:02 Alert fires.\n',
    );
    try {
      await markdown.update(
        'codeActionsOnSave',
        { 'source.fixAll.hindsight': 'explicit' },
        vscode.ConfigurationTarget.Workspace,
        true,
      );
      const editor = await open(uri);
      await diagnosticsFor(uri, 'the findings', (d) =>
        ['severity-level', 'timeline-order', 'field-value'].every((r) =>
          d.some((x) => rule(x) === r),
        ),
      );
      await editor.edit((b) => b.insert(new vscode.Position(11, 0), 'Edited.\n'));
      await vscode.commands.executeCommand('workbench.action.files.save');
      await poll('the file saved', () => !editor.document.isDirty, 60_000);
      const saved = await read(uri);
      assert.match(saved, /\nseverity: SEV2\n/);
      assert.match(saved, /\nstatus: draft\n/);
      assert.match(saved, /- 10:00 Flush starts\.\n- 10:02 Alert fires\.\n- 10:12 Errors stop\.\n/);
      assert.match(saved, /\nEdited\.\n/);
      await diagnosticsFor(
        uri,
        'the fixed findings gone',
        (d) =>
          !d.some((x) => ['severity-level', 'timeline-order', 'field-value'].includes(rule(x))),
      );
    } finally {
      await markdown.update(
        'codeActionsOnSave',
        undefined,
        vscode.ConfigurationTarget.Workspace,
        true,
      );
      await discard(uri);
    }
  });

  it("opens a finding's rule link at the rule's section of the rule reference", async () => {
    const uri = workspaceUri('postmortems', '2024-05-02-search-latency.md');
    await open(uri);
    const ds = await diagnosticsFor(uri, 'the severity finding', (d) =>
      d.some((x) => rule(x) === 'severity-level'),
    );
    const code = ds.find((d) => rule(d) === 'severity-level')!.code;
    assert.ok(typeof code === 'object', 'the code is a link');
    // What a click on the link in the Problems panel or the hover does: the opener opens its target.
    await vscode.commands.executeCommand('vscode.open', code.target);
    const editor = await poll('the rule reference open', () => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.path.endsWith('/docs/rules.md') ? e : undefined;
    });
    const heading = editor.document.getText().split(/\r?\n/).indexOf('## severity-level');
    assert.ok(heading > 0);
    await poll('the cursor at the rule section', () => editor.selection.start.line === heading);
    assert.ok(
      editor.visibleRanges.some((r) => r.contains(new vscode.Position(heading, 0))),
      'the section is on screen',
    );
    await closeAll();
  });

  it('shows the current grouping with a check mark in the Action Items menu', async () => {
    const { actionItems } = await api();
    await settled();
    await vscode.commands.executeCommand('hindsight.actionItems.focus');
    const openMenu = async () => {
      await driver('click', { selector: '.part.sidebar .action-label.codicon-toolbar-more' });
      const items = await shown('the view menu', '.monaco-menu .action-label', (t) =>
        t.some((x) => x.includes('Group by')),
      );
      await driver('press', { key: 'Escape' });
      return items.filter((x) => x.includes('Group by'));
    };
    // What a person sees opening the menu, once it shows `expected` (the workbench learns of a
    // change a round trip after the command; on a busy machine that can take a while): the
    // menu is opened again until it does, and the last one seen is compared.
    const menu = async (expected: string[]) => {
      const end = Date.now() + 120_000;
      for (;;) {
        const items = await openMenu();
        if (JSON.stringify(items) === JSON.stringify(expected) || Date.now() > end) return items;
        await new Promise((r) => setTimeout(r, 250));
      }
    };
    try {
      const byPostmortem = ['✓ Group by Postmortem', 'Group by Owner', 'Group by Status'];
      assert.deepEqual(await menu(byPostmortem), byPostmortem);
      await vscode.commands.executeCommand('hindsight.groupByOwner');
      assert.equal(actionItems.currentGrouping, 'owner');
      const byOwner = ['Group by Postmortem', '✓ Group by Owner', 'Group by Status'];
      assert.deepEqual(await menu(byOwner), byOwner);
    } finally {
      await actionItems.setGrouping('postmortem');
    }
  }).timeout(300_000);
});

describe('front-matter hovers and related outages', () => {
  before(api);
  afterEach(closeAll);

  const VALUES: Record<string, string> = {
    title: 'Every key',
    date: '2024-04-02',
    status: 'draft',
    severity: 'SEV3',
    root_cause: 'deploy',
    contributing: '[config-change]',
    trigger: 'a deploy',
    services: '[api]',
    authors: '[dana]',
    tags: '[hover]',
    started: '2024-04-02T10:00:00Z',
    detected: '2024-04-02T10:05:00Z',
    mitigated: '2024-04-02T10:30:00Z',
    resolved: '2024-04-02T11:00:00Z',
    impact: '{ users_affected: 10 }',
  };

  it('explains every front-matter key on hover, and says when resolved is missing', async () => {
    const uri = workspaceUri('postmortems', '2024-04-02-every-key.md');
    const keys = KNOWN_FIELDS.map(String);
    await write(
      uri,
      `---\n${keys.map((k) => `${k}: ${VALUES[k] ?? 'x'}`).join('\n')}\n---\n\n# Every key\n`,
    );
    const hoverText = async (line: number, character: number) =>
      (
        await vscode.commands.executeCommand<vscode.Hover[]>(
          'vscode.executeHoverProvider',
          uri,
          new vscode.Position(line, character),
        )
      )
        .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)))
        .join('\n');
    try {
      await open(uri);
      for (const [i, key] of keys.entries()) {
        const text = await hoverText(i + 1, 1);
        assert.match(text, new RegExp(`\\*\\*\`${key}\`\\*\\*`), `hover on ${key}`);
        assert.ok(text.length > key.length + 30, `a real explanation for ${key}: ${text}`);
      }
      assert.match(await hoverText(keys.indexOf('started') + 1, 1), /Duration \| 1 h/);
      await write(uri, (await read(uri)).replace(/\nresolved: .*/, ''));
      const doc = await vscode.workspace.openTextDocument(uri);
      await poll('resolved gone from the document', () => !doc.getText().includes('resolved:'));
      const started = doc
        .getText()
        .split('\n')
        .findIndex((l) => l.startsWith('started:'));
      assert.match(await hoverText(started, 1), /Duration \| — \(`resolved` is missing\)/);
    } finally {
      await discard(uri);
    }
  });
});

describe('related past outages and tracker keys, as shown', () => {
  before(api);
  afterEach(closeAll);

  it('lists only earlier related postmortems and opens the chosen one at its heading', async () => {
    const hindsight = await api();
    const earlier = workspaceUri('postmortems', '2024-03-05-checkout-pool.md');
    const source = await read(earlier);
    const copy = (date: string, title: string) =>
      source
        .replace('title: Checkout outage from an exhausted connection pool', `title: ${title}`)
        .replace('date: 2024-03-05', `date: ${date}`);
    const now = workspaceUri('postmortems', '2025-01-10-pool-again.md');
    const later = workspaceUri('postmortems', '2026-01-10-pool-once-more.md');
    await write(now, copy('2025-01-10', 'Pool exhausted again'));
    await write(later, copy('2026-01-10', 'Pool exhausted once more'));
    try {
      await hindsight.library.rescan();
      await open(now);
      const picked = vscode.commands.executeCommand('hindsight.showRelated', now);
      await shown('the related postmortems', '.quick-input-widget .quick-input-title', (t) =>
        t.some((x) => x.includes('Related past outages')),
      );
      const rows = await shown(
        'the related postmortems',
        '.quick-input-widget .quick-input-list .monaco-list-row',
        (t) => t.some((x) => x.includes('Checkout outage from an exhausted connection pool')),
      );
      // The later postmortem is not listed: it cannot have taught this one anything.
      assert.equal(rows.length, 1, JSON.stringify(rows));
      await driver('press', { key: 'Enter' });
      await picked;
      const editor = await poll('the earlier postmortem open', () => {
        const e = vscode.window.activeTextEditor;
        return e?.document.uri.toString() === earlier.toString() ? e : undefined;
      });
      const heading = editor.document.getText().split('\n').indexOf('## Summary');
      assert.ok(heading > 0);
      assert.equal(editor.selection.start.line, heading);
      assert.ok(editor.visibleRanges.some((r) => r.contains(new vscode.Position(heading, 0))));
    } finally {
      await closeAll();
      await vscode.workspace.fs.delete(now);
      await vscode.workspace.fs.delete(later);
      await hindsight.library.rescan();
    }
  });

  it('keeps a tracker key inside its parentheses in the Action Items view', async () => {
    const hindsight = await api();
    const uri = workspaceUri('postmortems', '2024-04-03-decision-record.md');
    await write(
      uri,
      `${FRONT()}\n## Action Items\n\n- [ ] Write the decision record (decision record KV-91) @dana due:2099-01-01 #process\n`,
    );
    try {
      await hindsight.library.rescan();
      await settled();
      const { actionItems } = hindsight;
      const group = actionItems
        .getChildren()
        .find((g) => String(actionItems.getTreeItem(g).label) === 'Writing flow');
      assert.ok(group, 'the postmortem is listed');
      const [item] = actionItems.getChildren(group);
      assert.equal(
        String(actionItems.getTreeItem(item!).label),
        'Write the decision record (decision record KV-91)',
      );
      await vscode.commands.executeCommand('hindsight.actionItems.focus');
      await shown('the item in the view', '.part.sidebar .monaco-list-row', (t) =>
        t.some((x) => x.includes('Write the decision record (decision record KV-91)')),
      );
    } finally {
      await vscode.workspace.fs.delete(uri);
      await hindsight.library.rescan();
    }
  });
});
