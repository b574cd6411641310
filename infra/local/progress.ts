/**
 * Progress-based waiting for the local stack. On a busy two-core machine (DynamoDB Local's JVM, serverless'
 * esbuild and the H5 webpack build all starting at once) a step can take minutes and still be fine; a fixed
 * deadline then fails a start that was about to succeed. So a wait fails only when nothing has moved for
 * `idleMs`: no output from the process, no change in what the check sees, no write that succeeded. The error
 * says what was awaited, what was seen last and what to do next.
 */

import { readdirSync, readFileSync } from 'node:fs';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class Progress {
  private last = Date.now();
  private lastWhat = 'started';

  constructor(readonly idleMs: number) {}

  /** Something moved (a line of output, a write that succeeded, a different answer from a check). */
  mark(what = 'progress'): void {
    this.last = Date.now();
    this.lastWhat = what;
  }

  idleFor(): number {
    return Date.now() - this.last;
  }

  stalled(): boolean {
    return this.idleFor() > this.idleMs;
  }

  /** "no progress for 121 s (last: DynamoDB Local output)". */
  describe(): string {
    return `no progress for ${Math.round(this.idleFor() / 1000)} s (last: ${this.lastWhat})`;
  }
}

/** Thrown when a wait gave up: `reason` is what was seen, `next` the step a developer can take. */
export class StalledError extends Error {
  constructor(
    readonly what: string,
    readonly reason: string,
    readonly next: string,
  ) {
    super(`${what}: ${reason}.\nNext step: ${next}`);
    this.name = 'StalledError';
  }
}

export interface PollOptions {
  /** What is awaited, e.g. "DynamoDB Local at http://127.0.0.1:8000". */
  what: string;
  /** The step to suggest when the wait gives up. */
  next: string;
  progress: Progress;
  /** Delay between checks (default 300 ms). */
  intervalMs?: number;
  /** Resolves (with a reason) when waiting is pointless, e.g. the process exited. */
  gone?: Promise<unknown>;
  goneMessage?: (reason: unknown) => string;
}

/**
 * Call `check` until it returns true. A check that throws or returns a string reports why it is not ready; a
 * change in that report counts as progress (e.g. "connection refused" → "timeout" means the port opened).
 */
export async function pollUntil(check: () => Promise<true | string>, o: PollOptions): Promise<void> {
  let gone: { reason: unknown } | undefined;
  void o.gone?.then((reason) => (gone = { reason: reason ?? 'exited' }));
  let last = 'no answer yet';
  for (;;) {
    if (gone) {
      throw new StalledError(
        o.what,
        o.goneMessage ? o.goneMessage(gone.reason) : `the process exited (${String(gone.reason)})`,
        o.next,
      );
    }
    let seen: string;
    try {
      const r = await check();
      if (r === true) return;
      seen = r;
    } catch (err) {
      seen = (err as Error).message || String(err);
    }
    // Messages carry varying numbers (ports, ms); compare their shape only.
    if (shape(seen) !== shape(last)) o.progress.mark(`check: ${seen}`);
    last = seen;
    if (o.progress.stalled()) {
      throw new StalledError(o.what, `${o.progress.describe()}; last check: ${last}`, o.next);
    }
    await sleep(o.intervalMs ?? 300);
  }
}

const shape = (s: string) => s.replace(/\d+/g, '#');

/**
 * CPU time (clock ticks) used so far by every process of group `pgid`, from /proc; null where there is no /proc.
 * A child that bundles for minutes without printing (serverless-offline running esbuild over every handler on a
 * loaded machine) is still moving: its CPU time grows.
 */
export function groupCpuTicks(pgid: number): number | null {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return null;
  }
  let total = 0;
  for (const name of entries) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces), 1-based from field 3: pgrp is 5, utime 14, stime 15.
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(rest[2]) !== pgid) continue;
      total += Number(rest[11]) + Number(rest[12]);
    } catch {
      // the process ended while we looked
    }
  }
  return total;
}

/** Mark `progress` whenever group `pgid` used CPU since the last look; returns a function that stops watching. */
export function watchGroupCpu(pgid: number, progress: Progress, what: string, everyMs = 5_000): () => void {
  let last = groupCpuTicks(pgid);
  if (last === null) return () => undefined;
  const timer = setInterval(() => {
    const now = groupCpuTicks(pgid);
    if (now !== null && last !== null && now > last) progress.mark(what);
    last = now;
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
