import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RpslDialectSetting } from './dialects';
import { validateRpslText } from './validate';

/**
 * RIPE whois value syntax, case by case. Truth: RIPE-NCC/whois, whois-rpsl/src/main/java/net/ripe/db/whois/
 * common/rpsl/ — AttributeSyntax.java (the regexes), attrs/InetnumStatus.java, attrs/Inet6numStatus.java,
 * attrs/NServer.java — as cited per test.
 */

/** "code text" of each error. */
const errors = (text: string, dialect: RpslDialectSetting = 'auto'): string[] =>
  validateRpslText(text, dialect)
    .filter((d) => d.severity === 'error')
    .map((d) => `${d.code} ${text.slice(d.span.start, d.span.end)}`);

const inetnum = (key: string, status: string, extra = ''): string =>
  `inetnum:        ${key}\nnetname:        AUDIT-NET\ncountry:        NL\nadmin-c:        AUD1-RIPE\ntech-c:         AUD1-RIPE\nstatus:         ${status}\n${extra}mnt-by:         MAINT-AUDIT\nsource:         RIPE\n`;
const inet6num = (status: string): string =>
  `inet6num:       2001:db8::/32\nnetname:        AUDIT-NET\ncountry:        NL\nadmin-c:        AUD1-RIPE\ntech-c:         AUD1-RIPE\nstatus:         ${status}\nmnt-by:         MAINT-AUDIT\nsource:         RIPE\n`;

test('inetnum status: the ten values of InetnumStatus pass, values RIPE does not have are errors', () => {
  const accepted = ['ALLOCATED PA', 'ALLOCATED UNSPECIFIED', 'LIR-PARTITIONED PA', 'SUB-ALLOCATED PA', 'AGGREGATED-BY-LIR', 'ALLOCATED-ASSIGNED PA', 'ASSIGNED PA', 'ASSIGNED PI', 'ASSIGNED ANYCAST', 'LEGACY'];
  for (const s of accepted) assert.deepEqual(errors(inetnum('192.0.2.0 - 192.0.2.255', s)), [], s);
  for (const s of ['ALLOCATED PI', 'LIR-PARTITIONED PI', 'EARLY-REGISTRATION', 'NOT-SET'])
    assert.deepEqual(errors(inetnum('192.0.2.0 - 192.0.2.255', s)), [`rpsl/invalid-status ${s}`], s);
});

test('inet6num status: the six values of Inet6numStatus pass; ALLOCATED-ASSIGNED PA is IPv4 only', () => {
  for (const s of ['ALLOCATED-BY-RIR', 'ALLOCATED-BY-LIR', 'AGGREGATED-BY-LIR', 'ASSIGNED', 'ASSIGNED ANYCAST', 'ASSIGNED PI']) assert.deepEqual(errors(inet6num(s)), [], s);
  assert.deepEqual(errors(inet6num('ALLOCATED-ASSIGNED PA')), ['rpsl/invalid-status ALLOCATED-ASSIGNED PA']);
});

/** Each diagnostic as "severity code text", and its first fix's new text when it has one. */
const all = (text: string, dialect: RpslDialectSetting = 'auto'): string[] =>
  validateRpslText(text, dialect).map((d) => `${d.severity} ${d.code} ${text.slice(d.span.start, d.span.end)}${d.fixes?.[0] ? ` → ${d.fixes[0].edits[0]?.newText}` : ''}`);

test('inetnum in prefix notation: RIPE stores the range (AttributeParser.Ipv4ResourceParser → Ipv4Resource.parse)', () => {
  assert.deepEqual(all(inetnum('192.0.2.0/24', 'ASSIGNED PA')), ['information rpsl/non-canonical 192.0.2.0/24 → 192.0.2.0 - 192.0.2.255']);
  assert.deepEqual(all(inetnum('10.0.0.0/8', 'ASSIGNED PA')), ['information rpsl/non-canonical 10.0.0.0/8 → 10.0.0.0 - 10.255.255.255']);
  assert.deepEqual(all(inetnum('192.0.2.7/32', 'ASSIGNED PA')), ['information rpsl/non-canonical 192.0.2.7/32 → 192.0.2.7 - 192.0.2.7']);
  assert.deepEqual(errors(inetnum('192.0.2.1/24', 'ASSIGNED PA')), ['rpsl/host-bits-set 192.0.2.1/24']);
  assert.deepEqual(errors(inetnum('192.0.2/24', 'ASSIGNED PA')), ['rpsl/invalid-address-range 192.0.2/24']);
  assert.deepEqual(errors(inetnum('2001:db8::/32', 'ASSIGNED PA')), ['rpsl/invalid-address-range 2001:db8::/32']);
  // Only RIPE: in the other dialects a range is written as a range.
  assert.deepEqual(errors(inetnum('192.0.2.0/24', 'ASSIGNED PA'), 'rfc'), ['rpsl/invalid-address-range 192.0.2.0/24']);
});

