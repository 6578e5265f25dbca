import { defineConfig } from 'vite';

/**
 * The web app is built into dist/web, which the API serves at `/` (README "Web app").
 * Content-hashed file names under /assets let the API cache them for a year; index.html
 * is never cached. No inline script or style is emitted, so the page runs under a CSP
 * without 'unsafe-inline'.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  publicDir: false,
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    assetsDir: 'assets',
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
    // .vite/manifest.json: which chunks each lazily loaded screen adds (bench/web-chunks.ts);
    // the API never serves a dot folder.
    manifest: true,
    reportCompressedSize: false,
    rolldownOptions: {
      // React Router marks its modules "use client" for server components; a plain client
      // bundle has nothing to keep there, so the notice is noise.
      onLog(level, log, handler) {
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
    },
  },
});
