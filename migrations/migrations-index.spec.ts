import { readdirSync } from 'node:fs';
import { migrations } from './index';

describe('migrations index', () => {
  it('lists every migration file in the folder, in timestamp order', () => {
    const files = readdirSync(__dirname).filter(
      (file) => /^\d{13}-.+\.ts$/.test(file) && !file.endsWith('.spec.ts'),
    );
    const timestamps = files.map((file) => Number(file.slice(0, 13))).sort((a, b) => a - b);
    const listed = migrations.map((migration) => Number(/(\d{13})$/.exec(migration.name)?.[1]));
    expect(listed).toEqual(timestamps);
  });
});
