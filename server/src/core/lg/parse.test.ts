import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LgStreamParser, parseLookingGlass } from './parse';
import { lgDiagnostics } from '../../../../test/support/lgDiagnostics';
import { lgCodes } from './codes';

const HEADER = '     Network          Next Hop            Metric LocPrf Weight Path';
const flat = (r: { asPath: readonly { asns: readonly number[] }[] } | undefined) => r?.asPath.flatMap((s) => [...s.asns]);

test('column overflow: a 10-digit metric pushes the columns right, tokens are read from the right', () => {
  const r = parseLookingGlass([HEADER, ' *>  11.222.33.0/24   111.222.123.202 4000000000    350      0 65000 65001 ?'].join('\n'));
  const x = r.routes[0];
  assert.equal(x?.med, 4000000000);
  assert.equal(x?.localPref, 350);
  assert.equal(x?.weight, 0);
  assert.deepEqual(flat(x), [65000, 65001]);
});

test('IOS-XR: a 10-digit local pref overflows into the weight column', () => {
  const text = [
    'BGP router identifier 84.38.34.56, local AS number 65444',
    '   Network            Next Hop            Metric LocPrf Weight Path',
    '*> 111.111.111.111/32 112.112.112.112 4294967295 4294967295  65535 1000 1000 i',
    '*>                    6.6.6.6                                1 5 1000 i',
  ].join('\n');
  const r = parseLookingGlass(text);
  assert.equal(r.format, 'cisco-iosxr');
  assert.deepEqual([r.routes[0]?.med, r.routes[0]?.localPref, r.routes[0]?.weight], [4294967295, 4294967295, 65535]);
  assert.deepEqual(flat(r.routes[0]), [1000, 1000]);
  assert.equal(r.routes[1]?.weight, 1);
  assert.deepEqual(flat(r.routes[1]), [5, 1000]);
  assert.equal(r.routes[1]?.prefix, '111.111.111.111/32');
});

test('a prefix wrapped onto the next line keeps its prefix and both lines', () => {
  const r = parseLookingGlass([HEADER, ' *>  123.233.111.222/24', '                       11.222.1.202         28416    350      0 65000 ?'].join('\n'));
  assert.equal(r.routes.length, 1);
  assert.equal(r.routes[0]?.prefix, '123.233.111.222/24');
  assert.equal(r.routes[0]?.nextHop, '11.222.1.202');
  assert.deepEqual(r.routes[0]?.lines, { start: 1, end: 2 });
  assert.deepEqual(r.unparsed, []);
});

test('classful prefixes get their classful length; flags glued to the prefix are read', () => {
  const r = parseLookingGlass(
    [HEADER, ' *>i10.0.0.0        172.16.1.2               0    100      0 i', ' *bi192.168.9.0      192.168.3.2              0    100      0 10 10 i', ' *>  172.16.0.0       0.0.0.0                  0         32768 i'].join('\n'),
  );
  assert.deepEqual(r.routes.map((x) => x.prefix), ['10.0.0.0/8', '192.168.9.0/24', '172.16.0.0/16']);
  assert.deepEqual(r.routes.map((x) => x.best), [true, false, true]);
  assert.deepEqual(flat(r.routes[1]), [10, 10]);
  assert.equal(r.routes[2]?.weight, 32768);
});

test('a table pasted with its columns squeezed: weight 0 ends the numbers, eBGP paths keep their first AS', () => {
  const text = ['Network Next Hop Metric LocPrf Weight Path', '* e0.0.0.0/0 1.2.3.4 4294967295 0 12345 102 i', '* i 2.3.4.5 4294967295 100 0 i'].join('\n');
  const r = parseLookingGlass(text, { format: 'cisco-nxos' });
  assert.deepEqual(flat(r.routes[0]), [12345, 102]);
  assert.equal(r.routes[0]?.med, 4294967295);
  assert.deepEqual(flat(r.routes[1]), []);
  assert.equal(r.routes[1]?.localPref, 100);
  assert.equal(r.routes[1]?.nextHop, '2.3.4.5');
});

