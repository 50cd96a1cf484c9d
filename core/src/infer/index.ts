export * from './suggest-root-cause';
export { ROOT_CAUSE_LEXICON, type LexiconPhrase } from './lexicon';
export { documentOutline, headingKind, type OutlineSpan, type SectionKind } from './outline';
export {
  inferFields,
  mapSeverity,
  labelledLines,
  titleFromFileName,
  type InferredField,
  type InferredFields,
  type InferenceNote,
} from './fields';
export { findDates, firstDate, type FoundDate } from './dates';
export {
  importPostmortem,
  NEEDS_TRIAGE,
  type ImportFinding,
  type ImportOptions,
  type ImportResult,
} from './import';
export { rootCauseHint, type RootCauseHint } from './hint';
