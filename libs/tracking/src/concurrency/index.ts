export * from './version-tag';
