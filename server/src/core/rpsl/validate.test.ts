import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { SpanDiagnostic } from '../diagnostics/diagnostic';
import type { RpslDialectSetting } from './dialects';
import { parsePrefix } from '../net/prefix';
import { rpslCodes } from './codes';
import { dialectOf } from './dialects';
import { frameRpsl } from './frame';
import { validateRpslText } from './validate';

/** [code, severity, the exact text the diagnostic covers] for every finding in the text. */
function findings(text: string, dialect: RpslDialectSetting = 'irrd'): [string, string, string][] {
  return validateRpslText(text, dialect).map((d) => [d.code, d.severity, text.slice(d.span.start, d.span.end)]);
}
function codes(text: string, dialect: RpslDialectSetting = 'irrd'): string[] {
  return validateRpslText(text, dialect).map((d) => d.code);
}
function only(text: string, dialect: RpslDialectSetting = 'irrd'): SpanDiagnostic {
  const ds = validateRpslText(text, dialect);
  assert.equal(ds.length, 1, JSON.stringify(ds.map((d) => d.code)));
  return ds[0]!;
}

const ROUTE = (prefix: string, extra = ''): string => `route: ${prefix}\norigin: AS65000\nmnt-by: TEST-MNT\n${extra}source: TEST\n`;
const ROUTE_SET = (extra: string): string => `route-set: RS-TEST\n${extra}mnt-by: TEST-MNT\nsource: TEST\n`;

test('a valid route gives no findings', () => {
  assert.deepEqual(findings(ROUTE('192.0.2.0/24')), []);
});

test('host bits set: error on the prefix, with the covering prefix as fix', () => {
  const text = ROUTE('192.0.2.1/24');
  const d = only(text);
  assert.equal(d.code, 'rpsl/host-bits-set');
  assert.equal(text.slice(d.span.start, d.span.end), '192.0.2.1/24');
  assert.match(d.message, /did you mean 192\.0\.2\.0\/24/);
  assert.equal(d.fixes?.[0]?.edits[0]?.newText, '192.0.2.0/24');
  assert.equal(only(ROUTE('12ab::cd30/60').replace('route:', 'route6:')).code, 'rpsl/host-bits-set');
  assert.equal(only(ROUTE('2001:db8::/32')).code, 'rpsl/wrong-address-family');
});

test('short IPv4 forms are errors with the four-octet form as fix', () => {
  const d = only(ROUTE('192.0.2/24'));
  assert.equal(d.code, 'rpsl/short-prefix');
  assert.equal(d.fixes?.[0]?.edits[0]?.newText, '192.0.2.0/24');
});

test('normalisations are information with a fix: leading zeros, lower-case as, IPv6 case', () => {
  assert.deepEqual(findings(ROUTE('192.0.02.0/24')), [['rpsl/non-canonical', 'information', '192.0.02.0/24']]);
  const text = 'aut-num: as065538\nas-name: TEST\nadmin-c: AA1-TEST\ntech-c: AA1-TEST\nsource: TEST\n';
  const d = only(text);
  assert.equal(d.code, 'rpsl/non-canonical');
  assert.equal(d.fixes?.[0]?.edits[0]?.newText, 'AS65538');
});

test('AS numbers: range, missing prefix, asdot per dialect', () => {
  assert.equal(only(ROUTE('192.0.2.0/24').replace('AS65000', 'AS4294967296')).code, 'rpsl/invalid-asn');
  const bare = only(ROUTE('192.0.2.0/24').replace('AS65000', '65000'));
  assert.equal(bare.code, 'rpsl/invalid-asn');
  assert.equal(bare.fixes?.[0]?.edits[0]?.newText, 'AS65000');
  const asdot = ROUTE('192.0.2.0/24').replace('AS65000', 'AS1.10');
  assert.deepEqual(findings(asdot, 'irrd'), [['rpsl/asdot', 'error', 'AS1.10']]);
  assert.equal(only(asdot, 'ripe').severity, 'error');
  // RFC 5396 allows asdot; the rfc dialect warns and offers asplain (AS1.10 = 65546).
  const rfc = validateRpslText(asdot, 'rfc').find((d) => d.code === 'rpsl/asdot');
  assert.equal(rfc?.severity, 'warning');
  assert.equal(rfc?.fixes?.[0]?.edits[0]?.newText, 'AS65546');
  assert.deepEqual(findings(ROUTE('0.0.0.0/0').replace('AS65000', 'AS0')), []);
});

