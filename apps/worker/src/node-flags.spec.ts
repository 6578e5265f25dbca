import { readFileSync } from 'node:fs';
import path from 'node:path';
import { WORKER_NODE_FLAGS } from './node-flags';

const root = path.join(__dirname, '../../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

describe('the worker is started with the same flags everywhere', () => {
  it('in `npm run start:worker`', () => {
    const scripts = JSON.parse(read('package.json')).scripts as Record<string, string>;
    expect(scripts['start:worker']).toBe(
      `node ${WORKER_NODE_FLAGS.join(' ')} dist/apps/worker/src/main.js`,
    );
  });

  it("in docker-compose's worker service", () => {
    const compose = read('docker-compose.yml');
    const command = JSON.stringify(['node', ...WORKER_NODE_FLAGS, 'dist/apps/worker/src/main.js']);
    expect(compose).toContain(`command: ${command.replaceAll('"', "'").replaceAll(',', ', ')}`);
  });
});
