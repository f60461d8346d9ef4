import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RpslDialectSetting } from '../settings';
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
