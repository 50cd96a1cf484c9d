/*
 * What a sentence says about the phrases in it: denied ("not a DNS issue"), ruled out, only
 * suspected, the trigger rather than the cause, a third party's side; and whether the document
 * says its cause is not known yet. The suggester weighs each match by these.
 */

/** Words before a phrase that deny it: "no disk issue", "not a DNS problem". */
const NEGATION_BEFORE =
  /(?:^|[^\p{L}])(?:not|no|never|without|nor|neither|isn't|wasn't|weren't|aren't|didn't|rather than|instead of|unrelated to|other than|ruling out|ruled out)(?:\s+(?:a|an|the|any|caused by|due to|related to|from|because of|by|been|involve|involving|an issue with|a problem with))*\s*$/iu;
/** "not enough capacity", "no free disk", "no headroom": a shortage, not a denial. */
const SHORTAGE =
  /(?:not enough|no (?:more|free|spare|remaining|available)|without (?:enough|sufficient))\s*$/iu;
const SHORTAGE_WORD = /^(?:headroom|capacity|space|room|spare|free|quota|limit)/i;
/** A sentence naming what set the incident off, not what caused it. */
const TRIGGER_SENTENCE =
  /\b(?:(?:was|were|is) (?:the|only the|just the|merely the) trigger|triggered by|set off by|the trigger was)\b/iu;
/** A sentence stating the cause. */
const CAUSE_SENTENCE =
  /\b(?:root cause|underlying cause|the cause (?:was|is)|was caused by|were caused by)\b/iu;
/** A sentence that puts what it says on a third party's side ("a configuration change on their side"). */
const THIRD_PARTY_SENTENCE =
  /\b(?:their (?:side|end)|(?:vendor|provider|partner)(?:'s|s')?|third[- ]party|(?:vendor|provider)[- ]side)\b/iu;
/** A sentence about the response, not the cause: "agents moved to manual check-in", "restored from a snapshot". */
const RESPONSE_SENTENCE =
  /\b(?:moved to|switched (?:over )?to|fell back to|falling back to|as a workaround|workaround|to mitigate|mitigated (?:by|with)|(?:was|were|we) restored|restored (?:from|service|the)|to recover|recovered (?:by|with)|failed (?:over|back) to)\b/iu;
/**
 * The document says the cause is not known yet: "We have not yet determined the root cause",
 * "the cause remains undetermined", "root cause still under investigation", "we have not been able
 * to determine a root cause", "root cause undetermined", "we could not determine the cause".
 */
export const CAUSE_UNKNOWN =
  /\b(?:(?:not yet|not been|never been|yet to be|still not) (?:been )?(?:determined|identified|established|confirmed|found)|(?:not|n't) (?:yet )?(?:determined|identified|found|established) (?:the|what|why)|cannot tell (?:you )?(?:with (?:any )?confidence )?(?:why|what)|(?:cause|reason) (?:remains|is still|is) (?:undetermined|unknown|unclear|not known)|(?:still )?under investigation|unknown at this time|none of (?:them|these) (?:is|are|has been|have been) (?:proven|confirmed)|hypothes[ie]s (?:are |is )?still open|(?:is|remains) inconclusive|(?:do not|don['’]t) (?:yet )?know (?:why|what caused)|(?:do not|don['’]t) know yet\b|(?:not been able|unable|could ?n['’]t|could not|were not able|was not able|have not managed) to (?:determine|identify|find|establish|pin ?down|confirm|explain) (?:a |the |any |what |why )?(?:(?:single |definitive |clear )?(?:root )?cause|caused|happened)|(?:could ?n['’]t|could not|cannot|can['’]t|did not|didn['’]t) (?:determine|identify|find|establish|pin ?down) (?:a |the |any )?(?:root )?cause|(?:root )?cause (?:(?:was |is )?(?:recorded|marked|listed|left|classified) as )?[*_]*(?:undetermined|not determined)|cause not (?:yet )?(?:found|known|identified)|closing (?:this |it )?as undetermined|not confident in any (?:theory|explanation|hypothesis)|root[ -]?cause[*_]*\s*[:|]\s*[*_]*(?:unknown|undetermined|not (?:yet )?(?:determined|known|found))\b)/iu;
/** A sentence that rules its phrases out. */
const RULED_OUT =
  /\b(?:ruled out|red herring|not the (?:root )?cause|(?:wasn't|weren't|isn't|aren't|was not|were not|is not|are not) (?:the|a) (?:problem|issue|bottleneck)|not related|unrelated|(?:was|were|looked|appeared|remained) (?:healthy|fine|normal|unaffected)|was not involved|were not involved|no evidence|not a factor|did not contribute|played no (?:part|role)|false lead|not caused by|nothing to do with|excluded)\b/iu;
/** A sentence that reports a guess that may have been wrong. */
const DOUBT =
  /\b(?:suspected|suspicion|assumed|hypothes\w+|initially|at first|first thought|thought it was|we believed|looked like|appeared to be|first guess|theory)\b/iu;

const RULED = 1;
const DOUBTED = 2;
const TRIGGER = 4;
const CAUSE = 8;
const THIRD_PARTY = 16;
const RESPONSE = 32;

/**
 * The sentences of a document, split once: at . ! ? before a space, at ;, at a blank line and
 * before a line that starts a list item, heading or table row. What a sentence says about its
 * phrases (ruled out, suspected, the trigger, a third party's) is read once per sentence.
 */
export class Sentences {
  private readonly starts: number[] = [0];
  private readonly flags = new Map<number, number>();

  constructor(private readonly text: string) {
    const re = /[.!?](?=\s)|;|\n(?=[ \t]*(?:\r?\n|[-*+][ \t]|\d+[.)][ \t]|#|\|))/g;
    for (let m = re.exec(text); m; m = re.exec(text)) this.starts.push(m.index + m[0].length);
  }

  /** The index of the sentence holding an offset. */
  at(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  start(index: number): number {
    return this.starts[index]!;
  }

  flagsOf(index: number): number {
    let f = this.flags.get(index);
    if (f === undefined) {
      const sentence = this.text.slice(
        this.starts[index],
        this.starts[index + 1] ?? this.text.length,
      );
      f =
        (RULED_OUT.test(sentence) ? RULED : 0) |
        (DOUBT.test(sentence) ? DOUBTED : 0) |
        (TRIGGER_SENTENCE.test(sentence) ? TRIGGER : 0) |
        (CAUSE_SENTENCE.test(sentence) ? CAUSE : 0) |
        (THIRD_PARTY_SENTENCE.test(sentence) ? THIRD_PARTY : 0) |
        (RESPONSE_SENTENCE.test(sentence) ? RESPONSE : 0);
      this.flags.set(index, f);
    }
    return f;
  }
}

/** How much a match counts after doubt, denial and its sentence's role: 0, a fraction, 1 or a little more. */
export function sentenceFactor(
  text: string,
  sentences: Sentences,
  start: number,
  end: number,
  categoryId: string,
): number {
  const index = sentences.at(start);
  const near = text.slice(Math.max(sentences.start(index), start - 40), start);
  if (
    NEGATION_BEFORE.test(near) &&
    !SHORTAGE.test(near) &&
    !SHORTAGE_WORD.test(text.slice(start, end))
  )
    return 0;
  const flags = sentences.flagsOf(index);
  if (flags & RULED) return 0;
  let factor = flags & DOUBTED ? 0.3 : 1;
  if (flags & TRIGGER) factor *= 0.4;
  else if (flags & CAUSE) factor *= 1.3;
  else if (flags & RESPONSE) factor *= 0.4;
  if (categoryId !== 'dependency' && flags & THIRD_PARTY) factor *= 0.5;
  return factor;
}
