/**
 * Reads a process's Prometheus metrics (its METRICS_PORT), for the scale-out benchmark: which
 * worker ran how many jobs, which API answered how many requests.
 */

/** The text of `GET /metrics` on loopback. */
export async function scrape(port: number): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/metrics`);
  const text = await res.text();
  if (res.status !== 200) throw new Error(`metrics on port ${port}: ${res.status}`);
  return text;
}

interface Sample {
  labels: Record<string, string>;
  value: number;
}

/** The samples of one series in the text format (no escaped quotes in our label values). */
export function samples(text: string, series: string): Sample[] {
  const found: Sample[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${series}{`) && !line.startsWith(`${series} `)) continue;
    const match = /^[^{ ]+(?:\{([^}]*)\})? (\S+)/.exec(line);
    if (!match) continue;
    const labels: Record<string, string> = {};
    for (const pair of (match[1] ?? '').matchAll(/(\w+)="([^"]*)"/g)) labels[pair[1]] = pair[2];
    found.push({ labels, value: Number(match[2]) });
  }
  return found;
}

export function sumSeries(text: string, series: string): number {
  return samples(text, series).reduce((sum, sample) => sum + sample.value, 0);
}

/** "mail 812, reminders 40, …": the completed job attempts per queue, most first. */
export function jobsByQueue(text: string): string {
  const perQueue = new Map<string, number>();
  for (const { labels, value } of samples(text, 'sbt_job_duration_seconds_count')) {
    if (labels.outcome !== 'completed') continue;
    perQueue.set(labels.queue, (perQueue.get(labels.queue) ?? 0) + value);
  }
  return [...perQueue]
    .sort((a, b) => b[1] - a[1])
    .map(([queue, n]) => `${queue} ${n}`)
    .join(', ');
}
