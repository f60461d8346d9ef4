/**
 * The parser against the corpus in ../shared/corpora/lg: every raw output with a sibling .json (the
 * source's own expected parse: ntc-templates TextFSM samples, birdwatcher/alice-lg Go tests, prsw,
 * bgpdump/bgpkit splits) must give the same routes, in order: prefix, AS-path tokens, next hop, and
 * origin/best where the source states them. Where the source is wrong, DEVIATIONS says how and why.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseLookingGlass } from '../../server/src/core/lg/parse';
import { asnValue } from '../../server/src/core/lg/asPathText';
import { withClassfulLength } from '../../server/src/core/lg/address';
import type { LgFormat, LgRoute } from '../../server/src/core/lg/types';

const repoRoot = path.resolve(__dirname, '../..');
const CORPUS = path.join(path.resolve(repoRoot, '../shared'), 'corpora/lg');

interface Expected {
  prefix: string;
  as_path: string[];
  next_hop?: string | null;
  origin?: string | null;
  best?: boolean | null;
}

/** Where the source's expectation is wrong or covers a different set, and what the right answer is. */
interface Deviation {
  readonly reason: string;
  /** Expected routes the parser rightly does not produce (by index in the .json). */
  readonly dropExpected?: (r: Expected, i: number) => boolean;
  /** The corrected expectation for a route. */
  readonly fix?: (r: Expected, i: number) => Expected;
  /** Fields the source gets wrong throughout the file. */
  readonly ignore?: readonly ('prefix' | 'as_path' | 'best')[];
}

const ARISTA_BEST = 'the ntc template never reads Arista\'s best/active marker (`* >` with a space, or `best` in the Origin line) and says false; the parser reads it';
const BIRD_NEXT_HOP: Deviation = {
  reason: 'birdwatcher reports the `via` gateway; the parser reports the BGP NEXT_HOP attribute, which differs for 2001:678:1e0::/48',
  fix: (r) => (r.prefix === '2001:678:1e0::/48' ? { ...r, next_hop: '2001:678:1e0::2' } : r),
};

const DEVIATIONS: Readonly<Record<string, Deviation>> = {
  'bgpkit__readme_cli_elems.txt': {
    reason: 'the split lists withdrawals (W|…) as routes with an empty path; a withdrawal carries no path, so the parser reports none',
    dropExpected: (r) => r.as_path.length === 0,
  },
  'arista_eos__ntc_arista_eos_show_ip_bgp.txt': {
    reason: `Arista prints \`-\` for a missing next hop; the template keeps the dash, the parser reports no next hop. And: ${ARISTA_BEST}`,
    ignore: ['best'],
    fix: (r) => (r.next_hop === '-' ? { ...r, next_hop: null } : r),
  },
  'arista_eos__ntc_arista_eos_show_ip_bgp2.txt': { reason: ARISTA_BEST, ignore: ['best'] },
  'arista_eos__ntc_arista_eos_show_ip_bgp_detail.txt': { reason: ARISTA_BEST, ignore: ['best'] },
  'arista_eos__ntc_arista_eos_show_ip_bgp_detail2.txt': { reason: ARISTA_BEST, ignore: ['best'] },
  'bird1__birdwatcher_routes_ipv6.txt': BIRD_NEXT_HOP,
  'bird2__birdwatcher_routes_ipv6.txt': BIRD_NEXT_HOP,
  'bird3__birdwatcher_routes_ipv6.txt': BIRD_NEXT_HOP,
  'cisco_nxos__ntc_cisco_nxos_show_bgp_vrf_ipv4_unicast_detail.txt': {
    reason:
      'the template fills each path with the prefix of the previous entry line it saw (the first path, 10.1.1.0/24 locally originated, is labelled 0.0.0.0/0) and never reads `is best path`; the parser uses each entry\'s own prefix and flag',
    ignore: ['prefix', 'best'],
  },
  'cisco_nxos__ntc_cisco_nxos_show_ip_bgp1.txt': {
    reason:
      'the sample lost its column alignment; the template takes the third number as the weight, so eBGP paths such as `4294967295 0 12345 102 i` lose their first AS (an eBGP path cannot be empty, as its `12345 i` routes would be); the parser takes 0 as the weight (see the collapsed-columns unit test)',
    ignore: ['as_path'],
  },
};