test('BIRD: continuation lines of long community lists, second path without prefix, BIRD 3 names', () => {
  const text = [
    '10.0.0.0/8           unicast [p1 12:00:00.000] * (100) [AS65002i]',
    '\tvia 192.0.2.1 on eth0',
    '\tbgp_path: 65001 65002',
    '\tbgp_community: (65001,1)',
    '\t\t(65001,2)',
    '\tbgp_otc: 65001',
    '                     unicast [p2 12:00:00.000] (100) [AS65002i]',
    '\tvia 192.0.2.2 on eth0',
    '\tbgp_path: 65003 65002',
  ].join('\n');
  const r = parseLookingGlass(text);
  assert.equal(r.format, 'bird');
  assert.equal(r.routes.length, 2);
  assert.equal(r.routes[0]?.communities.length, 2);
  assert.equal(r.routes[0]?.otc, 65001);
  assert.equal(r.routes[0]?.best, true);
  assert.equal(r.routes[1]?.prefix, '10.0.0.0/8');
  assert.equal(r.routes[1]?.nextHop, '192.0.2.2');
  assert.deepEqual(r.unparsed, []);
});

test('empty BGP.as_path: means a locally originated route', () => {
  const r = parseLookingGlass(['10.0.0.0/8           unicast [p1 12:00:00.000] * (100) [i]', '\tBGP.as_path: ', '\tBGP.origin: IGP'].join('\n'), { format: 'bird' });
  assert.deepEqual(r.routes[0]?.asPath, []);
  assert.equal(r.routes[0]?.origin, 'igp');
});

test('prompts, timestamps, ANSI colours and HTML around the output are understood', () => {
  const text = [
    '<pre>router1#show ip bgp',
    'Wed Jun 20 18:46:11.356 BST',
    HEADER,
    '\u001b[32m *>  10.1.0.0/16      192.0.2.1                0             0 65001 i\u001b[0m',
    ' *&gt;  10.2.0.0/16      192.0.2.1                0             0 65002 i</pre>',
    'router1#',
  ].join('\r\n');
  const r = parseLookingGlass(text, { format: 'cisco-ios' });
  assert.deepEqual(r.routes.map((x) => x.prefix), ['10.1.0.0/16', '10.2.0.0/16']);
  assert.deepEqual(r.routes[1]?.best, true);
  assert.deepEqual(r.unparsed, []);
});

test('unknown lines are reported with their 0-based line, and become diagnostics with a code from codes.ts', () => {
  const text = [HEADER, ' *>  10.1.0.0/16      192.0.2.1                0             0 65001 99999999999 i', 'garbage here'].join('\n');
  const r = parseLookingGlass(text, { format: 'cisco-ios' });
  assert.deepEqual(r.unparsed.map((u) => u.line), [2]);
  assert.deepEqual(r.routes[0]?.invalidAsns, [{ text: '99999999999', line: 1 }]);
  const d = lgDiagnostics(r, text);
  const codes = new Set<string>(lgCodes.map((c) => c.code));
  assert.ok(d.every((x) => codes.has(x.code)));
  assert.deepEqual(d.map((x) => [x.code, x.range.start.line]).sort(), [
    ['lg/invalid-asn', 1],
    ['lg/unparsed-line', 2],
  ]);
  const bad = d.find((x) => x.code === 'lg/invalid-asn');
  assert.equal(text.split('\n')[1]?.slice(bad?.range.start.character, bad?.range.end.character), '99999999999');
});

test('streaming in small chunks gives the same result as one string', () => {
  const text = [
    'BGP table version is 7, local router ID is 192.0.2.254',
    HEADER,
    ...Array.from({ length: 80 }, (_, i) => ` *>  10.${i}.0.0/16      192.0.2.1                0             0 65001 ${i + 1} i`),
  ].join('\n');
  const whole = parseLookingGlass(text);
  for (const size of [1, 7, 100]) {
    const p = new LgStreamParser();
    for (let i = 0; i < text.length; i += size) p.push(text.slice(i, i + size));
    assert.deepEqual(p.end(), whole, `chunks of ${size}`);
  }
  let n = 0;
  const counted = new LgStreamParser({ onRoute: () => n++ });
  counted.push(text);
  assert.equal(counted.end().routes.length, 0);
  assert.equal(n, 80);
});

