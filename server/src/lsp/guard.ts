import type { Connection } from 'vscode-languageserver';

/** Runs `run`, or answers `fallback` and logs when it throws. */
export type Guard = <T>(what: string, fallback: T, run: () => T) => T;

/** Never lets a service's bug take the server down: a failure is logged and the feature answers empty. */
export function guardWith(connection: Connection): Guard {
  return (what, fallback, run) => {
    try {
      return run();
    } catch (err) {
      connection.console.error(`RouteLens: ${what} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      return fallback;
    }
  };
}
