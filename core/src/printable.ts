/**
 * Values shown to a person (on a terminal, in a log): every control character visible, so a file
 * name or a value from a postmortem cannot move the cursor, clear the screen or start a new line.
 */

/**
 * C0 controls (newlines and tabs included), DEL and C1 controls (together Unicode's Cc), and the
 * Unicode line and paragraph separators.
 */
const CONTROL = /[\p{Cc}\u2028\u2029]/gu;
const CONTROL_BUT_NEWLINE = /(?!\n)[\p{Cc}\u2028\u2029]/gu;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeOne(c: string): string {
  const code = c.charCodeAt(0);
  return (
    NAMED[c] ??
    (code > 0xff
      ? `\\u${code.toString(16).padStart(4, '0')}`
      : `\\x${code.toString(16).padStart(2, '0')}`)
  );
}

/** One value on one line: every control character and newline shown as `\n`, `\x1b`, `\u2028`. */
export function visible(value: string): string {
  return value.replace(CONTROL, escapeOne);
}

/** Text that may span lines (a config problem with its hint): control characters escaped, newlines kept. */
export function visibleLines(text: string): string {
  return text.replace(CONTROL_BUT_NEWLINE, escapeOne);
}