test('detection: each family is recognised from its own lines', () => {
  const cases: [string, string][] = [
    ['TABLE_DUMP2|1277971199|B|202.249.2.20|4777|24.223.128.0/17|4777 2516 {11060,12262}|IGP|202.249.2.20|0|0||AG||', 'bgpdump'],
    ['A|1637437799|185.1.8.65|60924|186.233.208.0/22|60924 6939|IGP|185.1.8.63|0|0||NAG||', 'bgpdump'],
    ['24482 52320 8048 6762\n3356 1299', 'aspath-list'],
    [' *>  10.1.0.0/16      192.0.2.1                0             0 65001 i\n *>  10.2.0.0/16      192.0.2.1                0             0 65002 i', 'cisco-ios'],
    ['{"rib": [{"prefix": "10.0.0.0/8", "aspath": "65001 65002"}]}', 'openbgpd-json'],
    ['flags: * = Valid, > = Selected, I = via IBGP, A = Announced,\nflags vs destination          gateway          lpref   med aspath origin\n*>    N-? 192.0.2.0/24         192.0.2.1          100     0 65001 i', 'openbgpd'],
  ];
  for (const [text, format] of cases) assert.equal(parseLookingGlass(text).format, format, text.slice(0, 40));
});

test('an unknown paste yields no routes, every non-blank line unparsed, and a format-unknown diagnostic', () => {
  const text = 'hello\n\nworld';
  const r = parseLookingGlass(text);
  assert.equal(r.format, 'unknown');
  assert.deepEqual(r.unparsed.map((u) => u.line), [0, 2]);
  assert.ok(lgDiagnostics(r, text).some((d) => d.code === 'lg/format-unknown'));
});

test('a forced JSON format over blank or prompt-only text ends (no document, nothing read)', () => {
  for (const text of ['\n', '\n\n', '\nrouter#\n', '']) {
    const r = parseLookingGlass(text, { format: 'frr-json' });
    assert.equal(r.routes.length, 0);
  }
});

// SR OS VPN tables (show router bgp … vpn-ipv4) put the label under a `Label` header at the end of the path line,
// as in the real paste test/lg/real/nokia_sros__mdcli_handson_received_routes_vpn_ipv4_rd_glued.txt.
const SROS_VPN_HEAD = [
  'BGP VPN-IPv4 Routes',
  '===============================================================================',
  'Flag  Network                                            LocalPref   MED',
  '      Nexthop (Router)                                   Path-Id     IGP Cost',
  '      As-Path                                                        Label',
  '-------------------------------------------------------------------------------',
];

test('SR OS VPN tables: the label at the end of the path line is not an AS; the RD is kept apart', () => {
  const text = [
    ...SROS_VPN_HEAD,
    'u*>i  65000:7:192.0.2.0/24                               100         None',
    '      198.51.100.1                                       None        10',
    '      64500 64511 4200000001 i                                       524287',
  ].join('\n');
  const [r] = parseLookingGlass(text).routes;
  assert.equal(r?.prefix, '192.0.2.0/24');
  assert.equal(r?.rd, '65000:7');
  assert.deepEqual(r?.asPath, [{ type: 'sequence', asns: [64500, 64511, 4200000001] }]);
  assert.equal(r?.pathUncertain, undefined);
});

test('SR OS VPN tables: a path that runs into the Label column is kept and flagged, never silently cut', () => {
  const long = Array.from({ length: 14 }, (_, i) => 4200000000 + i).join(' ');
  const text = [...SROS_VPN_HEAD, 'u*>i  65000:7:192.0.2.0/24                               100         None', '      198.51.100.1                                       None        10', `      ${long} 524287`].join('\n');
  const [r] = parseLookingGlass(text).routes;
  assert.ok(r?.pathUncertain, JSON.stringify(r));
});

