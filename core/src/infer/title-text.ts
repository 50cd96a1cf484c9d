import { findDates } from './dates';

/*
 * Title text: what a heading or a sentence says once the words that only name the kind of
 * document are gone ("Postmortem: ", "[RESOLVED]", " - Incident report"), and a title made from
 * a summary's first sentence. Pure string functions; infer-title.ts decides where titles come from.
 */

/** Words that name the kind of document: "Postmortem", "Incident review", "RCA". */
const DOC = String.raw`(?:(?:public|internal|customer|security|service|production|final|preliminary|draft|major|serious)\s+)?(?:(?:incident|outage|problem|event|service)\s+)?(?:post[- ]?mortems?|post[- ]?incident\s+(?:review|report|analysis)|reports?|review|summary|write[- ]?up|analysis|notes?|retro(?:spective)?|(?:rca|root[- ]cause\s+analysis)(?:\s+report)?|pir|after[- ]action\s+review|aar|coe|correction\s+of\s+errors)`;
/** The document kind or the bare event word ("Incident: ...", "Outage - ..."). */
const KIND = String.raw`(?:${DOC}|(?:(?:public|internal|security|production)\s+)?(?:incident|outage))`;
/** Status and handling marks of a status page or a tracker: "[RESOLVED]", "Update:", "(draft)". */
const MARK = String.raw`(?:resolved|closed|update[ds]?|final|draft|wip|confidential|internal|public|sev[\s-]?\d|p\d|re|fwd?)`;

const PREFIX = new RegExp(
  String.raw`^\s*(?:[\[(]\s*(?:${MARK}|${KIND})\s*[\])]\s*[:\-–—]?\s*|(?:${KIND}|${MARK})(?:\s*[:：|]\s*|\s+[-–—]+\s+)|${DOC}\s+(?:for|of|on|about|into)\s+(?:the\s+)?(?=\S))`,
  'iu',
);
const SUFFIX = new RegExp(
  String.raw`(?:\s+(?:\(#\d{3,}\)|#\d{3,})|\s*[\[(]\s*(?:${MARK}|${KIND})\s*[\])]|\s+[-–—|:]+\s*(?:${KIND}|${MARK})|\s+(?:post[- ]?mortem|post[- ]?incident\s+review|rca|retrospective|incident\s+(?:report|review)))\s*$`,
  'iu',
);
const DATE = String.raw`(?:\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?)?,?\s+\d{4})`;
/** A date opening a title after the kind of document: "Incident 2023-01-04: ...", "Postmortem - 2023-01-04 - ...". */
const DATED = new RegExp(
  String.raw`^(${KIND}\s+)?(?:on\s+)?${DATE}(?:\s*[:：|,]\s*|\s+[-–—]+\s+)(?=\S)`,
  'iu',
);
const TRAILING = /[\s:：|,–—-]+$/u;
/** A date in brackets closing a title: "(Tues 11 Feb)", "(2024-03-05)", "(March 4, 2024)". */
const BRACKETED_DATE = new RegExp(
  String.raw`\s*\(\s*(?:(?:mon|tue|tues|wed|thu|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?(?:${DATE}|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?)\s*\)\s*$`,
  'iu',
);
/** A title that is nothing but the kind of document: "Postmortem", "Incident report", "RCA". */
const ONLY_KIND = new RegExp(String.raw`^\s*(?:${KIND}|${MARK})s?\s*$`, 'iu');

/**
 * A heading without the words that only say what kind of document it is: "Postmortem: duplicate
 * charges" -> "Duplicate charges", "[RESOLVED] Elevated errors" -> "Elevated errors", "Checkout
 * outage - Post-mortem" -> "Checkout outage". Returns the text unchanged when nothing is generic.
 */
