import { describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { groupCpuTicks, pollUntil, Progress, StalledError, watchGroupCpu } from './progress';

const opts = (progress: Progress) => ({
  what: 'the thing did not answer',
  next: 'restart it',
  progress,
  intervalMs: 10,
});

describe('progress-based waiting', () => {
  it('waits as long as what it sees keeps changing, however long that takes', async () => {
    let n = 0;
    const seen = ['connection refused', 'timeout', 'HTTP 503', 'starting'];
    const started = Date.now();
    await pollUntil(
      async () => {
        // Each state is shorter than the idle limit; together they last longer.
        const state = seen[Math.floor((Date.now() - started) / 150)];
        n++;
        return state ?? true;
      },
      opts(new Progress(400)),
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(600);
    expect(n).toBeGreaterThan(4);
  });

  it('gives up when nothing moves for the idle limit, with the reason and the next step', async () => {
    const err = await pollUntil(async () => 'connection refused', opts(new Progress(80))).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StalledError);
    expect((err as Error).message).toMatch(/^the thing did not answer: no progress for \d+ s/);
    expect((err as Error).message).toMatch(/last check: connection refused/);
    expect((err as Error).message).toMatch(/Next step: restart it$/);
  });

  it('keeps waiting while the process reports progress (output), even if the check sees the same thing', async () => {
    const progress = new Progress(80);
    const output = setInterval(() => progress.mark('output'), 20);
    const started = Date.now();
    try {
      await pollUntil(async () => (Date.now() - started > 250 ? true : 'not yet'), opts(progress));
    } finally {
      clearInterval(output);
    }
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });

  it('stops at once when the process is gone', async () => {
    const err = await pollUntil(async () => 'not yet', {
      ...opts(new Progress(60_000)),
      gone: Promise.resolve(1),
      goneMessage: (code: unknown) => `exited with ${String(code)}`,
    }).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/exited with 1/);
  });
});

describe('a silent process that works counts as progress', () => {
  it('a busy process group moves the progress; an idle one does not', async () => {
    const busy = spawn('/bin/sh', ['-c', 'while :; do :; done'], { detached: true, stdio: 'ignore' });
    const idle = spawn('/bin/sh', ['-c', 'sleep 30'], { detached: true, stdio: 'ignore' });
    try {
      const before = groupCpuTicks(busy.pid!);
      expect(before).not.toBeNull();
      const moved = new Progress(60_000);
      const still = new Progress(60_000);
      const stopBusy = watchGroupCpu(busy.pid!, moved, 'busy', 100);
      const stopIdle = watchGroupCpu(idle.pid!, still, 'idle', 100);
      await new Promise((r) => setTimeout(r, 1500));
      stopBusy();
      stopIdle();
      expect(groupCpuTicks(busy.pid!)!).toBeGreaterThan(before!);
      expect(moved.describe()).toMatch(/last: busy/);
      expect(still.describe()).toMatch(/last: started/);
    } finally {
      process.kill(-busy.pid!, 'SIGKILL');
      process.kill(-idle.pid!, 'SIGKILL');
    }
  });
});