const person = (hdl: string, extra = ''): string =>
  `person:         Audit Person\naddress:        Street 1\nphone:          +31 20 535 4444\nnic-hdl:        ${hdl}\n${extra}mnt-by:         MAINT-AUDIT\nsource:         RIPE\n`;

test('nic-handles: NIC_HANDLE_SYNTAX — 2–4 letters, 1–6 digits not starting with 0, optional -SOURCE, or AUTO-n; at most 30', () => {
  for (const h of ['AA1-RIPE', 'JD', 'JDOE', 'JD123456-RIPE', 'JD1-ABCDEFGHIJ', 'AUTO-1', 'AUTO-12JD', 'jd1-ripe'])
    assert.deepEqual(errors(person(h)), [], h);
  for (const h of ['J1-RIPE', 'JOHND1-RIPE', 'JD1234567-RIPE', 'JD0-RIPE', 'JD1-R', 'JD1-ABCDEFGHIJK', 'AUTO-0', 'JD_1', 'JOHNDOE123456-RIPE'])
    assert.deepEqual(errors(person(h)), [`rpsl/invalid-name ${h}`], h);
  // References use the same syntax (AttributeType ADMIN_C, ABUSE_C: NIC_HANDLE_SYNTAX).
  assert.deepEqual(errors(inetnum('192.0.2.0 - 192.0.2.255', 'ASSIGNED PA').replace('admin-c:        AUD1-RIPE', 'admin-c:        PERSON-TEST')), ['rpsl/invalid-name PERSON-TEST']);
  // IRRd: a generic name (RPSLGenericNameField), so PERSON-TEST stays valid there.
  assert.deepEqual(errors(person('PERSON-TEST').replace('source:         RIPE', 'source:         RADB')).filter((e) => e.includes('invalid-name')), []);
});

const autNum = (line: string, source = 'RIPE'): string =>
  `aut-num:        AS65000\nas-name:        AUDIT\nadmin-c:        AUD1-RIPE\ntech-c:         AUD1-RIPE\n${line}\nmnt-by:         MAINT-AUDIT\nsource:         ${source}\n`;

test('organisation keys: ORGANISATION_SYNTAX — ORG-, 2–4 letters, 1–6 digits, -SOURCE; or AUTO-n', () => {
  for (const o of ['ORG-EXA1-RIPE', 'ORG-AB-RIPE', 'ORG-ABCD123456-TEST', 'AUTO-1', 'org-exa1-ripe']) assert.deepEqual(errors(autNum(`org:            ${o}`)), [], o);
  for (const o of ['ORGFOO', 'ORG-EXA1', 'ORG-E1-RIPE', 'ORG-EXA0-RIPE', 'ORG-EXA1-RIPE-', 'ORG-EXAMPLE1-RIPE']) assert.deepEqual(errors(autNum(`org:            ${o}`)), [`rpsl/invalid-name ${o}`], o);
  const org = (key: string): string => `organisation:   ${key}\norg-name:       Example\norg-type:       OTHER\naddress:        Street 1\ne-mail:         a@example.net\nmnt-ref:        MAINT-AUDIT\nmnt-by:         MAINT-AUDIT\nsource:         RIPE\n`;
  assert.deepEqual(errors(org('ORG-EXA1-RIPE')).filter((e) => e.includes('invalid-name')), []);
  assert.deepEqual(errors(org('TEST-ORG')).filter((e) => e.includes('invalid-name')), ['rpsl/invalid-name TEST-ORG']);
});

test('e-mail with a display name: an RFC 822 address (RFC 2622 §2) and accepted by RIPE (InternetAddress.parse), not by IRRd (re_email)', () => {
  const role = (mail: string, source = 'RIPE'): string =>
    `role:           NOC\naddress:        Street 1\ne-mail:         ${mail}\nnic-hdl:        NOC1-RIPE\nmnt-by:         MAINT-AUDIT\nsource:         ${source}\n`;
  for (const m of ['NOC <noc@example.com>', '"Example NOC" <noc@example.com>', '<noc@example.com>', 'noc@example.com']) {
    assert.deepEqual(errors(role(m)), [], m);
    assert.deepEqual(errors(role(m, 'TEST'), 'rfc').filter((e) => e.includes('email')), [], `rfc ${m}`);
  }
  for (const m of ['NOC <noc@example.com', 'NOC <noc> <noc@example.com>', 'NOC <nobody>']) assert.deepEqual(errors(role(m)), [`rpsl/invalid-email ${m}`], m);
  assert.deepEqual(errors(role('NOC <noc@example.com>', 'RADB')).filter((e) => e.includes('email')), ['rpsl/invalid-email NOC <noc@example.com>']);
});

