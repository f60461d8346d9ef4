/**
 * RouterOS v7 `/routing/route print detail`, from real outputs (test/lg/real/mikrotik__v7_*): items open with
 * the flags alone, no index; the BGP attributes are a dotted group (`bgp.peer-cache-id=… .as-path=…`) that
 * runs over lines; VPN routes carry their RD after `&`; other protocols' groups (`ospf.metric=2 .tag=111`)
 * are no BGP attributes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLookingGlass } from './parse';

const LEGEND = [
  'Flags: X - disabled, F - filtered, U - unreachable, A - active; ',
  'c - connect, s - static, r - rip, b - bgp, o - ospf, i - isis, d - dhcp, v - vpn, m - modem, a - ldp-address, l - ldp-mapping, g - slaac, y - bgp-mpls-vpn; ',
  'H - hw-offloaded; + - ecmp, B - blackhole ',
];

test('v7 items without an index are routes; a path printed alone on its own line still belongs to its item', () => {
  const text = [
    ...LEGEND,
    '  b   afi=ip4 contribution=candidate dst-address=203.0.113.0/24 ',
    '       routing-table=main gateway=192.0.2.2 immediate-gw=192.0.2.2%ether2 ',
    '       distance=20 scope=40 target-scope=10 belongs-to="bgp-IP-192.0.2.2" ',
    '       bgp.peer-cache-id=*2800002 ',
    '       .as-path="64496,64496,64496,65536,65537,65538,65539,65540,65541,64498" ',
    '       .origin=igp ',
    '',
    ' Ab   afi=ip4 contribution=active dst-address=203.0.113.0/24 ',
    '       routing-table=main gateway=192.0.2.10 immediate-gw=192.0.2.10%ether4 ',
    '       bgp.peer-cache-id=*2800004 .as-path="64498" .med=0 .origin=igp ',
  ].join('\n');
  const r = parseLookingGlass(text);
  assert.equal(r.format, 'mikrotik');
  assert.deepEqual(
    r.routes.map((x) => [x.prefix, x.asPathText, x.best, x.nextHop, x.origin]),
    [
      ['203.0.113.0/24', '64496 64496 64496 65536 65537 65538 65539 65540 65541 64498', false, '192.0.2.2', 'igp'],
      ['203.0.113.0/24', '64498', true, '192.0.2.10', 'igp'],
    ],
  );
  assert.deepEqual(r.unparsed, []);
});

test("another protocol's dotted group is not BGP: an OSPF default with `.tag=` gives no route", () => {
  const text = [
    ...LEGEND,
    '  o   afi=ip4 contribution=best-candidate dst-address=0.0.0.0/0 routing-table=main gateway=10.155.101.1%ether1',
    '       distance=110 scope=20 target-scope=10 belongs-to="OSPF route"',
    '       ospf.metric=2 .tag=111 .type=ext-type-1',
    ' Fb   afi=ip4 contribution=filtered dst-address=1.0.0.0/24 routing-table=main gateway=10.155.101.1 distance=20',
    '       bgp.peer-cache-id=*B000002 .aggregator="13335:172.68.180.1" .as-path="65530,100,9002,13335" .origin=igp',
  ].join('\n');
  const r = parseLookingGlass(text);
  assert.deepEqual(
    r.routes.map((x) => [x.prefix, x.asPathText]),
    [['1.0.0.0/24', '65530 100 9002 13335']],
  );
});

test('a VPN route keeps its IP prefix, with the RD printed after `&` as a field; a VRF table names the VRF', () => {
  const text = [
    ...LEGEND,
    ' Ab   afi=vpn4 contribution=active dst-address=111.16.0.0/24&1.1.1.1:111 routing-table=main label=16',
    '       bgp.peer-cache-id=*2C00011 .as-path="65511" .ext-communities=rt:1.1.1.1:111 .local-pref=100',
    ' Ay   afi=ip4 contribution=active dst-address=10.3.3.0/24 routing-table=cust-one label=16',
    '        bgp.peer-cache-id=*2C00011 .ext-communities=rt:1.1.1.1:111 .local-pref=100',
  ].join('\n');
  const r = parseLookingGlass(text);
  assert.deepEqual(
    r.routes.map((x) => [x.prefix, x.rd, x.vrf, x.asPathText]),
    [
      ['111.16.0.0/24', '1.1.1.1:111', undefined, '65511'],
      ['10.3.3.0/24', undefined, 'cust-one', ''],
    ],
  );
});

test('a line naming a new destination starts a new item even without flags, so two routes are never merged', () => {
  const text = [
    ' Ab   afi=ip4 contribution=active dst-address=10.0.0.1/32 routing-table=main',
    '       bgp.peer-cache-id=*2800002 .as-path="65014,65016"',
    '       afi=ip4 contribution=active dst-address=10.0.0.2/32 routing-table=main',
    '       bgp.peer-cache-id=*2800002 .as-path="65080,65899"',
  ].join('\n');
  const r = parseLookingGlass(text);
  assert.deepEqual(
    r.routes.map((x) => [x.prefix, x.asPathText]),
    [
      ['10.0.0.1/32', '65014 65016'],
      ['10.0.0.2/32', '65080 65899'],
    ],
  );
});