test('range operators: n ≥ prefix length, m ≥ n, m ≤ 32 / 128', () => {
  const ok = ['192.0.2.0/24^-', '192.0.2.0/24^+', '192.0.2.0/24^24', '192.0.2.0/24^24-32', 'AS65000^32', 'RS-OTHER^+', 'AS65000:RS-X^25-26'];
  for (const m of ok) assert.deepEqual(findings(ROUTE_SET(`members: ${m}\n`)), [], m);
  const bad: [string, string][] = [
    ['192.0.2.0/24^23', '^23'],
    ['192.0.2.0/24^23-32', '^23-32'],
    ['192.0.2.0/24^33', '^33'],
    ['192.0.2.0/24^32-30', '^32-30'],
    ['192.0.2.0/24^', '^'],
    ['192.0.2.0/24^x', '^x'],
    ['192.0.2.0/24^24+32', '^24+32'],
    ['192.0.2.0/32^-', '^-'],
  ];
  for (const [m, tok] of bad) assert.deepEqual(findings(ROUTE_SET(`members: ${m}\n`)), [['rpsl/invalid-range-operator', 'error', tok]], m);
  assert.deepEqual(findings(ROUTE_SET('mp-members: 2001:db8::/32^48-64, 2001:db8::/32^129\n')), [['rpsl/invalid-range-operator', 'error', '^129']]);
  assert.equal(only(ROUTE_SET('members: 192.0.2.0/24^32-30\n')).fixes?.[0]?.edits[0]?.newText, '^30-32');
});

test('members: is IPv4-only, mp-members: takes both families', () => {
  assert.deepEqual(findings(ROUTE_SET('members: 2001:db8::/32\n')), [['rpsl/member-wrong-family', 'error', '2001:db8::/32']]);
  assert.deepEqual(findings(ROUTE_SET('mp-members: 2001:db8::/32, 192.0.2.0/24\n')), []);
  const rtr = 'rtr-set: RTRS-X\nmembers: 2001:db8::1\nmp-members: 2001:db8::1, rtr.example.net, 192.0.2.1\nmnt-by: TEST-MNT\nsource: TEST\n';
  assert.deepEqual(findings(rtr), [['rpsl/member-wrong-family', 'error', '2001:db8::1']]);
});

test('a list split over continuation lines gets the same verdict as on one line, at exact ranges', () => {
  const one = ROUTE_SET('members: AS1, RS-A, FOO, 192.0.2.1/24\n');
  const split = ROUTE_SET('members: AS1,\n         RS-A,\n+        FOO,   # a comment\n\t192.0.2.1/24\n');
  assert.deepEqual(findings(split), findings(one));
  assert.deepEqual(
    findings(split).map((f) => f[0] + ' ' + f[2]),
    ['rpsl/invalid-member FOO', 'rpsl/host-bits-set 192.0.2.1/24'],
  );
});

