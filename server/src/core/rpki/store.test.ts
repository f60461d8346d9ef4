import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Asn } from '../net/asn';
import { parsePrefix, type Prefix } from '../net/prefix';
import { RpkiStore, defaultRpkiSettings, type RpkiStatus } from './store';
import type { Clock } from './transport';

const clock: Clock = { setTimeout: () => 0, clearTimeout: () => {}, now: () => 1_767_312_000_000 };
const pfx = (s: string): Prefix => {
  const p = parsePrefix(s);
  assert.ok(p.ok);
  return p.prefix;
};

const FILES: Record<string, string> = {
  '/data/vrps.json': JSON.stringify({
    roas: [
      { asn: 21980, prefix: '200.74.224.0/20', maxLength: 24, ta: 'lacnic' },
      { asn: 64496, prefix: '192.0.2.0/24', maxLength: 24, ta: 'x' },
    ],
    aspas: [{ customer_asid: 21980, providers: [269832] }],
  }),
  '/data/more.csv': 'ASN,IP Prefix,Max Length,Trust Anchor\nAS64497,198.51.100.0/24,24,x\nAS21980,200.74.224.0/20,24,lacnic\n',
  '/data/aspa.json': JSON.stringify({ aspas: [{ customer: 'AS21980', providers: ['AS52320'] }, { customer: 'AS8048', providers: ['AS0'] }] }),
  '/data/local.slurm': JSON.stringify({
    slurmVersion: 1,
    validationOutputFilters: { prefixFilters: [{ prefix: '192.0.2.0/24' }] },
    locallyAddedAssertions: { prefixAssertions: [{ asn: 64511, prefix: '203.0.113.0/24' }] },
  }),
};

function store() {
  return new RpkiStore({
    clock,
    readFile: async (p) => {
      const t = FILES[p];
      if (t === undefined) throw new Error(`ENOENT: no such file ${p}`);
      return t;
    },
  });
}

test('files are combined, de-duplicated, SLURM applied; ROV and the AspaDb see the result', async () => {
  const s = store();
  const events: RpkiStatus[] = [];
  s.onDidChange((st) => events.push(st));
  await s.configure({ ...defaultRpkiSettings, vrpFiles: ['/data/vrps.json', '/data/more.csv', '/data/local.slurm'], aspaFiles: ['/data/aspa.json'] });
  const st = s.status();
  // 200.74.224.0/20 is in two files (counted once), 192.0.2.0/24 is filtered, 203.0.113.0/24 asserted.
  assert.equal(st.vrpCount, 3);
  assert.equal(st.aspaCount, 2);
  assert.deepEqual(st.sources.map((x) => [x.name, x.kind, x.state]), [
    ['/data/vrps.json', 'file', 'loaded'],
    ['/data/more.csv', 'file', 'loaded'],
    ['/data/local.slurm', 'slurm', 'loaded'],
    ['/data/aspa.json', 'file', 'loaded'],
  ]);
  assert.ok(events.length > 0 && events.at(-1)?.vrpCount === 3);
  // The CANTV leak: Dayco's route is ROV-valid whoever leaks it, so ROV alone cannot catch it.
  assert.equal(s.validateOrigin(pfx('200.74.226.0/24'), 21980 as Asn).state, 'valid');
  assert.equal(s.validateOrigin(pfx('192.0.2.0/24'), 64496 as Asn).state, 'not-found');
  assert.equal(s.validateOrigin(pfx('203.0.113.0/24'), 64511 as Asn).state, 'valid');
  assert.deepEqual([...(s.aspaDb().get(21980 as Asn) ?? [])].sort((a, b) => a - b), [52320, 269832]);
  assert.equal(s.aspaDb().get(8048 as Asn)?.size, 0);
});

test('a missing file and RTR without sockets are reported, not thrown', async () => {
  const s = store();
  await s.configure({ rtr: { enabled: true, host: '127.0.0.1', port: 3323 }, vrpFiles: ['/data/nope.json'], aspaFiles: [] });
  const st = s.status();
  assert.deepEqual(st.issues.map((i) => i.code).sort(), ['rpki/file-load-failed', 'rpki/rtr-unavailable']);
  assert.equal(st.sources.find((x) => x.kind === 'rtr')?.state, 'stopped');
  assert.equal(st.vrpCount, 0);
  s.dispose();
});
