export * from './rollup';
export * from './rollup.response';
export * from './rollups.reader';