test('set names: hierarchy, class prefixes, length, components, reserved words', () => {
  const asSet = (name: string, dialect: RpslDialectSetting = 'irrd'): string[] => codes(`as-set: ${name}\nmnt-by: TEST-MNT\nsource: TEST\n`, dialect);
  assert.deepEqual(asSet('AS8048:AS-CUSTOMERS'), []);
  assert.deepEqual(asSet('AS-FOO'), []);
  assert.deepEqual(asSet('AS1:AS-FOO:AS3'), []);
  assert.deepEqual(asSet('AS1:AS3'), ['rpsl/invalid-set-name']);
  assert.deepEqual(asSet(':AS-FOO'), ['rpsl/invalid-set-name']);
  assert.deepEqual(asSet('RS-FOO'), ['rpsl/set-name-wrong-class']);
  assert.deepEqual(asSet('AS1:AS-FOO:RS-BAR'), ['rpsl/set-name-wrong-class']);
  assert.deepEqual(asSet('AS1:AS-B:AS-C:AS-D:AS-E:AS-F'), ['rpsl/set-name-too-many-components']);
  assert.deepEqual(asSet('AS-' + 'X'.repeat(78)), ['rpsl/set-name-too-long']);
  assert.deepEqual(asSet('AS-ANY'), ['rpsl/set-name-reserved']);
  assert.deepEqual(asSet('AS1:AS-ANY'), ['rpsl/set-name-reserved']);
  // RIPE wants new sets under the owner's AS number: a warning, since old sets stay valid.
  const ripe = validateRpslText('as-set: AS-FOO\nadmin-c: AA1-TEST\ntech-c: AA1-TEST\nmnt-by: TEST-MNT\nsource: RIPE\n', 'auto');
  assert.deepEqual(
    ripe.map((d) => [d.code, d.severity]),
    [['rpsl/set-name-not-hierarchical', 'warning']],
  );
});

test("RIPE refuses short names for new as-sets only, and takes any hierarchical one (RIPE-NCC/whois ASNameHierarchicalValidator: CREATE, AS_SET, key contains ':')", () => {
  const set = (cls: string, name: string): string =>
    `${cls}: ${name}\ndescr: d\nmembers: ${cls === 'rtr-set' ? '192.0.2.1' : 'AS1'}\nadmin-c: AA1-TEST\ntech-c: AA1-TEST\nmnt-by: TEST-MNT\nsource: RIPE\n`;
  const notHierarchical = (cls: string, name: string): boolean =>
    validateRpslText(set(cls, name), 'auto').some((d) => d.code === 'rpsl/set-name-not-hierarchical');
  assert.equal(notHierarchical('as-set', 'AS-FOO'), true);
  assert.equal(notHierarchical('as-set', 'AS65000:AS-FOO'), false);
  assert.equal(notHierarchical('as-set', 'AS-FOO:AS-BAR'), false, 'a child of another set is hierarchical too: its parent authorises it');
  // docs.db.ripe.net, Set Objects: "This restriction does not apply to the other set types." RIPE holds
  // rtrs-stanbicbank-uganda (created 2014, irrdnet/irrd#65) and keeps creating short-named route-sets.
  assert.equal(notHierarchical('rtr-set', 'rtrs-stanbicbank-uganda'), false);
  assert.equal(notHierarchical('route-set', 'RS-FOO'), false);
});

test('member-of and members name sets of the right class', () => {
  assert.deepEqual(findings(ROUTE('192.0.2.0/24', 'member-of: AS-FOO, RS-BAR\n')), [['rpsl/set-name-wrong-class', 'error', 'AS-FOO']]);
  const asSet = 'as-set: AS-X\nmembers: AS1, AS-Y, RS-Z, ANY, FOOBAR\nmnt-by: TEST-MNT\nsource: TEST\n';
  assert.deepEqual(
    findings(asSet).map((f) => f[0] + ' ' + f[2]),
    ['rpsl/set-name-wrong-class RS-Z', 'rpsl/invalid-member ANY', 'rpsl/invalid-member FOOBAR'],
  );
  assert.deepEqual(findings(ROUTE_SET('members: AS1, ,AS2,\n')).map((f) => f[0]), ['rpsl/empty-list-item', 'rpsl/empty-list-item']);
});

