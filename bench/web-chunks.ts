/**
 * What each lazily loaded screen adds to the page (issue 18's budget: ≤ 100 kB gzipped per
 * screen): the chunks of its dynamic import, with the chunks they import in turn, less those
 * the first screen already loaded. Read from Vite's build manifest (dist/web/.vite/manifest.json).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
}

export interface LazyScreenCost {
  /** The screen's source file, e.g. `screens/overview/overview-screen.tsx`. */
  screen: string;
  files: string[];
  gzipBytes: number;
}

export function lazyScreenCosts(webDir: string): LazyScreenCost[] {
  const manifest = JSON.parse(
    readFileSync(path.join(webDir, '.vite/manifest.json'), 'utf8'),
  ) as Record<string, ManifestChunk>;
  const closure = (key: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(key)) return seen;
    seen.add(key);
    for (const imported of manifest[key]?.imports ?? []) closure(imported, seen);
    return seen;
  };
  const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
  if (!entry) throw new Error('the build manifest has no entry');
  const firstScreen = closure(entry);
  const gzipped = new Map<string, number>();
  const size = (file: string) => {
    if (!gzipped.has(file)) {
      gzipped.set(file, gzipSync(readFileSync(path.join(webDir, file))).length);
    }
    return gzipped.get(file) ?? 0;
  };
  return Object.keys(manifest)
    .filter((key) => manifest[key].isDynamicEntry && /\/screens\//.test(key))
    .map((key) => {
      const files = [...closure(key)]
        .filter((chunk) => !firstScreen.has(chunk))
        .map((chunk) => manifest[chunk].file)
        .filter((file) => file.endsWith('.js'));
      return {
        screen: key.replace(/^.*?src\//, ''),
        files,
        gzipBytes: files.reduce((sum, file) => sum + size(file), 0),
      };
    })
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
}
