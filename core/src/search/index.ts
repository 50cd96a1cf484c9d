export * from './build';
export * from './keys';
export * from './describe';
export * from './document';
export * from './engine';
export * from './types';
export { editDistance, stem, tokenize, typosAllowed, STOP_WORDS } from './tokens';
