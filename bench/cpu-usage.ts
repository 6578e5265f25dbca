/**
 * CPU time of the processes a benchmark run involves, from /proc (Linux): the server under
 * test, this process (the load generator) and PostgreSQL. PostgreSQL counts every process
 * named `postgres` on this machine, and with the postmaster's reaped children also the
 * backends and parallel workers that exited; another workload on the same server would be
 * counted too.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

let ticksPerSecond: number | undefined;

function msPerTick(): number {
  ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
  return 1000 / ticksPerSecond;
}

/** utime + stime (+ cutime + cstime) of a process in ms; 0 when it is gone. */
function processCpuMs(pid: number | string, withChildren = false): number {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return 0;
  }
  // Fields after the command name, which may contain spaces: state is field 3.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const [utime, stime, cutime, cstime] = fields.slice(11, 15).map(Number);
  return (utime + stime + (withChildren ? cutime + cstime : 0)) * msPerTick();
}

function postgresCpuMs(): number {
  let total = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== 'postgres') continue;
    } catch {
      continue;
    }
    total += processCpuMs(pid, true);
  }
  return total;
}

export interface CpuSample {
  server: number;
  load: number;
  postgres: number;
}

/** A reading now; subtract two with `cpuSpent`. */
export function sampleCpu(serverPid: number): CpuSample {
  return {
    server: processCpuMs(serverPid),
    load: processCpuMs(process.pid),
    postgres: postgresCpuMs(),
  };
}

export function cpuSpent(before: CpuSample, after: CpuSample): CpuSample {
  return {
    server: after.server - before.server,
    load: after.load - before.load,
    postgres: after.postgres - before.postgres,
  };
}