// Two BIRD 2 routes (the shape of examples/cantv/cantv.lg), for pastes that hold something else between or before them.
const BIRD_ROUTE = (net: string, path: string): string[] => [
  `${net}      unicast [AS24482_v4 2026-01-02 16:42:07] * (100) [AS21980i]`,
  '\tvia 103.16.102.61 on eth0',
  '\tType: BGP univ',
  '\tBGP.origin: IGP',
  `\tBGP.as_path: ${path}`,
  '\tBGP.next_hop: 103.16.102.61',
];
const BIRD_SESSION = ['bird> show route all where net ~ 200.74.224.0/20 table master4', 'Table master4:', ...BIRD_ROUTE('200.74.226.0/24', '24482 52320 8048 6762 1299 269832 21980'), ...BIRD_ROUTE('200.74.228.0/23', '6939 1299 269832 21980')];

test('a line that opens like JSON but starts no JSON document does not hide the output after it', () => {
  // test/fuzz/entryPoints.test.ts with FUZZ_SEED=101 found it: a random line `["N0JZ) …` between two BIRD sessions
  // made everything after it one unreadable "JSON document", and the second session's routes were lost unsaid.
  for (const junk of ['[', '{', '["N0JZ) 5tde@u0qSV[;Bd@%C{:', '{"a":', '[ "x']) {
    for (const text of [[...BIRD_SESSION, junk, ...BIRD_SESSION], [junk, ...BIRD_SESSION]].map((ls) => ls.join('\n'))) {
      const r = parseLookingGlass(text);
      const lines = text.split('\n');
      const junkLine = lines.indexOf(junk);
      assert.deepEqual(
        r.routes.map((x) => [x.prefix, x.lines.start]),
        lines.flatMap((l, i) => (/^200\.74\./.test(l) ? [[l.split(' ')[0], i]] : [])),
        `${JSON.stringify(junk)} at line ${junkLine}: every route, at its own line`,
      );
      assert.deepEqual(r.routes.map((x) => flat(x)?.length), lines.flatMap((l) => (/^200\.74\./.test(l) ? [l.startsWith('200.74.226.') ? 7 : 4] : [])));
      assert.deepEqual(r.unparsed.map((u) => u.line), [junkLine], `${JSON.stringify(junk)}: the line is reported, and only it`);
      assert.equal(r.format, 'bird');
      const chunked = new LgStreamParser();
      for (let i = 0; i < text.length; i += 7) chunked.push(text.slice(i, i + 7));
      assert.deepEqual(chunked.end(), r, 'streamed in chunks of 7, the same result');
    }
  }
});

test('a JSON document that cannot be read stays one finding, not one per line', () => {
  const text = ['{"rib": [', '  not json at all', '  nor this', ']'].join('\n');
  const r = parseLookingGlass(text);
  assert.equal(r.routes.length, 0);
  assert.deepEqual(r.unparsed.map((u) => u.line), [0]);
  assert.match(r.unparsed[0]?.reason ?? '', /^JSON could not be read/);
});

test('a JSON document after a prompt: its invalid ASNs point at the route’s own line, as its lines do', () => {
  for (const doc of [
    ['{"rib": [{"prefix": "10.0.0.0/8", "aspath": "65001 4294967296 65002"}]}'],
    ['{', '  "rib": [', '    {', '      "prefix": "10.0.0.0/8",', '      "aspath": "65001 4294967296 65002"', '    }', '  ]', '}'],
  ]) {
    const r = parseLookingGlass(['bgpctl> show rib detail', ...doc].join('\n'));
    const route = r.routes[0];
    assert.equal(r.routes.length, 1);
    assert.deepEqual(route?.invalidAsns, [{ text: '4294967296', line: route?.lines.start }]);
  }
});
