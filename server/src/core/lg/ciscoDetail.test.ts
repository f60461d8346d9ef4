/**
 * The detail form's continuation lines: IOS-XR wraps a long `Community:` list onto lines indented further
 * (the layout of XR's `show bgp <prefix>`, as public looking glasses print it); NX-OS names the VRF in
 * its `BGP routing table information for VRF default, address family …` heading.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLookingGlass } from './parse';
import { vrfLine } from './routeDistinguisher';

const XR = [
  'RP/0/RSP0/CPU0:lg#show bgp 8.8.8.0/24',
  'BGP routing table entry for 8.8.8.0/24',
  'Versions:',
  '  Process           bRIB/RIB  SendTblVer',
  '  Speaker           12345678    12345678',
  'Paths: (1 available, best #1)',
  '  Not advertised to any peer',
  '  Path #1: Received by speaker 0',
  '  Not advertised to any peer',
  '  3356 15169',
  '    4.68.1.1 (metric 10) from 10.0.0.1 (10.0.0.1)',
  '      Origin IGP, metric 0, localpref 100, valid, internal, best, group-best',
  '      Community: 3356:2 3356:22 3356:100',
  '        65000:1 65000:2 no-export',
  '      Originator: 10.0.0.1, Cluster list: 10.0.0.2',
  '',
].join('\n');

test('communities wrapped onto a further-indented line belong to the list above, never to a path', () => {
  const r = parseLookingGlass(XR);
  assert.equal(r.routes.length, 1);
  const route = r.routes[0];
  assert.equal(route?.asPathText, '3356 15169');
  assert.equal(route?.communities.length, 6);
  assert.deepEqual(r.unparsed, []);
});

test('vrfLine: the NX-OS heading names the VRF without its comma; default is no VRF', () => {
  assert.deepEqual(vrfLine('BGP routing table information for VRF BLUE, address family IPv4 Unicast'), { vrf: 'BLUE' });
  assert.deepEqual(vrfLine('BGP routing table information for VRF default, address family IPv6 Unicast'), {});
});

test('a path line indented oddly by a paste is read, and flagged when it could be a peer-list number; never an empty path', () => {
  // Cut from test/lg/real/cisco_iosxr__ru_isp_notes_show_bgp_prefix_tabs_mangled_three_paths (IOS-XR).
  const text = [
    '\tBGP routing table entry for 119.196.208.0/20',
    '\tPaths: (3 available, best #3)',
    '\t  Path #1: Received by speaker 0',
    '\t  Not advertised to any peer',
    '\t  50439',
    '\t    180.64.16.74 from 180.64.16.74 (195.112.239.202)',
    '\t      Origin IGP, metric 0, localpref 150, valid, external',
    '  Path #2: Received by speaker 0',
    '\t\t\t  Not advertised to any peer',
    '\t\t\t  50439, (received-only)',
    '\t\t\t    180.64.16.74 from 180.64.16.74 (195.112.239.202)',
    '\t\t\t      Origin IGP, metric 0, localpref 100, valid, external',
    '\t\t\t  Path #3: Received by speaker 0',
    '\t\t\t  Advertised to peers (in unique update groups):',
    '\t\t\t    180.64.17.202    188.43.241.46   188.170.166.233 180.64.17.58     ',
    '\t\t\t  50439',
    '\t\t\t    94.73.254.48 from 94.73.254.48 (119.226.254.254)',
    '\t\t\t      Origin IGP, metric 0, localpref 200, valid, internal, best, group-best',
  ].join('\n');
  const r = parseLookingGlass(text);
  assert.deepEqual(
    r.routes.map((x) => [x.asPathText, x.pathUncertain !== undefined]),
    [
      ['50439', false],
      ['50439', true],
      ['50439', true],
    ],
  );
});
