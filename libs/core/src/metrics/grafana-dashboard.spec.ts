import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../../..');

/** The series the apps define: every `sbt_…` name in the metrics sources. */
function definedSeries(): Set<string> {
  const sources = [
    'libs/core/src/metrics/metrics.ts',
    'libs/core/src/metrics/pool-metrics.ts',
    'apps/worker/src/metrics/worker-metrics.ts',
  ].map((path) => readFileSync(join(ROOT, path), 'utf8'));
  return new Set(
    sources.flatMap((text) => [...text.matchAll(/'(sbt_[a-z_]+)'/g)].map((m) => m[1])),
  );
}

describe('the Grafana dashboard (ops/grafana/sterk-bestuur.json)', () => {
  const dashboard = JSON.parse(
    readFileSync(join(ROOT, 'ops/grafana/sterk-bestuur.json'), 'utf8'),
  ) as {
    panels: { type: string; title: string; targets?: { expr: string }[] }[];
  };

  it('queries only series the apps define', () => {
    const defined = definedSeries();
    expect(defined.size).toBe(12);
    const queried = dashboard.panels
      .flatMap((panel) => panel.targets ?? [])
      .flatMap((target) => [...target.expr.matchAll(/\b(sbt_[a-z_]+)/g)].map((m) => m[1]))
      .map((name) => name.replace(/_(bucket|count|sum)$/, ''));
    expect(queried.filter((name) => !defined.has(name))).toEqual([]);
  });

  it('shows every series the apps define', () => {
    const text = JSON.stringify(dashboard.panels);
    expect([...definedSeries()].filter((name) => !text.includes(name))).toEqual([]);
  });
});