const mntner = (auth: string, source = 'RIPE'): string =>
  `mntner:         MAINT-AUDIT\nadmin-c:        AUD1-RIPE\nupd-to:         noc@example.com\nauth:           ${auth}\nmnt-by:         MAINT-AUDIT\nsource:         ${source}\n`;

test('MD5-PW: AUTH_SCHEME_SYNTAX — $1$, a salt of 1–8, $, 22 characters of [A-Za-z0-9./]', () => {
  for (const a of ['MD5-PW $1$fgW84Y9r$kKEn9MUq8PChNKpQhO6BM.', 'MD5-pw $1$a$abcdefghijklmnopqrstuv', 'MD5-PW $1$SaltSalt$DummifiedMD5HashValue.']) assert.deepEqual(errors(mntner(a)), [], a);
  const bad: readonly (readonly [auth: string, hash: string])[] = [
    ['MD5-PW $1$x', '$1$x'],
    ['MD5-PW $1$fgW84Y9r9$kKEn9MUq8PChNKpQhO6BM.', '$1$fgW84Y9r9$kKEn9MUq8PChNKpQhO6BM.'],
    ['MD5-PW $1$$kKEn9MUq8PChNKpQhO6BM.', '$1$$kKEn9MUq8PChNKpQhO6BM.'],
    ['MD5-PW $2$fgW84Y9r$kKEn9MUq8PChNKpQhO6BM.', '$2$fgW84Y9r$kKEn9MUq8PChNKpQhO6BM.'],
    ['MD5-PW $1$fgW84Y9r$kKEn9MUq8PChNKpQhO6BM', '$1$fgW84Y9r$kKEn9MUq8PChNKpQhO6BM'],
    ['MD5-PW $1$fgW84Y9r$kKEn9MUq8PChNKpQhO6BM. x', '$1$fgW84Y9r$kKEn9MUq8PChNKpQhO6BM. x'],
  ];
  for (const [a, hash] of bad) assert.deepEqual(errors(mntner(a)), [`rpsl/invalid-auth ${hash}`], a);
  // The crypt-md5 shape is the same everywhere: the RFC dialect checks it too…
  assert.deepEqual(errors(mntner('MD5-PW $1$x', 'TEST'), 'rfc').filter((e) => e.includes('auth')), ['rpsl/invalid-auth $1$x']);
  // …but IRRd's RPSLAuthField checks the scheme only ("MD5-pw hashhash" is valid in its tests).
  assert.deepEqual(errors(mntner('MD5-PW hashhash', 'RADB')).filter((e) => e.includes('auth')), []);
});

test('geofeed: GEOFEED_SYNTAX — an https URL only; IRRd (RPSLURLField) takes http too', () => {
  const geo = (url: string, source = 'RIPE'): string => inetnum('192.0.2.0 - 192.0.2.255', 'ASSIGNED PA', `geofeed:        ${url}\n`).replace('source:         RIPE', `source:         ${source}`);
  assert.deepEqual(errors(geo('https://example.com/g.csv')), []);
  assert.deepEqual(errors(geo('http://example.com/g.csv')), ['rpsl/invalid-url http://example.com/g.csv']);
  assert.deepEqual(errors(geo('ftp://example.com/g.csv')), ['rpsl/invalid-url ftp://example.com/g.csv']);
  assert.deepEqual(errors(geo('http://example.com/g.csv', 'RADB')).filter((e) => e.includes('url')), []);
});

