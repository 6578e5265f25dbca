/**
 * CPU time of the processes a benchmark run involves, from /proc (Linux): the server under
 * test, this process (the load generator), PostgreSQL and Redis; and of the machine as a whole
 * (/proc/stat: time idle, in interrupts and taken by the hypervisor), to tell a run limited by
 * CPU from one waiting on something. PostgreSQL counts every process named `postgres` on this
 * machine, and with the postmaster's reaped children also the backends and parallel workers
 * that exited; another workload on the same server would be counted too; Redis, every
 * `redis-server`.
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

/** CPU ms of every process named `comm` (and of its reaped children). */
function cpuMsOf(comm: string): number {
  let total = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== comm) continue;
    } catch {
      continue;
    }
    total += processCpuMs(pid, true);
  }
  return total;
}

/** The machine's time in ms over all its CPUs: in all, idle (iowait too), interrupts, steal. */
function machineMs(): { total: number; idle: number; interrupts: number; steal: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1);
  const [user, nice, system, idle, iowait, irq, softirq, steal] = fields.map(Number);
  const tick = msPerTick();
  return {
    total: (user + nice + system + idle + iowait + irq + softirq + steal) * tick,
    idle: (idle + iowait) * tick,
    interrupts: (irq + softirq) * tick,
    steal: steal * tick,
  };
}

export interface CpuSample {
  server: number;
  load: number;
  postgres: number;
  redis: number;
  machine: { total: number; idle: number; interrupts: number; steal: number };
}

/** A reading now; subtract two with `cpuSpent`. */
export function sampleCpu(serverPid: number): CpuSample {
  return {
    server: processCpuMs(serverPid),
    load: processCpuMs(process.pid),
    postgres: cpuMsOf('postgres'),
    redis: cpuMsOf('redis-server'),
    machine: machineMs(),
  };
}

export function cpuSpent(before: CpuSample, after: CpuSample): CpuSample {
  return {
    server: after.server - before.server,
    load: after.load - before.load,
    postgres: after.postgres - before.postgres,
    redis: after.redis - before.redis,
    machine: {
      total: after.machine.total - before.machine.total,
      idle: after.machine.idle - before.machine.idle,
      interrupts: after.machine.interrupts - before.machine.interrupts,
      steal: after.machine.steal - before.machine.steal,
    },
  };
}

/** Per request, in ms; the machine's shares in percent of its time. */
export function cpuPerRequest(spent: CpuSample, requests: number): CpuSample {
  const share = (ms: number) => (spent.machine.total > 0 ? (100 * ms) / spent.machine.total : 0);
  return {
    server: spent.server / requests,
    load: spent.load / requests,
    postgres: spent.postgres / requests,
    redis: spent.redis / requests,
    machine: {
      total: 100,
      idle: share(spent.machine.idle),
      interrupts: share(spent.machine.interrupts),
      steal: share(spent.machine.steal),
    },
  };
}
