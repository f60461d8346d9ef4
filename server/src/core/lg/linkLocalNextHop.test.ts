/**
 * EOS prints an IPv6 link-local next hop with its zone (`fe80::a8c1:abff:fe35:de9%Et1`, RFC 8950 sessions on
 * unnumbered interfaces): longer than the Next Hop column, it pushes every later value right. Real rows from
 * test/lg/real/arista_eos__bgplab_ebgp_ipv6_lla_show_ip_bgp_nexthop_zone_overruns_metric.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLookingGlass } from './parse';

const TABLE = [
  'BGP routing table information for VRF default',
  'Router identifier 10.0.0.1, local AS number 65000',
  'Route status codes: s - suppressed contributor, * - valid, > - active, E - ECMP head, e - ECMP',
  '                    S - Stale, c - Contributing to ECMP, b - backup, L - labeled-unicast',
  '                    % - Pending best path selection',
  'Origin codes: i - IGP, e - EGP, ? - incomplete',
  'RPKI Origin Validation codes: V - valid, I - invalid, U - unknown',
  'AS Path Attributes: Or-ID - Originator ID, C-LST - Cluster List, LL Nexthop - Link Local Nexthop',
  '',
  '          Network                Next Hop              Metric  AIGP       LocPref Weight  Path',
  ' * >      10.0.0.1/32            -                     -       -          -       0       i',
  ' * >      192.168.100.0/24       fe80::a8c1:abff:fe35:de9%Et1 0       -          100     0       65100 i',
  ' * >      192.168.101.0/24       fe80::a8c1:abff:fe16:692b%Et2 0       -          100     0       65101 i',
].join('\n');

test('a zoned link-local next hop running into the Metric column shifts the row; the values and the path are still read, unflagged', () => {
  const r = parseLookingGlass(TABLE);
  assert.equal(r.format, 'arista');
  assert.deepEqual(
    r.routes.map((x) => [x.prefix, x.nextHop, x.med, x.localPref, x.weight, x.asPathText, x.pathUncertain]),
    [
      ['10.0.0.1/32', undefined, undefined, undefined, 0, '', undefined],
      ['192.168.100.0/24', 'fe80::a8c1:abff:fe35:de9', 0, 100, 0, '65100', undefined],
      ['192.168.101.0/24', 'fe80::a8c1:abff:fe16:692b', 0, 100, 0, '65101', undefined],
    ],
  );
  assert.deepEqual(r.unparsed, []);
});