test('unknown attribute vs attribute of another class vs attribute of another dialect', () => {
  assert.deepEqual(findings(ROUTE('192.0.2.0/24', 'foo: bar\n')), [['rpsl/unknown-attribute', 'error', 'foo']]);
  const misplaced = validateRpslText(ROUTE('192.0.2.0/24', 'as-name: X\n'), 'irrd');
  assert.deepEqual(misplaced.map((d) => d.code), ['rpsl/attribute-not-in-class']);
  assert.match(misplaced[0]!.message, /belongs to aut-num/);
  // org: and abuse-c: exist in RIPE's aut-num (ObjectTemplate.java), not in IRRd's.
  const autnum = (src: string): string =>
    `aut-num: AS65000\nas-name: TEST\norg: ORG-TT1-RIPE\nabuse-c: AA1-TEST\nadmin-c: AA1-TEST\ntech-c: AA1-TEST\nmnt-by: TEST-MNT\nsource: ${src}\n`;
  const irrd = validateRpslText(autnum('RADB'), 'auto');
  assert.deepEqual(irrd.map((d) => d.code), ['rpsl/attribute-not-in-class', 'rpsl/attribute-not-in-class']);
  assert.match(irrd[0]!.message, /only in the RIPE whois, APNIC whois and AFRINIC whois dialects/);
  assert.deepEqual(codes(autnum('RIPE'), 'auto'), []);
  assert.deepEqual(findings(ROUTE('192.0.2.0/24', 'descrr: x\n')), [['rpsl/unknown-attribute', 'error', 'descrr']]);
  const typo = validateRpslText(ROUTE('192.0.2.0/24', 'descrr: x\n'), 'irrd')[0]!;
  assert.match(typo.message, /Did you mean descr:\?/);
  assert.equal(typo.fixes?.[0]?.edits[0]?.newText, 'descr');
});

test('classes: unknown, missing mandatory, single-valued twice, conditional groups, deprecated and generated attributes', () => {
  assert.deepEqual(findings('foo-block: 192.0.2.0/24\nsource: TEST\n'), [['rpsl/unknown-class', 'error', 'foo-block']]);
  assert.deepEqual(findings('route: 192.0.2.0/24\norigin: AS1\nsource: TEST\n'), [['rpsl/missing-mandatory', 'error', 'route']]);
  assert.deepEqual(findings(ROUTE('192.0.2.0/24', 'source: OTHER\n')), [['rpsl/multiple-single', 'error', 'source']]);
  assert.deepEqual(codes('filter-set: FLTR-X\nmnt-by: M-MNT\nsource: RIPE\nadmin-c: AB1-TEST\ntech-c: AB1-TEST\n', 'ripe'), ['rpsl/missing-one-of']);
  assert.deepEqual(
    findings(ROUTE('192.0.2.0/24', 'changed: a@example.net 20150101\n'), 'ripe'),
    [['rpsl/deprecated-attribute', 'warning', 'changed']],
  );
  assert.deepEqual(findings(ROUTE('192.0.2.0/24', 'rpki-ov-state: valid\n')), [], 'generated by IRRd: accepted silently');
  assert.deepEqual(findings(ROUTE('192.0.2.0/24', 'last-modified: 2024-01-31T12:00:00Z\n')), [], 'IRRd 4 exports carry last-modified:');
  assert.deepEqual(codes(ROUTE('192.0.2.0/24', 'last-modified: 2024-02-30T12:00:00Z\n')), ['rpsl/invalid-date']);
  assert.deepEqual(findings(ROUTE('192.0.2.0/24', 'origin:\n')).map((f) => f[0]), ['rpsl/multiple-single', 'rpsl/empty-value']);
  // A registry class outside the RFCs: warned about and checked as the registry that has it.
  assert.deepEqual(codes('inetnum: 192.0.2.0 - 192.0.2.255\nnetname: X\ncountry: DE\nadmin-c: AB1-TEST\ntech-c: AB1-TEST\nstatus: ASSIGNED PA\nmnt-by: M-MNT\nsource: TEST\n', 'rfc'), ['rpsl/class-not-in-dialect']);
});

test('every class of RFC 2622/4012/2725 and the registries is known', () => {
  for (const cls of ['aut-num', 'as-set', 'route', 'route6', 'route-set', 'filter-set', 'peering-set', 'rtr-set', 'inet-rtr', 'mntner', 'person', 'role', 'key-cert', 'as-block', 'dictionary'])
    assert.ok(!codes(`${cls}: X\n`, 'rfc').includes('rpsl/unknown-class'), cls);
  for (const cls of ['inetnum', 'inet6num', 'domain', 'irt', 'organisation', 'poetic-form', 'poem']) assert.ok(!codes(`${cls}: X\nsource: RIPE\n`, 'ripe').some((c) => c.includes('class')), cls);
});