test('nserver: NServer.parse — a host name, optionally its single glue address, nothing more; IRRd keeps it as text', () => {
  const domain = (ns: string, source = 'RIPE'): string =>
    `domain:         2.0.192.in-addr.arpa\nadmin-c:        AUD1-RIPE\ntech-c:         AUD1-RIPE\nzone-c:         AUD1-RIPE\nnserver:        ${ns}\nmnt-by:         MAINT-AUDIT\nsource:         ${source}\n`;
  for (const ns of ['ns1.example.com', 'ns1.example.com.', 'NS1.EXAMPLE.COM', 'ns1.2.0.192.in-addr.arpa 192.0.2.53', 'ns1.example.com 2001:db8::53', 'ns1.example.com 192.0.2.53/32', 'localhost'])
    assert.deepEqual(errors(domain(ns)), [], ns);
  assert.deepEqual(errors(domain('ns1..example.com')), ['rpsl/invalid-dns-name ns1..example.com']);
  assert.deepEqual(errors(domain('ns_1.example.com')), ['rpsl/invalid-dns-name ns_1.example.com']);
  assert.deepEqual(errors(domain('-ns.example.com')), ['rpsl/invalid-dns-name -ns.example.com']);
  assert.deepEqual(errors(domain('ns1.example.com 192.0.2.0/24')), ['rpsl/invalid-nserver 192.0.2.0/24']);
  assert.deepEqual(errors(domain('ns1.example.com 192.0.2')), ['rpsl/invalid-nserver 192.0.2']);
  assert.deepEqual(errors(domain('ns1.example.com 192.0.2.53 x')), ['rpsl/invalid-nserver x']);
  assert.deepEqual(errors(domain('ns1..example.com', 'RADB')).filter((e) => e.includes('nserver') || e.includes('dns')), []);
});

test('irt names: IRT_SYNTAX — irt- then letters, digits, "_" or "-", ending with a letter or digit', () => {
  const irt = (name: string, source = 'RIPE'): string =>
    `irt:            ${name}\naddress:        Street 1\ne-mail:         a@example.com\nadmin-c:        AUD1-RIPE\ntech-c:         AUD1-RIPE\nauth:           PGPKEY-1A2B3C4D\nmnt-by:         MAINT-AUDIT\nsource:         ${source}\n`;
  for (const n of ['IRT-EXAMPLE', 'irt-x', 'IRT-A_B-1']) assert.deepEqual(errors(irt(n)), [], n);
  for (const n of ['FOO', 'IRT-', 'IRT-X-', 'IRTX']) assert.deepEqual(errors(irt(n)), [`rpsl/invalid-name ${n}`], n);
  assert.deepEqual(errors(inetnum('192.0.2.0 - 192.0.2.255', 'ASSIGNED PA', 'mnt-irt:        MAINT-AUDIT\n')), ['rpsl/invalid-name MAINT-AUDIT']);
  // IRRd: a generic name, as its own sample irt TEST-IRT.
  assert.deepEqual(errors(irt('TEST-IRT', 'RADB')).filter((e) => e.includes('invalid-name')), []);
});

test('poem and poetic-form keys: POEM_SYNTAX and POETIC_FORM_SYNTAX', () => {
  const poem = (name: string, form: string): string =>
    `poem:           ${name}\nform:           ${form}\ntext:           Roses are red\nauthor:         AUD1-RIPE\nmnt-by:         MAINT-AUDIT\nsource:         RIPE\n`;
  assert.deepEqual(errors(poem('POEM-ROUTING', 'FORM-HAIKU')).filter((e) => e.includes('invalid-name')), []);
  assert.deepEqual(errors(poem('POEM-_X', 'FORM-HAIKU')).filter((e) => e.includes('invalid-name')), ['rpsl/invalid-name POEM-_X']);
  assert.deepEqual(errors(poem('ROUTING', 'HAIKU')).filter((e) => e.includes('invalid-name')), ['rpsl/invalid-name ROUTING', 'rpsl/invalid-name HAIKU']);
  const form = (name: string): string => `poetic-form:    ${name}\ndescr:          x\nadmin-c:        AUD1-RIPE\nmnt-by:         MAINT-AUDIT\nsource:         RIPE\n`;
  assert.deepEqual(errors(form('FORM-HAIKU')).filter((e) => e.includes('invalid-name')), []);
  assert.deepEqual(errors(form('HAIKU')).filter((e) => e.includes('invalid-name')), ['rpsl/invalid-name HAIKU']);
});

test('netname: NETNAME_SYNTAX — a letter first, a letter or digit last, at most 80', () => {
  const net = (name: string): string => inetnum('192.0.2.0 - 192.0.2.255', 'ASSIGNED PA').replace('AUDIT-NET', name);
  for (const n of ['A', 'AUDIT-NET', 'audit_net-1', 'A'.repeat(80)]) assert.deepEqual(errors(net(n)), [], n);
  for (const n of ['AUDIT-', 'AUDIT_', '1AUDIT', 'AUDIT.NET', 'A'.repeat(81)]) assert.deepEqual(errors(net(n)), [`rpsl/invalid-netname ${n}`], n);
});
