export * from './files';
export * from './read';
export * from './workspace';
