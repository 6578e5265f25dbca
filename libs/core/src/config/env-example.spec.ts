import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { environmentObject } from './config.schema';

describe('.env.example', () => {
  it('documents every variable the apps read, and no other', () => {
    const example = readFileSync(resolve(__dirname, '../../../../.env.example'), 'utf8');
    const documented = [...example.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)]
      .map((match) => match[1])
      .sort();
    expect(documented).toEqual(Object.keys(environmentObject.shape).sort());
  });
});
