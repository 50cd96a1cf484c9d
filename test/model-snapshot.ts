import { lintPostmortem, type Postmortem } from '@hindsight/core';

/**
 * Every field of a postmortem model as plain data, found by walking the object rather than by a
 * list of chosen fields: a field added to the model tomorrow is compared by the oracle tests the
 * day it is added. Getters (the lazily parsed tree, a section's children) are read like fields.
 * Class instances are reduced to what they mean: a LineIndex to the line starts of its text, the
 * positioned YAML document to its text.
 */
export function modelSnapshot(pm: Postmortem, today: string): unknown {
  const seen = new WeakSet<object>();
  const plain = (value: unknown): unknown => {
    if (value === null || typeof value !== 'object') return value;
    if (seen.has(value)) return '[seen]';
    seen.add(value);
    if (Array.isArray(value)) return value.map(plain);
    const ctor = (value as object).constructor?.name;
    if (ctor === 'LineIndex') {
      const lines = value as Postmortem['lines'];
      return {
        lineCount: lines.lineCount,
        starts: Array.from({ length: lines.lineCount }, (_, i) => lines.lineStart(i + 1)),
      };
    }
    if (ctor === 'Document') {
      const doc = value as {
        errors: { message: string }[];
        warnings: { message: string }[];
        range: unknown;
        contents: unknown;
      };
      return {
        errors: doc.errors.map((e) => e.message),
        warnings: doc.warnings.map((w) => w.message),
        range: doc.range,
        contents: JSON.stringify(doc.contents),
      };
    }
    const out: Record<string, unknown> = {};
    // A class's getters (a section read by lines finds its nodes on demand) are fields too.
    const keys = new Set(Object.keys(value));
    for (
      let p = Object.getPrototypeOf(value);
      p && p !== Object.prototype;
      p = Object.getPrototypeOf(p)
    )
      for (const [key, d] of Object.entries(Object.getOwnPropertyDescriptors(p)))
        if (d.get && key !== '__proto__') keys.add(key);
    for (const key of [...keys].sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = plain(v);
    }
    return out;
  };
  return { model: plain(pm), findings: plain(lintPostmortem(pm, { today }).findings) };
}

/**
 * Whether a property is read through a getter (worked out when first asked for), whether the getter
 * is the object's own or its class's.
 */
export function readLazily(value: object, key: string): boolean {
  for (let p: object | null = value; p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    const d = Object.getOwnPropertyDescriptor(p, key);
    if (d) return d.get !== undefined;
  }
  return false;
}
