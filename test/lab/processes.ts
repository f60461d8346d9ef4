/**
 * Child processes of the lab: each daemon runs in the foreground in its own process group, so one
 * signal to the group also ends what it forks (OpenBGPD's session and RDE engines). Nothing else is touched.
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';

/** bird, bgpd and bgpctl live in /usr/sbin, which a non-login PATH may lack. */
export const SEARCH_PATH = [...(process.env.PATH ?? '').split(':').filter(Boolean), '/usr/sbin', '/sbin'];
const CHILD_ENV = { ...process.env, PATH: SEARCH_PATH.join(':') };

export class ProcessGroup {
  private readonly children: ChildProcess[] = [];
  private readonly onExit = (): void => this.killNow('SIGKILL');
  /** The daemons are in their own process groups, so a Ctrl-C or a runner's SIGTERM would not reach them. */
  private readonly onSignal = (signal: NodeJS.Signals): void => {
    this.killNow('SIGKILL');
    this.onAbort?.();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };

  /** `onAbort` runs (synchronously) when a signal ends the process before `stop`. */
  constructor(private readonly onAbort?: () => void) {
    process.on('exit', this.onExit);
    process.once('SIGINT', this.onSignal);
    process.once('SIGTERM', this.onSignal);
  }

  /** Starts `cmd` with stdout and stderr appended to `logFile`. */
  start(cmd: string, args: readonly string[], logFile: string, cwd?: string): ChildProcess {
    const fd = openSync(logFile, 'a');
    try {
      const child = spawn(cmd, args, { stdio: ['ignore', fd, fd], detached: true, cwd, env: CHILD_ENV });
      child.on('error', () => undefined); // reported through exitCode / the wait that follows
      this.children.push(child);
      return child;
    } finally {
      closeSync(fd);
    }
  }

  /** Children that exited while the lab still needs them (a daemon that rejected its config). */
  exited(): { cmd: string; code: number | null }[] {
    return this.children
      .filter((c) => c.exitCode !== null || c.signalCode !== null)
      .map((c) => ({ cmd: c.spawnfile, code: c.exitCode }));
  }

  private killNow(signal: NodeJS.Signals): void {
    for (const c of this.children) {
      if (c.pid === undefined || c.exitCode !== null || c.signalCode !== null) continue;
      try {
        process.kill(-c.pid, signal);
      } catch {
        /* already gone */
      }
    }
  }

  /** SIGTERM every group, then SIGKILL whatever is still alive after `graceMs`. */
  async stop(graceMs = 3000): Promise<void> {
    this.killNow('SIGTERM');
    const alive = (): ChildProcess[] => this.children.filter((c) => c.exitCode === null && c.signalCode === null);
    const deadline = Date.now() + graceMs;
    while (alive().length > 0 && Date.now() < deadline) await delay(50);
    this.killNow('SIGKILL');
    await Promise.all(alive().map((c) => new Promise((r) => c.once('exit', r))));
    process.off('exit', this.onExit);
    process.off('SIGINT', this.onSignal);
    process.off('SIGTERM', this.onSignal);
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export interface CmdResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a CLI to completion (bounded by `timeoutMs`), never throws. */
export function runCmd(cmd: string, args: readonly string[], timeoutMs = 10_000): Promise<CmdResult> {
  return new Promise((resolve) => {
    execFile(cmd, args, { timeout: timeoutMs, maxBuffer: 16 << 20, killSignal: 'SIGKILL', env: CHILD_ENV }, (err, stdout, stderr) => {
      const code = err === null ? 0 : typeof err.code === 'number' ? err.code : -1;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

/**
 * Polls `check` until it returns a value other than undefined, or fails after `timeoutMs` with the
 * last reason `check` gave (so a failure says what never happened).
 */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs: number,
  intervalMs = 250,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() >= deadline) throw new Error(`lab: timed out after ${timeoutMs} ms waiting for ${what}`);
    await delay(intervalMs);
  }
}

export { freePort } from '../support/freePort';
