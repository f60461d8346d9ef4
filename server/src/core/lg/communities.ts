import type { Community } from './types';

/** RFC 1997 and later well-known communities, by the names routers print. */
const WELL_KNOWN: readonly { names: readonly string[]; value: number }[] = [
  { names: ['no-export', 'NO_EXPORT'], value: 0xffffff01 },
  { names: ['no-advertise', 'NO_ADVERTISE'], value: 0xffffff02 },
  { names: ['local-AS', 'no-export-subconfed', 'local-as', 'NO_EXPORT_SUBCONFED'], value: 0xffffff03 },
  { names: ['no-peer', 'NOPEER'], value: 0xffffff04 },
  { names: ['graceful-shutdown', 'GRACEFUL_SHUTDOWN'], value: 0xffff0000 },
  { names: ['accept-own', 'ACCEPT_OWN'], value: 0xffff0001 },
  { names: ['llgr-stale', 'LLGR_STALE'], value: 0xffff0006 },
  { names: ['no-llgr', 'NO_LLGR'], value: 0xffff0007 },
  { names: ['blackhole', 'BLACKHOLE'], value: 0xffff029a },
  { names: ['internet'], value: 0 },
];
const BY_NAME: ReadonlyMap<string, number> = new Map(WELL_KNOWN.flatMap((w) => w.names.map((n) => [n, w.value] as const)));

function u32(t: string): number | undefined {
  if (!/^[0-9]{1,10}$/.test(t)) return undefined;
  const v = Number(t);
  return v <= 4294967295 ? v : undefined;
}
function u16(t: string): number | undefined {
  const v = u32(t);
  return v !== undefined && v <= 65535 ? v : undefined;
}

function wellKnown(name: string, value: number): Community {
  return { kind: 'well-known', name, asn: Math.floor(value / 65536), value: value % 65536 };
}

/**
 * One community token in any of the printed forms: `65000:1`, `1:2:3` (large), `(65000,1)` and
 * `(1, 2, 3)` (BIRD), well-known names, `rt 65000:1`/`(rt, 65000, 1)` (extended, kept as text).
 */
export function parseCommunity(token: string): Community | undefined {
  let t = token.trim();
  if (t.length === 0) return undefined;
  const known = BY_NAME.get(t);
  if (known !== undefined) return wellKnown(t, known);
  if (t.startsWith('(') && t.endsWith(')')) t = t.slice(1, -1);
  // Junos writes `large:65000:1:2` for a large community and `target:65000:1` for a route target.
  if (t.startsWith('large:')) t = t.slice(6);
  else if (/^(?:target|origin|bandwidth|color|encapsulation):/.test(t)) return { kind: 'extended', text: token.trim() };
  const parts = t.split(/\s*[,:]\s*/);
  if (parts.length === 2) {
    const a = u16(parts[0] ?? '');
    const v = u16(parts[1] ?? '');
    if (a !== undefined && v !== undefined) {
      const full = a * 65536 + v;
      const name = WELL_KNOWN.find((w) => w.value === full && full !== 0)?.names[0];
      return name !== undefined ? wellKnown(name, full) : { kind: 'standard', asn: a, value: v };
    }
  }
  if (parts.length === 3) {
    const g = u32(parts[0] ?? '');
    const l1 = u32(parts[1] ?? '');
    const l2 = u32(parts[2] ?? '');
    if (g !== undefined && l1 !== undefined && l2 !== undefined) return { kind: 'large', global: g, local1: l1, local2: l2 };
    // BIRD's `(rt, 42, 1234)` and OpenBGPD's `rt 65000:11000` fall through to extended.
    if (/^[A-Za-z]/.test(parts[0] ?? '')) return { kind: 'extended', text: token.trim() };
  }
  if (/^(?:rt|ro|soo|RT|SoO|Route-Target|generic|unknown|\[)/i.test(t)) return { kind: 'extended', text: token.trim() };
  return undefined;
}

/**
 * A line or field of communities. Splits on whitespace outside parentheses so BIRD's `(9033, 65666, 12)`
 * stays one token; unknown tokens (FRR aliases such as `community-1`) are returned in `unknown`.
 */
export function parseCommunityList(text: string): { communities: Community[]; unknown: string[] } {
  const communities: Community[] = [];
  const unknown: string[] = [];
  let depth = 0;
  let startTok = -1;
  const flush = (end: number): void => {
    if (startTok < 0) return;
    const tok = text.slice(startTok, end);
    startTok = -1;
    const c = parseCommunity(tok);
    if (c !== undefined) communities.push(c);
    else unknown.push(tok);
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 40) {
      if (depth === 0) {
        flush(i);
        startTok = i;
      }
      depth++;
    } else if (c === 41) {
      depth = Math.max(0, depth - 1);
      if (depth === 0) flush(i + 1);
    } else if ((c === 32 || c === 9) && depth === 0) flush(i);
    else if (startTok < 0) startTok = i;
  }
  flush(text.length);
  return { communities, unknown };
}