export function stripTitleAffixes(text: string): string {
  let s = text.trim();
  for (let i = 0; i < 4; i++) {
    // Separators left at the end once a suffix is gone ("Cache flush: Postmortem" -> "Cache flush").
    // A section number a numbered export gives its first heading ("2. Incident: …") and a tracker
    // key in brackets ("[OPS-4471] ", "[#48213] ") are not part of the title.
    let next = s
      .replace(/^\d+(?:\.\d+)*\.\s+(?=\p{L})/u, '')
      .replace(/^\[(?:[A-Z][A-Z\d]*-\d+|#\d+)\]\s*(?=\S)/u, '')
      .replace(PREFIX, '')
      .replace(SUFFIX, '')
      .replace(TRAILING, '')
      .replace(BRACKETED_DATE, '')
      .trim();
    const dated = DATED.exec(next);
    if (dated && (dated[1] || next !== text.trim())) next = next.slice(dated[0].length).trim();
    if (next === s || !next) break;
    s = next;
  }
  if (s === text.trim()) return s;
  // "duplicate subscription charges" reads as a title once its first word is capitalised; "iOS" stays.
  return /^[\p{Ll}]+\b/u.test(s) && !/^\p{Ll}+\p{Lu}/u.test(s)
    ? s.charAt(0).toUpperCase() + s.slice(1)
    : s;
}

/**
 * Whether a candidate says something about the incident: not only the kind of document, a date,
 * an identifier ("INC-2207") or a number. "Incident report — 2024-03-05" says nothing.
 */
export function saysSomething(text: string): boolean {
  if (!text.trim() || ONLY_KIND.test(text)) return false;
  let rest = stripTitleAffixes(text);
  for (const d of findDates(rest).reverse())
    rest = rest.slice(0, d.index) + ' ' + rest.slice(d.index + d.length);
  const words = rest
    .split(/[^\p{L}\p{N}-]+/u)
    .filter((w) => /^\p{L}{3,}$/u.test(w) && !ONLY_KIND.test(w));
  return words.length > 0;
}

/** Words that open a phrase saying when or in what circumstance: "On June 13", "When Season 9 opened". */
const CIRCUMSTANCE =
  /^(?:on|at|between|from|starting|beginning|around|shortly|after|when|while|once|as|following|during|in the|last|this|earlier|yesterday|today|tonight|over|for|and|since|until|by|throughout)\b/iu;
const MONTH = String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?`;
const WEEKDAY = String.raw`(?:mon|tues|wednes|thurs|fri|satur|sun)day`;
/** A phrase that is only a date, a time or a weekday: "2024", "May 18", "Saturday evening", "17:00 UTC". */
const ONLY_WHEN = new RegExp(
  String.raw`^\s*(?:\d{4}|\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)?(?:\s*[a-z]{2,4})?|${WEEKDAY}(?:\s+(?:morning|afternoon|evening|night))?|${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?\s+${MONTH})\s*$`,
  'iu',
);
/** "On Monday 26 October 2020 the workers ..." -> "the workers ...": a date opening a sentence without a comma. */
const DATE_OPENING = new RegExp(
  String.raw`^(?:on|since)\s+(?:the\s+)?(?:${WEEKDAY},?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+${MONTH}\s+\d{4}|${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{4}-\d{2}-\d{2})\s+(?=\p{Ll})`,
  'iu',
);

/** A sentence without its opening phrases of time and circumstance, each ended by a comma. */
function dropOpening(sentence: string): string {
  let s = sentence.replace(DATE_OPENING, '');
  for (let i = 0; i < 8; i++) {
    const head = /^([^,;]{1,120}?),\s+/u.exec(s);
    if (!head || !(CIRCUMSTANCE.test(head[1]!) || ONLY_WHEN.test(head[1]!))) break;
    const rest = s.slice(head[0].length).replace(DATE_OPENING, '');
    if (rest.split(' ').length < 3) break;
    s = rest;
  }
  return s;
}

/** "We experienced an outage of ..." -> "An outage of ...". */
const WE_HAD = /^we (?:experienced|had|saw|suffered|observed|encountered)\s+/iu;
/** Where a long sentence may be cut: a clause starts. */
const CLAUSE =
  /,\s|;\s|\s[-–—]\s|\s(?:after|because|when|while|due to|as a result of|which|until|caused by|following|on the (?:morning|afternoon|evening|night)|for about)\s|\s(?:on|at|between|from|for)\s(?=\d)/giu;
/** Words a shortened title must not end on. */
const DANGLING =
  /\s+(?:a|an|the|and|or|but|of|to|in|on|at|by|for|with|from|into|our|their|its|as|that|which)$/iu;
const ABBREVIATION = /(?:\b(?:e\.g|i\.e|etc|approx|vs|inc|ltd|no|st|dr|mr|ms|mrs)|\b\p{Lu})$/iu;

/** The first sentence of a paragraph (a full stop, ! or ? before a space and a new sentence). */
export function firstSentence(paragraph: string): string {
  const re = /[.!?](?=\s+["'(\p{Lu}\d]|\s*$)/gu;
  for (let m = re.exec(paragraph); m; m = re.exec(paragraph)) {
    if (m[0] === '.' && ABBREVIATION.test(paragraph.slice(Math.max(0, m.index - 8), m.index)))
      continue;
    return paragraph.slice(0, m.index).trim();
  }
  return paragraph.trim();
}

/** Longest title made from a sentence before it is cut at a clause. */
const LONG = 80;
const MAX = 100;

/**
 * A title from a summary's first sentence: its opening time phrase dropped, cut at a clause when
 * long. "On 24 November 2022, block storage volumes became unavailable after a power failure in
 * one of our data halls." -> "Block storage volumes became unavailable".
 */
export function titleFromSentence(sentence: string): string {
  let s = sentence
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.!?]+$/, '');
  s = dropOpening(s).replace(WE_HAD, '');
  // A long aside in parentheses is the first thing a title can do without.
  if (s.length > LONG) s = s.replace(/\s*\([^)]{20,}\)/gu, '');
  let cut = false;
  if (s.length > LONG) {
    CLAUSE.lastIndex = 0;
    for (let m = CLAUSE.exec(s); m; m = CLAUSE.exec(s)) {
      if (m.index < 20) continue;
      if (m.index <= MAX) {
        s = s.slice(0, m.index);
        cut = true;
      }
      break;
    }
  }
  const tooLong = s.length > MAX;
  if (tooLong) s = s.slice(0, s.lastIndexOf(' ', MAX - 10));
  if (cut || tooLong) s = s.replace(DANGLING, '').replace(DANGLING, '').trim();
  if (tooLong) s += '…';
  return s.charAt(0).toUpperCase() + s.slice(1);
}
