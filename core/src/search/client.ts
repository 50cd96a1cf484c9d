// What a browser needs to search a split index: no Markdown parser, no configuration loader.
export * from './describe';
export * from './engine';
export * from './types';
export * from './keys';
export type { SearchDocument, SearchPart } from './document';
