import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';

/**
 * Real and hand-written RPSL text held by this repository and ../shared, for the tests that prove a fast path
 * equal to the slow one on real inputs: GTT's aut-num (../shared/corpora/rpsl/AS3257.rpsl), the registries'
 * answers in test/rpsl/real, the examples, the grammar cases and IRRd's test objects. A file that is absent
 * (no ../shared) is left out; callers assert they read enough.
 */
export function realRpslTexts(): string[] {
  const root = path.join(__dirname, '..', '..');
  const texts: string[] = [];
  const add = (file: string): void => void (existsSync(file) && texts.push(readFileSync(file, 'utf8')));
  add(path.join(root, '..', 'shared', 'corpora', 'rpsl', 'AS3257.rpsl'));
  const real = path.join(root, 'test', 'rpsl', 'real');
  for (const f of readdirSync(real)) if (f.endsWith('.txt')) add(path.join(real, f));
  for (const f of ['examples/rpsl/mistakes.rpsl', 'examples/cantv/cantv.rpsl', 'test/grammar/cases/rpsl-policy.rpsl']) add(path.join(root, f));
  const irrd = path.join(root, '..', 'shared', 'corpora', 'rpsl', 'objects.jsonl');
  if (existsSync(irrd))
    for (const l of readFileSync(irrd, 'utf8').split('\n')) if (l.trim() !== '') texts.push((JSON.parse(l) as { object: string }).object);
  return texts;
}

/**
 * The words policies are made of, for property tests over generated policy text: keywords in both cases, the
 * profiles' rules (set names of many components, IRRd: at most 5; prefixes with host bits set, accepted in filters
 * by IRRd only), IPv6, range operators, regexes, actions and stray symbols.
 */
export const policyWord: fc.Arbitrary<string> = fc.constantFrom(
  'from', 'to', 'accept', 'announce', 'action', 'at', 'except', 'refine', 'and', 'or', 'not', 'afi', 'any', 'ANY', 'PeerAS',
  'FROM', 'To', 'ACCEPT', 'Announce', 'OR', 'AND', 'NOT', 'EXCEPT', 'REFINE', 'AFI',
  'ipv4.unicast', 'ipv6.unicast', 'any.unicast', 'ipv4', 'ipv6.multicast', 'protocol', 'into', 'BGP4', 'OSPF', 'networks', 'aggregate', 'upon',
  'AS1', 'AS65000', 'AS4200000000', 'AS1.10', 'AS-FOO', 'AS1:AS-BAR', 'AS1:AS-A:AS-B:AS-C:AS-D:AS-E', 'RS-X', 'AS1:RS-Y', 'FLTR-Z', 'AS1:FLTR-A:FLTR-B:FLTR-C:FLTR-D:FLTR-E', 'PRNG-P', 'RTRS-R',
  'as2', 'AS007', 'AS99999999999', 'AS-ANY', 'rs-any', 'AS1^+', 'AS-FOO^24', 'AS1:AS-BAR^-',
  '192.0.2.0/24', '192.0.2.1/24', '10/8', '010.0.0.0/8', '192.0.2.0/24^+', '192.0.2.0/24^-', '192.0.2.0/24^24-32', '192.0.2.0/24^33',
  '2001:db8::/32', '2001:DB8::1/32', '2001:db8::/32^48-64', '::/0', '192.0.2.1', '2001:db8::1',
  '{', '}', '(', ')', ';', ',', '<', '>', '<^AS1 .* AS2$>', '<AS-FOO+>', '<[AS1 AS2]*>', '<PeerAS+ AS3:AS-X>', 'pref', '=', '100', 'med', 'community', '.=', '.append(65000:1)',
  'community(65000:1)', 'aspath.prepend(AS1,AS1);', '^+', 'x', '', 'AS', '@', 'inbound', 'outbound', 'with', 'exclude', 'static', 'attr',
);
