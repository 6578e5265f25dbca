/**
 * Summarises a V8 CPU profile by where the self time went: per package under node_modules,
 * per app or lib of this repository, Node's own modules, and the garbage collector.
 */
export interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    hitCount?: number;
  }>;
  startTime: number;
  endTime: number;
}

export interface ProfileSummary {
  /** Samples that were not idle. */
  busySamples: number;
  /** Share of the wall time the process was busy. */
  busyShare: number;
  byArea: Array<{ area: string; share: number }>;
  topFunctions: Array<{ name: string; share: number }>;
}

/** Which part of the code a frame belongs to. */
export function areaOf(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const [first, second] = url.slice(modules + 'node_modules/'.length).split('/');
    return first.startsWith('@') ? `${first}/${second}` : first;
  }
  if (url.startsWith('node:')) {
    const path = url.replace(/^node:(internal\/)?/, '');
    return `node:${path.split('/')[0]}`;
  }
  const local = /\/dist\/(apps\/[^/]+|libs\/[^/]+|bench|scripts)\//.exec(url);
  if (local) return local[1] === 'bench' ? 'bench (server entry)' : `app: ${local[1]}`;
  return '(other)';
}

export function summariseProfile(profile: CpuProfile, top = 12): ProfileSummary {
  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  let busy = 0;
  let idle = 0;
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    if (hits === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') {
      idle += hits;
      continue;
    }
    busy += hits;
    const area = areaOf(url, functionName);
    areas.set(area, (areas.get(area) ?? 0) + hits);
    const file = url.split('/').slice(-2).join('/');
    const name = `${functionName || '(anonymous)'} ${file ? `${file}:${lineNumber + 1}` : ''}`;
    functions.set(name.trim(), (functions.get(name.trim()) ?? 0) + hits);
  }
  const ranked = (map: Map<string, number>) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, hits]) => ({ name, share: busy === 0 ? 0 : hits / busy }));
  return {
    busySamples: busy,
    busyShare: busy + idle === 0 ? 0 : busy / (busy + idle),
    byArea: ranked(areas).map(({ name, share }) => ({ area: name, share })),
    topFunctions: ranked(functions),
  };
}
