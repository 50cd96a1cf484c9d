/**
 * Escapes for what the CLI prints. A file name or a value from a postmortem may hold any character;
 * printed raw, an escape sequence clears the screen or sets the title, and a newline forges a lint
 * line or a GitHub workflow command (`::error`, `::add-mask::`). Text formats show such characters
 * as visible escapes instead, and no printed line may start a workflow command.
 */

export { visible, visibleLines } from '@hindsight/core';

/**
 * Lines GitHub's runner reads as workflow commands: `::command …` and the older `##[command]`,
 * after any leading white space.
 */
const COMMAND_START = /^([ \t]*)(::|##\[)/gm;

/** Escapes the first character of any line that would start a workflow command (`:` as `\x3a`). */
export function guardLines(text: string): string {
  return text.replace(
    COMMAND_START,
    (_m, space: string, start: string) => `${space}${start === '::' ? '\\x3a:' : '\\x23#['}`,
  );
}

/** A stream that guards every line written to it (each write holds whole lines). */
export function guarded<T extends NodeJS.WritableStream>(stream: T): T {
  return new Proxy(stream, {
    get(target, key, receiver) {
      if (key === 'write') {
        return (chunk: unknown, ...rest: unknown[]) =>
          (target.write as (...a: unknown[]) => boolean)(
            typeof chunk === 'string' ? guardLines(chunk) : chunk,
            ...rest,
          );
      }
      const value = Reflect.get(target, key, receiver) as unknown;
      return typeof value === 'function'
        ? (value as (...a: unknown[]) => unknown).bind(target)
        : value;
    },
  });
}

/** A value in a GitHub workflow command's message (documented: `%`, CR and LF escaped). */
export function githubData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A value in a GitHub workflow command's property, where `:` and `,` separate too. */
export function githubProperty(value: string): string {
  return githubData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * JSON text with DEL, C1 controls and the line separators written as \u escapes too (JSON.stringify
 * escapes only C0): the same data, safe to print on a terminal.
 */
export function safeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    /[\u007f-\u009f\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
