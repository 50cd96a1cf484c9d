export * from './actions';
export * from './config';
export * from './dates';
export * from './infer/index';
export * from './decode';
export * from './frontmatter';
export {
  FIELDS,
  fieldDef,
  fieldSchema,
  type FieldDef,
  type FieldKind,
  type FieldName,
} from './fields';
export * from './library';
export * from './lint';
export * from './parse';
export * from './rules/index';
export * from './sections';
export * from './suggest';
export * from './taxonomy';
export * from './template';
export * from './text';
export * from './timeline';
export * from './snippets';
export * from './guard';
export * from './outline';
export { isSimpleYaml } from './simple-yaml';
export { plainInline } from './read/line-scan';
export * from './problem';
export * from './postmortem-file';
export * from './printable';
export * from './search/index';