test('auth schemes per dialect', () => {
  const mntner = (auth: string, src = 'TEST'): string => `mntner: TEST-MNT\nadmin-c: AB1-TEST\nupd-to: a@example.net\nauth: ${auth}\nmnt-by: TEST-MNT\nsource: ${src}\n`;
  assert.deepEqual(codes(mntner('BCRYPT-PW $2b$12$abc')), []);
  assert.deepEqual(codes(mntner('MD5-pw $1$abc')), []);
  assert.deepEqual(codes(mntner('PGPKEY-80F238C6')), []);
  assert.deepEqual(codes(mntner('PGPKEY-XX')), ['rpsl/invalid-auth']);
  assert.deepEqual(codes(mntner('BCRYPT-PWhash')), ['rpsl/invalid-auth']);
  assert.deepEqual(codes(mntner('BCRYPT-PW')), ['rpsl/invalid-auth']);
  assert.deepEqual(codes(mntner('SSO a@example.net')), ['rpsl/invalid-auth']);
  assert.deepEqual(codes(mntner('SSO a@example.net', 'RIPE'), 'ripe'), []);
  assert.deepEqual(findings(mntner('CRYPT-PW abc')).map((f) => f.slice(0, 2)), [['rpsl/weak-auth', 'error']]);
  assert.deepEqual(findings(mntner('CRYPT-PW abc', ''), 'rfc').filter((f) => f[0] === 'rpsl/weak-auth').map((f) => f[1]), ['warning']);
});

test('contacts: e-mail, changed dates, phone, handles, country and status per dialect', () => {
  const person = (extra: string, src = 'TEST'): string => `person: A B\naddress: X\nphone: +31 20 535 4444\ne-mail: a@example.net\nnic-hdl: AB1-TEST\n${extra}mnt-by: TEST-MNT\nsource: ${src}\n`;
  assert.deepEqual(codes(person('')), []);
  assert.deepEqual(codes(person('e-mail: a@[192.0.2.1]\ne-mail: a@[2001:db8::1]\n')), []);
  assert.deepEqual(codes(person('e-mail: a§@example.com\ne-mail: a@[192.0.2.2.2]\n')), ['rpsl/invalid-email', 'rpsl/invalid-email']);
  assert.deepEqual(codes(person('changed: a@example.net 20190229\n')), ['rpsl/invalid-date']);
  assert.deepEqual(codes(person('changed: a@example.net 20200229\n')), []);
  assert.deepEqual(codes(person('changed: a@example.net 20200229 x\n')), ['rpsl/invalid-changed']);
  assert.deepEqual(codes(person('admin-c: RS-1234\n').replace('person:', 'person:')), ['rpsl/attribute-not-in-class']);
  assert.deepEqual(codes(ROUTE('192.0.2.0/24', 'admin-c: RS-1234\ntech-c: foo$$\n')), ['rpsl/invalid-name', 'rpsl/invalid-name']);
  assert.deepEqual(codes(person('fax-no: 020 535\n'), 'ripe'), ['rpsl/invalid-phone']);
  assert.deepEqual(codes(person('fax-no: 020 535\n'), 'irrd'), []);
  assert.deepEqual(codes(person('fax-no: +31 20 535 4444 ext. 12\n'), 'ripe'), []);
  assert.deepEqual(codes(person('fax-no: +31 20 535 4444 ext. x\n'), 'ripe'), ['rpsl/invalid-phone']);
  const inetnum = (country: string, status: string, src: string): string =>
    `inetnum: 192.0.2.0 - 192.0.2.255\nnetname: NET-X\ncountry: ${country}\nadmin-c: AB1-TEST\ntech-c: AB1-TEST\nstatus: ${status}\nmnt-by: M-MNT\nsource: ${src}\n`;
  assert.deepEqual(codes(inetnum('DE', 'ASSIGNED PA', 'RIPE'), 'auto'), []);
  assert.deepEqual(codes(inetnum('XQ', 'ASSIGNED PX', 'RIPE'), 'auto'), ['rpsl/unknown-country', 'rpsl/invalid-status']);
  assert.deepEqual(codes(inetnum('XQ', 'ASSIGNED PX', 'RADB'), 'auto'), []);
  assert.deepEqual(codes(inetnum('Germany', 'ASSIGNED PA', 'RIPE'), 'auto'), ['rpsl/invalid-country']);
});

