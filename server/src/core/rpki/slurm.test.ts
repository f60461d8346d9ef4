import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Asn } from '../net/asn';
import { formatPrefix, parsePrefix } from '../net/prefix';
import { applySlurmToAspas, applySlurmToVrps, parseSlurm } from './slurm';
import { loadVrpFile } from './vrpFile';
import type { Vrp } from './types';

const vrp = (p: string, maxLength: number, asn: number): Vrp => {
  const r = parsePrefix(p);
  assert.ok(r.ok);
  return { prefix: r.prefix, maxLength, asn: asn as Asn };
};
const show = (vs: readonly Vrp[]): string[] => vs.map((v) => `${formatPrefix(v.prefix)}-${v.maxLength} AS${v.asn}`).sort();

/** The full example of RFC 8416 §3.5 (BGPsec members left out: RouteLens does not use router keys). */
const RFC8416_EXAMPLE = `{
  "slurmVersion": 1,
  "validationOutputFilters": {
    "prefixFilters": [
      { "prefix": "192.0.2.0/24", "comment": "All VRPs encompassed by prefix" },
      { "asn": 64496, "comment": "All VRPs matching ASN" },
      { "prefix": "198.51.100.0/24", "asn": 64497, "comment": "All VRPs encompassed by prefix, matching ASN" }
    ],
    "bgpsecFilters": []
  },
  "locallyAddedAssertions": {
    "prefixAssertions": [
      { "asn": 64496, "prefix": "198.51.100.0/24", "comment": "My other important route" },
      { "asn": 64496, "prefix": "2001:DB8::/32", "maxPrefixLength": 48, "comment": "My other important de-aggregated routes" }
    ],
    "bgpsecAssertions": []
  }
}`;

test('RFC 8416 §3.5 example: filters by prefix, by ASN and by both, then assertions added', () => {
  const load = loadVrpFile(RFC8416_EXAMPLE, 'local.slurm.json');
  assert.equal(load.format, 'slurm');
  const { slurm, issues } = parseSlurm(load.slurm, 'local.slurm.json');
  assert.deepEqual(issues, []);
  const input = [
    vrp('192.0.2.0/24', 24, 1), // filtered: prefix
    vrp('192.0.2.128/25', 25, 2), // filtered: covered by the filter prefix
    vrp('203.0.113.0/24', 24, 64496), // filtered: ASN
    vrp('198.51.100.0/24', 24, 64497), // filtered: prefix and ASN
    vrp('198.51.100.0/24', 24, 64498), // kept: other ASN
    vrp('198.51.0.0/16', 16, 64497), // kept: not within 198.51.100.0/24
  ];
  assert.deepEqual(show(applySlurmToVrps(input, slurm)), [
    '198.51.0.0/16-16 AS64497',
    '198.51.100.0/24-24 AS64496',
    '198.51.100.0/24-24 AS64498',
    '2001:db8::/32-48 AS64496',
  ]);
});

test('SLURM ASPA members: a filter drops a customer, an assertion replaces its providers', () => {
  const doc = {
    slurmVersion: 2,
    validationOutputFilters: { prefixFilters: [], aspaFilters: [{ customerAsid: 64500 }] },
    locallyAddedAssertions: { prefixAssertions: [], aspaAssertions: [{ customerAsid: 64510, providerAsids: [64511, 64512] }] },
  };
  const { slurm, issues } = parseSlurm(doc, 's.json');
  assert.deepEqual(issues, []);
  const out = applySlurmToAspas(
    [
      { customer: 64500 as Asn, providers: [1 as Asn] },
      { customer: 64510 as Asn, providers: [2 as Asn] },
      { customer: 64520 as Asn, providers: [3 as Asn] },
    ],
    slurm,
  );
  assert.deepEqual(out, [
    { customer: 64520, providers: [3] },
    { customer: 64510, providers: [64511, 64512] },
  ]);
});

test('unreadable SLURM entries are reported and ignored', () => {
  const { slurm, issues } = parseSlurm({ slurmVersion: 1, validationOutputFilters: { prefixFilters: [{ comment: 'nothing' }, { prefix: '10.0.0.0/33' }] } }, 's.json');
  assert.equal(slurm.prefixFilters.length, 0);
  assert.deepEqual(issues.map((i) => i.code), ['rpki/slurm-entry-invalid', 'rpki/slurm-entry-invalid']);
});
