import type { DaemonName, Segment } from './routes';

/** How each daemon's CLI prints an AS path (checked against real output: see the fixtures). */
const SET_STYLE: Record<DaemonName, (asns: readonly number[]) => string> = {
  frr: (a) => `{${a.join(',')}}`,
  gobgp: (a) => `{${a.join(',')}}`,
  bird: (a) => `{${a.join(' ')}}`,
  openbgpd: (a) => `{ ${a.join(' ')} }`,
};

export function printedPath(daemon: DaemonName, path: readonly Segment[]): string {
  return path.map((s) => (s.type === 'set' ? SET_STYLE[daemon](s.asns) : s.asns.join(' '))).join(' ');
}