/** The format each corpus platform must be detected as. */
const PLATFORM_FORMATS: Readonly<Record<string, readonly LgFormat[]>> = {
  cisco_ios: ['cisco-ios'],
  cisco_iosxr: ['cisco-iosxr'],
  cisco_nxos: ['cisco-nxos', 'cisco-nxos-detail'],
  arista_eos: ['arista', 'arista-detail'],
  bird1: ['bird'],
  bird2: ['bird'],
  bird3: ['bird'],
  bgpdump: ['bgpdump'],
  bgpkit: ['bgpdump'],
  alice_lg: ['alice-json'],
  openbgpd: ['openbgpd-json'],
  ripestat: ['ripestat-json'],
  nokia_sros: ['nokia-sros'],
  frr: ['frr', 'frr-detail', 'cisco-ios-detail'],
};

const ORIGIN: Readonly<Record<string, string>> = { i: 'igp', e: 'egp', '?': 'incomplete', IGP: 'igp', EGP: 'egp', INCOMPLETE: 'incomplete', incomplete: 'incomplete' };

/** ASNs of the printed tokens, brackets removed; tokens that are no ASN at all are returned apart. */
function tokensToAsns(tokens: readonly string[]): { asns: number[]; invalid: string[] } {
  const asns: number[] = [];
  const invalid: string[] = [];
  for (const t of tokens.flatMap((x) => x.split(','))) {
    const bare = t.replace(/[{}()[\]]/g, '');
    if (bare === '') continue;
    const v = asnValue(bare);
    if (v === undefined) invalid.push(bare);
    else asns.push(v);
  }
  return { asns, invalid };
}

function flat(r: LgRoute): number[] {
  return r.asPath.flatMap((s) => [...s.asns]);
}

const present = existsSync(CORPUS);
const files = present ? readdirSync(CORPUS).filter((f) => f.endsWith('.txt') && existsSync(path.join(CORPUS, f.replace(/\.txt$/, '.json')))) : [];

test('lg corpus', async (t) => {
  if (!present) {
    t.skip('../shared not present');
    return;
  }
  assert.ok(files.length >= 30, 'the corpus should hold its expected outputs');
  for (const file of files) {
    await t.test(file, () => {
      const text = readFileSync(path.join(CORPUS, file), 'utf8');
      const exp = JSON.parse(readFileSync(path.join(CORPUS, file.replace(/\.txt$/, '.json')), 'utf8')) as { routes: Expected[] };
      const dev = DEVIATIONS[file];
      const want = exp.routes.filter((r, i) => !(dev?.dropExpected?.(r, i) ?? false)).map((r, i) => dev?.fix?.(r, i) ?? r);
      const ignored = new Set(dev?.ignore ?? []);
      const res = parseLookingGlass(text);
      const platform = file.split('__')[0] ?? '';
      const formats = PLATFORM_FORMATS[platform];
      if (formats !== undefined) assert.ok(formats.includes(res.format), `${file}: detected ${res.format}, want one of ${formats.join(', ')}`);
      assert.equal(res.routes.length, want.length, `${file}: route count`);
      want.forEach((w, i) => {
        const got = res.routes[i] as LgRoute;
        const where = `${file} route ${i} (${w.prefix})`;
        if (!ignored.has('prefix')) assert.equal(got.prefix.toLowerCase(), withClassfulLength(w.prefix).toLowerCase(), `${where}: prefix`);
        if (w.next_hop === null) assert.equal(got.nextHop, undefined, `${where}: no next hop`);
        if (w.next_hop !== undefined && w.next_hop !== null && w.next_hop !== '') assert.equal(got.nextHop, w.next_hop, `${where}: next hop`);
        if (typeof w.origin === 'string' && ORIGIN[w.origin] !== undefined) assert.equal(got.origin, ORIGIN[w.origin], `${where}: origin`);
        if (typeof w.best === 'boolean' && !ignored.has('best')) assert.equal(got.best ?? false, w.best, `${where}: best`);
        if (ignored.has('as_path')) return;
        const { asns, invalid } = tokensToAsns(w.as_path);
        assert.deepEqual(flat(got), asns, `${where}: as_path`);
        // Tokens the source kept although they are no AS number must be reported, not silently dropped.
        assert.deepEqual((got.invalidAsns ?? []).map((x) => x.text), invalid, `${where}: invalid ASNs`);
        // Brackets say which segment a token is in: `{64201 64202}` is an AS_SET.
        const setTokens = w.as_path.join(' ').match(/\{[^}]*\}/g)?.length ?? 0;
        assert.equal(got.asPath.filter((s) => s.type === 'set').length, setTokens, `${where}: AS_SET segments`);
      });
    });
  }
});
