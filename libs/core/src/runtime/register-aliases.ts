// Resolves the `@app/<lib>` path aliases in compiled code (dist/), where TypeScript leaves
// them as written. Imported first by every entry point; tests map them in jest.config.js.
import { resolve } from 'node:path';
import { register } from 'tsconfig-paths';

register({
  baseUrl: resolve(__dirname, '../../../..'),
  paths: { '@app/*': ['libs/*/src'] },
});
