// Types of bench/generate.mjs, for tests that read its generated postmortems.
/** A seeded pseudo-random number generator (mulberry32): numbers in [0, 1). */
export function rng(seed: number): () => number;
/** The `i`th postmortem of a generated library (`markup`: links in list items, escapes in titles). */
export function postmortem(r: () => number, i: number, markup?: boolean): string;
export function longPostmortem(markup?: boolean): string;
export function generate(count: number, markup?: boolean): { dir: string; bytes: number };