test('address ranges, AS blocks, DNS names, URLs, key-cert names', () => {
  const inetnum = (range: string): string[] => codes(`inetnum: ${range}\nnetname: N\ncountry: DE\nadmin-c: AB1-TEST\ntech-c: AB1-TEST\nstatus: X\nmnt-by: M-MNT\nsource: TEST\n`);
  assert.deepEqual(inetnum('192.0.2.0 - 192.0.2.126'), []);
  assert.deepEqual(inetnum('192.0.2.0'), []);
  assert.deepEqual(inetnum('192.0.2.1 - 192.0.2.0'), ['rpsl/range-reversed']);
  assert.deepEqual(inetnum('192.0.2.0 - 2001:db8::'), ['rpsl/wrong-address-family']);
  assert.deepEqual(inetnum('192.0.2.0 - 192.0.02.255'), ['rpsl/non-canonical']);
  const block = (b: string): string[] => codes(`as-block: ${b}\nadmin-c: AB1-TEST\ntech-c: AB1-TEST\nmnt-by: M-MNT\nsource: TEST\n`);
  assert.deepEqual(block('AS64496 - AS64511'), []);
  assert.deepEqual(block('AS300 - AS200'), ['rpsl/range-reversed']);
  assert.deepEqual(block('AS65537'), ['rpsl/invalid-as-block']);
  const rtr = (name: string): string[] => codes(`inet-rtr: ${name}\nlocal-as: AS1\nmnt-by: M-MNT\nsource: TEST\n`);
  assert.deepEqual(rtr('rtr1.example.net'), []);
  assert.deepEqual(rtr('rtr_1+x.example.net'), ['rpsl/invalid-dns-name']);
  assert.deepEqual(rtr('-rtr.example.net'), ['rpsl/invalid-dns-name']);
});

test('auto dialect follows source:', () => {
  const obj = (src?: string) => frameRpsl(`route: 192.0.2.0/24\n${src ? `source: ${src}\n` : ''}`).objects[0]!;
  assert.equal(dialectOf(obj('RIPE'), 'auto'), 'ripe');
  assert.equal(dialectOf(obj('ripe-nonauth'), 'auto'), 'ripe');
  assert.equal(dialectOf(obj('RADB'), 'auto'), 'irrd');
  assert.equal(dialectOf(obj(), 'auto'), 'rfc');
  assert.equal(dialectOf(obj('RIPE'), 'irrd'), 'irrd');
});

test('fuzz: IPv4 prefixes get the verdict of the reference parser (net/prefix.ts), fast path or not', () => {
  fc.assert(
    fc.property(fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(33), fc.boolean()), ([a, b, c, d, len, zero]) => {
      const prefix = `${a}.${zero ? '0' : ''}${b}.${c}.${d}/${len}`;
      const ref = parsePrefix(prefix);
      const got = codes(ROUTE(prefix));
      const want = !ref.ok ? ['rpsl/invalid-prefix'] : ref.hostBitsSet ? ['rpsl/host-bits-set'] : ref.leadingZeros ? ['rpsl/non-canonical'] : [];
      assert.deepEqual(got, want, prefix);
    }),
    { numRuns: 500 },
  );
});

