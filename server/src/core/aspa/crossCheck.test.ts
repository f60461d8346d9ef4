import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Asn } from '../net/asn';
import { LineIndex } from '../text/lineIndex';
import type { AutNumPeeringSummary } from '../workspace/peeringSummary';
import { crossCheckAspa } from './crossCheck';
import { loadAspaData } from './loader';

const R = { start: { line: 3, character: 0 }, end: { line: 9, character: 0 } };
function summary(asn: number, imports: [number, boolean][], exports: [number, boolean][]): AutNumPeeringSummary {
  return {
    asn: asn as Asn,
    imports: imports.map(([peer, acceptsAny]) => ({ peer: peer as Asn, acceptsAny })),
    exports: exports.map(([peer, announcesAny]) => ({ peer: peer as Asn, announcesAny })),
    uri: 'file:///irr/cantv.rpsl',
    range: R,
  };
}

const text = 'AS8048 => AS6762, AS52320, AS3549\nAS21980 => AS269832\n';
const { declarations } = loadAspaData(text);
const index = new LineIndex(text);
const at = (r: { start: { line: number; character: number }; end: { line: number; character: number } }) =>
  text.slice(index.offsetAt(r.start), index.offsetAt(r.end));

test('a provider the customer neither imports from nor exports to is reported on the provider', () => {
  // CANTV's aut-num: transit from Sparkle and GlobeNet, nothing with AS3549 any more.
  const cantv = summary(8048, [[6762, true], [52320, true]], [[6762, false], [52320, false]]);
  const ds = crossCheckAspa(declarations, [cantv], index);
  assert.deepEqual(ds.map((d) => [d.code, at(d.range)]), [['aspa/provider-not-in-policy', 'AS3549']]);
  assert.equal(ds[0]?.related?.[0]?.uri, 'file:///irr/cantv.rpsl');
  assert.deepEqual(ds[0]?.related?.[0]?.range, R);
});

test('a transit provider in the aut-num (import ANY, export narrower) missing from the ASPA is reported on the customer', () => {
  const dayco = summary(21980, [[269832, true], [6762, true], [64500, false]], [[269832, false], [6762, false], [64500, false]]);
  const ds = crossCheckAspa(declarations, [dayco], index);
  assert.deepEqual(ds.map((d) => [d.code, at(d.range)]), [['aspa/provider-missing', 'AS21980']]);
  assert.match(ds[0]!.message, /AS6762/);
});

test('no finding for peers, customers, or ASes without an aut-num', () => {
  const cantv = summary(
    8048,
    [[6762, true], [52320, true], [3549, false], [65000, true]],
    // AS3549: a peer (specific routes both ways); AS65000: a customer we send ANY to.
    [[6762, false], [52320, false], [3549, false], [65000, true]],
  );
  assert.deepEqual(crossCheckAspa(declarations, [cantv], index), []);
  assert.deepEqual(crossCheckAspa(declarations, [], index), []);
});

test('declarations of the same customer unite before the missing-provider check', () => {
  const t = 'AS8048 => AS6762\nAS8048 => AS52320\n';
  const cantv = summary(8048, [[6762, true], [52320, true]], [[6762, false], [52320, false]]);
  assert.deepEqual(crossCheckAspa(loadAspaData(t).declarations, [cantv], new LineIndex(t)), []);
});
