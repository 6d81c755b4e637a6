/**
 * CPU time, from /proc, of the processes a timed window involves: the server measured, the PostgreSQL backends
 * serving its pool (found by the ports its sockets connect from), this process (autocannon runs in it), every other
 * PostgreSQL process and the idle servers; and the machine's busy time, so that what nobody here did — other
 * tenants' load — can be told apart. Throughput on a shared machine moves with that load; CPU per request much less.
 */
import fs from 'node:fs';

import type pg from 'pg';

/** Linux's USER_HZ: the unit of /proc/<pid>/stat's times and of /proc/stat, 100 on every architecture Node runs on. */
const TICKS_PER_SECOND = 100;

/** User plus system time of a process (all its threads), in ticks; null once it has exited. */
function processTicks(pid: number): number | null {
  let stat: string;
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // The command name (field 2) may hold spaces and parentheses: the fields after it start past its last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

function parentOf(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

/** Busy ticks of the whole machine (user, nice, system, irq, softirq; not idle, iowait or steal). */
function machineBusyTicks(): number {
  const [user, nice, system, , , irq, softirq] = fs
    .readFileSync('/proc/stat', 'utf8')
    .split('\n')[0]!
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  return user! + nice! + system! + irq! + softirq!;
}

function childrenOf(parent: number): number[] {
  return fs
    .readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => parentOf(pid) === parent);
}

/** Local ports of the TCP sockets a process holds open: the client ports its pool connects to PostgreSQL from. */
function localPorts(pid: number): Set<number> {
  const inodes = new Set<string>();
  let fds: string[];
  try {
    fds = fs.readdirSync(`/proc/${pid}/fd`);
  } catch {
    return new Set();
  }
  for (const fd of fds) {
    try {
      const match = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (match) inodes.add(match[1]!);
    } catch {
      // Closed between listing and reading.
    }
  }
  const ports = new Set<number>();
  for (const table of ['tcp', 'tcp6']) {
    let text: string;
    try {
      text = fs.readFileSync(`/proc/${pid}/net/${table}`, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const columns = line.trim().split(/\s+/);
      if (columns.length > 9 && inodes.has(columns[9]!)) ports.add(parseInt(columns[1]!.split(':')[1]!, 16));
    }
  }
  return ports;
}

export interface CpuWindow {
  seconds: number;
  /** CPU seconds of the measured server's process. */
  server: number;
  /** CPU seconds of the PostgreSQL backends serving its pool. */
  backends: number;
  /** How many of its backends exited during the window, their last ticks lost (a pool closing an idle connection). */
  lostBackends: number;
  /** CPU seconds of this process (autocannon, the harness), the idle servers and PostgreSQL's other processes. */
  harness: number;
  /** Busy CPU seconds of the machine not accounted for above: other tenants. Divided by `seconds`, in cores. */
  other: number;
}

interface Snapshot {
  at: number;
  busy: number;
  ticks: Map<number, number>;
  backends: Set<number>;
}

/** Takes CPU snapshots around a timed window and attributes the ticks between them. */
export class CpuMeter {
  private constructor(
    private readonly owner: pg.Client,
    private readonly postmaster: number,
    private readonly serverPids: number[],
  ) {}

  /** `owner` is a superuser's connection (it sees every backend); `serverPids` the processes of all servers started. */
  static async create(owner: pg.Client, serverPids: number[]): Promise<CpuMeter> {
    const { rows } = await owner.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const postmaster = parentOf(rows[0]!.pid);
    if (postmaster === null)
      throw new Error('cannot read PostgreSQL processes from /proc: CPU per request needs the database on this machine');
    return new CpuMeter(owner, postmaster, serverPids);
  }

  private async backendsOf(serverPid: number): Promise<Set<number>> {
    const ports = [...localPorts(serverPid)];
    const { rows } = await this.owner.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE backend_type = 'client backend' AND client_port = ANY($1::int[]) AND client_addr IS NOT NULL`,
      [ports],
    );
    return new Set(rows.map((row) => row.pid));
  }

  async snapshot(serverPid: number): Promise<Snapshot> {
    const backends = await this.backendsOf(serverPid);
    const ticks = new Map<number, number>();
    for (const pid of [process.pid, ...this.serverPids, ...childrenOf(this.postmaster)]) {
      const value = processTicks(pid);
      if (value !== null) ticks.set(pid, value);
    }
    return { at: performance.now(), busy: machineBusyTicks(), ticks, backends };
  }

  window(serverPid: number, start: Snapshot, end: Snapshot): CpuWindow {
    const delta = (pid: number) => (end.ticks.get(pid) ?? start.ticks.get(pid) ?? 0) - (start.ticks.get(pid) ?? 0);
    const backendPids = new Set([...start.backends, ...end.backends]);
    let server = 0;
    let backends = 0;
    let harness = 0;
    let lostBackends = 0;
    for (const pid of new Set([...start.ticks.keys(), ...end.ticks.keys()])) {
      if (pid === serverPid) server += delta(pid);
      else if (backendPids.has(pid)) {
        backends += delta(pid);
        if (!end.ticks.has(pid)) lostBackends++;
      } else harness += delta(pid);
    }
    const busy = end.busy - start.busy;
    return {
      seconds: (end.at - start.at) / 1000,
      server: server / TICKS_PER_SECOND,
      backends: backends / TICKS_PER_SECOND,
      lostBackends,
      harness: harness / TICKS_PER_SECOND,
      other: Math.max(0, busy - server - backends - harness) / TICKS_PER_SECOND,
    };
  }
}