test('fuzz: IPv6 prefixes get the verdict of the reference parser (net/prefix.ts), fast path or not', () => {
  const group = fc.oneof(fc.constant('0'), fc.constant('0000'), fc.constant('db8'), fc.constant('00ab'), fc.constant('FFFF'), fc.nat(0xffff).map((n) => n.toString(16)));
  const addr = fc.oneof(
    fc.array(group, { minLength: 8, maxLength: 8 }).map((g) => g.join(':')),
    fc.tuple(fc.array(group, { maxLength: 4 }), fc.array(group, { maxLength: 3 })).map(([a, b]) => `${a.join(':')}::${b.join(':')}`),
  );
  fc.assert(
    fc.property(addr, fc.nat(130), (a, len) => {
      const prefix = `${a}/${len}`;
      const ref = parsePrefix(prefix);
      const got = codes(ROUTE(prefix).replace('route:', 'route6:'));
      const want = !ref.ok ? ['rpsl/invalid-prefix'] : ref.hostBitsSet ? ['rpsl/host-bits-set'] : ref.normalized !== prefix ? ['rpsl/non-canonical'] : [];
      assert.deepEqual(got, want, prefix);
    }),
    { numRuns: 1000 },
  );
});

const documented = new Set<string>(rpslCodes.map((c) => c.code));

test('fuzz: the validator never throws, spans lie in the text, and every code it emits is documented', () => {
  const line = fc.oneof(
    fc.constantFrom(
      'route: 192.0.2.0/24',
      'route6: 2001:db8::/32',
      'aut-num: AS1',
      'as-set: AS1:AS-X',
      'members: AS1, RS-X^+, 192.0.2.0/24^25-26, ,',
      'mp-members: 2001:db8::/32^+',
      'origin: as01.2',
      'auth: PGPKEY-',
      'changed: a@b 2019',
      'inetnum: 1.2.3.4 - ',
      'as-block: AS1-',
      'source: RIPE',
      'source: RADB',
      '',
      '  ^',
      '+',
    ),
    fc.tuple(fc.constantFrom('route', 'members', 'origin', 'auth', 'as-set', 'inetnum', 'e-mail', 'country', 'phone', 'status', 'x'), fc.string({ maxLength: 20 })).map(([n, v]) => `${n}: ${v}`),
  );
  fc.assert(
    fc.property(fc.array(line, { maxLength: 30 }), fc.constantFrom<RpslDialectSetting>('auto', 'rfc', 'irrd', 'ripe'), (lines, dialect) => {
      const text = lines.join('\n');
      for (const d of validateRpslText(text, dialect)) {
        if (!d.code.startsWith('policy/')) assert.ok(documented.has(d.code), d.code);
        assert.ok(d.span.start >= 0 && d.span.end <= text.length && d.span.start <= d.span.end);
      }
    }),
    { numRuns: 400 },
  );
});

test('property: as-set members found clean by their offsets get the findings the token path gives', () => {
  // The token path runs whenever a list has an empty item: the same members with two empty items appended must
  // give the same findings, besides the two empty-item ones.
  const member = fc.oneof(
    fc.constantFrom('AS1', 'AS0', 'AS65000', 'AS4294967295', 'AS4294967296', 'AS99999999999', 'AS01', 'as1', 'As1', 'AS1.10', '65000', 'AS', 'AS-FOO', 'AS1:AS-BAR', 'as-foo', 'RS-X', 'AS-ANY', 'foo', 'AS 1', 'AS1x'),
    fc.tuple(fc.constantFrom('AS', 'as', ''), fc.nat()).map(([p, n]) => `${p}${n}`),
  );
  const gap = fc.constantFrom(',', ', ', ' ,', ',\n  ', ',\n+ ', ',\t');
  fc.assert(
    fc.property(fc.array(fc.tuple(member, gap), { minLength: 1, maxLength: 12 }), (items) => {
      const value = items.map(([m, g], i) => (i === items.length - 1 ? m : m + g)).join('');
      const text = (v: string): string => `as-set: AS-TEST\nmembers: ${v}\nmnt-by: TEST-MNT\nsource: TEST\n`;
      const fast = findings(text(value));
      const slow = findings(text(`${value},,`)).filter(([code]) => code !== 'rpsl/empty-list-item');
      assert.deepEqual(fast, slow);
    }),
    { numRuns: 500 },
  );
});
