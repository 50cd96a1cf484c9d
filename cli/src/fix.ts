import { lintText, type Finding, type Fix, type LintOptions, type TextEdit } from '@hindsight/core';

/**
 * Passes of fix-and-lint at most. Fixes that conflict are applied in later passes, after linting
 * again; real files settle in two or three. The bound keeps fixes that undid each other from looping.
 */
export const MAX_PASSES = 25;

/** What fixing a text gave. */
export interface FixOutcome {
  text: string;
  /** The fixes applied, in order, with the rule that offered each. */
  applied: { rule: string; title: string }[];
  /** Findings left after the last pass. */
  remaining: Finding[];
  /** True when MAX_PASSES ran out while fixes were still offered. */
  unsettled: boolean;
  /** Why the text was not fixed at all: the reader refused it (file-readable), with its message. */
  refused?: string;
}

/**
 * Whether two edits conflict: overlapping ranges, or an insertion at the edge of a replacement.
 * Insertions at one point do not conflict: they are applied in the order of their findings (the
 * sections missing before 'Action Items' go in the configured order, in one pass).
 */
function conflict(a: TextEdit, b: TextEdit): boolean {
  const aInserts = a.start === a.end;
  const bInserts = b.start === b.end;
  if (aInserts && bInserts) return false;
  if (aInserts || bInserts) return a.start <= b.end && b.start <= a.end;
  return a.start < b.end && b.start < a.end;
}

/** Picks fixes whose edits touch no edit already picked, in the order of their findings. */
export function independentFixes(fixes: Fix[]): Fix[] {
  const picked: Fix[] = [];
  const edits: TextEdit[] = [];
  const seen = new Set<string>();
  for (const fix of fixes) {
    const key = JSON.stringify(fix.edits);
    if (seen.has(key)) continue;
    seen.add(key);
    if (fix.edits.some((e) => edits.some((p) => conflict(e, p)))) continue;
    // A fix whose own edits touch each other cannot be applied by offsets alone.
    if (fix.edits.some((e, i) => fix.edits.some((o, j) => j > i && conflict(e, o)))) continue;
    picked.push(fix);
    edits.push(...fix.edits);
  }
  return picked;
}

/**
 * Applies edits that do not conflict, from the end of the text back so offsets stay true; of
 * insertions at one point, the later one goes in first so the earlier one ends up before it.
 */
function applyEdits(text: string, edits: TextEdit[]): string {
  const order = edits.map((e, i) => ({ e, i })).sort((a, b) => b.e.start - a.e.start || b.i - a.i);
  let out = text;
  for (const { e } of order) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/**
 * Applies the fixes the rules attach to their findings (only those of `rules`, when given) and
 * lints again, until no fix is offered, nothing changes, or MAX_PASSES. Pure: text in, text out.
 */
export function fixText(
  text: string,
  options: LintOptions,
  rules?: ReadonlySet<string>,
): FixOutcome {
  const applied: FixOutcome['applied'] = [];
  let current = text;
  let previous: { text: string; findings: Finding[]; applied: number } | undefined;
  for (let pass = 0; ; pass++) {
    const { findings } = lintText(current, options);
    const refusal = findings.find((f) => f.rule === 'file-readable');
    // A text the reader refuses is never changed; a fix that led to a refusal is undone.
    if (refusal && !previous)
      return { text, applied, remaining: findings, unsettled: false, refused: refusal.message };
    if (refusal && previous)
      return {
        text: previous.text,
        applied: applied.slice(0, previous.applied),
        remaining: previous.findings,
        unsettled: false,
      };
    const offered = findings.filter(
      (f) => f.fix && f.fix.edits.length && (!rules || rules.has(f.rule)),
    );
    if (!offered.length) return { text: current, applied, remaining: findings, unsettled: false };
    if (pass === MAX_PASSES)
      return { text: current, applied, remaining: findings, unsettled: true };
    const picked = independentFixes(offered.map((f) => f.fix!));
    const next = applyEdits(
      current,
      picked.flatMap((f) => f.edits),
    );
    if (next === current) return { text: current, applied, remaining: findings, unsettled: false };
    previous = { text: current, findings, applied: applied.length };
    for (const fix of picked)
      applied.push({ rule: offered.find((f) => f.fix === fix)!.rule, title: fix.title });
    current = next;
  }
}
