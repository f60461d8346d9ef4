import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseAsn, type Asn } from '../../server/src/core/net/asn';
import { parsePrefix, type Prefix } from '../../server/src/core/net/prefix';
import type { RangeOp } from '../../server/src/core/policy/ast';
import { parseRangeOperator } from '../../server/src/core/policy/rangeOperator';
import { frameRpsl, frameRpslInto } from '../../server/src/core/rpsl/frame';
import { setClassOf } from '../../server/src/core/rpsl/setName';
import { valueWords } from '../../server/src/core/workspace/references';
import { expandSet, MAX_SET_SIZE, mbrsByRef, memberOfAllowed, noteSet, setShape, type SetExpansion, type SetShape } from '../../server/src/core/workspace/setExpansion';
import { WorkspaceIndex, type IndexedObject } from '../../server/src/core/workspace/workspaceIndex';

/**
 * The expansion as it was computed before members were classified once per set (a plain depth-first walk over
 * each set's member words, a Map of the AS numbers met): the reference the faster walk must agree with in
 * every field, orders and the DFS's own notion of depth included, since findings and messages are built from them.
 */
function referenceExpansion(index: WorkspaceIndex, root: string): SetExpansion {
  const words = (set: IndexedObject): string[] => {
    const out: string[] = [];
    for (const a of set.object.attributes) if (a.name === 'members' || a.name === 'mp-members') for (const w of valueWords(a.value)) out.push(w.text);
    const allowed = mbrsByRef(set.object);
    if (allowed.size === 0) return out;
    const kind = set.className === 'as-set' ? 'as-set' : set.className === 'route-set' ? 'route-set' : undefined;
    if (kind)
      for (const site of index.referencesTo(kind, set.key)) {
        if (site.ref.attribute !== 'member-of' || !memberOfAllowed(site.from.object, allowed)) continue;
        const o = site.from;
        out.push(o.className === 'aut-num' ? o.key : o.route ? o.route.normalized : o.key);
      }
    return out;
  };
  const rootClass = setClassOf(root) === 'route-set' ? 'route-set' : 'as-set';
  const asns = new Map<Asn, string>();
  const prefixes: { prefix: Prefix; range?: RangeOp; via: string }[] = [];
  const unresolved = new Set<string>();
  const loops: string[][] = [];
  const seenLoops = new Set<string>();
  const done = new Set<string>();
  let depth = 0;
  let deepest: string[] = [];
  let truncated = false;
  const stack: string[] = [];
  const visit = (name: string): void => {
    const onStack = stack.indexOf(name);
    if (onStack >= 0) {
      const cycle = [...stack.slice(onStack), name];
      const id = [...cycle.slice(0, -1)].sort().join(' ');
      if (!seenLoops.has(id)) {
        seenLoops.add(id);
        loops.push(cycle);
      }
      return;
    }
    stack.push(name);
    if (stack.length > depth) {
      depth = stack.length;
      deepest = [...stack];
    }
    if (!done.has(name)) {
      const obj = index.lookup(setClassOf(name) === 'route-set' ? 'route-set' : 'as-set', name)[0];
      if (!obj) unresolved.add(name);
      else
        for (const w of words(obj)) {
          if (asns.size + prefixes.length >= MAX_SET_SIZE) {
            truncated = true;
            break;
          }
          const caret = w.indexOf('^');
          const base = caret >= 0 ? w.slice(0, caret) : w;
          const sub = setClassOf(base);
          if (sub === 'as-set' || sub === 'route-set') {
            const upper = base.toUpperCase();
            if (upper !== 'AS-ANY' && upper !== 'RS-ANY') visit(upper);
            continue;
          }
          const a = parseAsn(base);
          if (a.ok && a.hadPrefix) {
            if (!asns.has(a.asn)) asns.set(a.asn, name);
            continue;
          }
          if (rootClass === 'route-set') {
            const p = parsePrefix(base);
            if (p.ok) {
              const r = caret >= 0 ? parseRangeOperator(w.slice(caret), 0, p.prefix.length, p.prefix.afi === 4 ? 32 : 128) : undefined;
              prefixes.push({ prefix: p.prefix, ...(r?.ok ? { range: r.op } : {}), via: name });
            }
          }
        }
    }
    done.add(name);
    stack.pop();
  };
  visit(root);
  return { name: root, asns, prefixes, unresolved: [...unresolved], loops, depth, deepest, truncated, found: index.lookup(rootClass, root).length > 0 };
}

/** Every field, the AS numbers as entries in the order met. */
function plain(x: SetExpansion): unknown {
  return { ...x, asns: [...x.asns] };
}

/** The index as the editor builds it (objects kept) and as the linter does (object by object, members noted while framed). */
function indexes(text: string): WorkspaceIndex[] {
  const held = new WorkspaceIndex();
  held.set('file:///s.rpsl', frameRpsl(text).objects, text);
  const compact = new WorkspaceIndex();
  const file = compact.openFile('file:///s.rpsl', text);
  frameRpslInto(text, {
    object: (o) => {
      const e = file.add(o);
      if (o.className === 'as-set' || o.className === 'route-set') noteSet(e, o);
    },
    diagnostic: () => undefined,
  });
  file.close();
  return [held, compact];
}

const setNames = ['AS-A', 'AS-B', 'AS-C', 'AS1:AS-D', 'as-e', 'AS-F', 'RS-A', 'RS-B', 'rs-c', 'AS2:RS-D'];
const member = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...setNames, 'AS-MISSING', 'RS-MISSING', 'AS-ANY', 'rs-any') },
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 40 }).map((n) => `AS${n}`) },
  { weight: 1, arbitrary: fc.constantFrom('AS7^+', 'AS-B^-', 'rs-a^24', '192.0.2.0/24', '192.0.2.0/24^+', '10.0.0.0/8^16-24', '2001:db8::/32^48', 'junk', '42', 'AS1.5', 'FLTR-X', 'AS99999999999') },
);
const setObject = fc.record({
  name: fc.constantFrom(...setNames),
  members: fc.array(member, { maxLength: 8 }),
  mbrsByRef: fc.constantFrom(undefined, 'MNT-A', 'ANY', 'MNT-B'),
});
const joiner = fc.record({
  cls: fc.constantFrom('aut-num', 'route', 'as-set'),
  n: fc.integer({ min: 1, max: 40 }),
  memberOf: fc.constantFrom(...setNames),
  mnt: fc.constantFrom('MNT-A', 'MNT-B'),
});

type ArbValue<A> = A extends fc.Arbitrary<infer T> ? T : never;

function dumpOf(sets: ArbValue<typeof setObject>[], joiners: ArbValue<typeof joiner>[]): string {
  const out: string[] = [];
  for (const s of sets) {
    const cls = setClassOf(s.name) === 'route-set' ? 'route-set' : 'as-set';
    const rows = s.members.length ? `members: ${s.members.join(', ')}\n` : '';
    out.push(`${cls}: ${s.name}\n${rows}${s.mbrsByRef ? `mbrs-by-ref: ${s.mbrsByRef}\n` : ''}`);
  }
  for (const j of joiners) {
    const head = j.cls === 'aut-num' ? `aut-num: AS${j.n}` : j.cls === 'route' ? `route: 198.51.${j.n}.0/24\norigin: AS${j.n}` : `as-set: AS-J${j.n}\nmembers: AS${j.n}`;
    out.push(`${head}\nmember-of: ${j.memberOf}\nmnt-by: ${j.mnt}\n`);
  }
  return out.join('\n');
}

test('set expansion gives what the plain depth-first walk gave: members, order, via, loops, depth, unresolved', () => {
  fc.assert(
    fc.property(fc.array(setObject, { maxLength: 12 }), fc.array(joiner, { maxLength: 5 }), (sets, joiners) => {
      const text = dumpOf(sets, joiners);
      for (const index of indexes(text)) {
        for (const name of [...setNames, 'AS-MISSING', 'RS-MISSING', 'AS-J1']) {
          const key = name.toUpperCase();
          assert.deepEqual(plain(expandSet(index, key)), plain(referenceExpansion(index, key)), `${key} in\n${text}`);
        }
      }
    }),
    { numRuns: 300 },
  );
});

test('a truncated expansion stops where the plain walk stopped, across nested sets', () => {
  const chunk = Math.floor(MAX_SET_SIZE / 3);
  const list = (from: number, n: number): string => Array.from({ length: n }, (_, i) => `AS${from + i}`).join(', ');
  const text = [
    `as-set: AS-TOP\nmembers: AS-X, ${list(1, chunk)}, AS-Y, AS-ANY, AS-Z, AS-W\n`,
    `as-set: AS-X\nmembers: ${list(chunk - 10, chunk)}, AS-Y\n`,
    `as-set: AS-Y\nmembers: ${list(3 * chunk, chunk + 40)}, AS-TOP\n`,
    `as-set: AS-Z\nmembers: AS1\n`,
    `route-set: RS-TOP\nmembers: AS-TOP, 192.0.2.0/24^+\n`,
  ].join('\n');
  for (const index of indexes(text)) {
    for (const name of ['AS-TOP', 'AS-X', 'AS-Y', 'RS-TOP']) {
      const got = expandSet(index, name);
      assert.deepEqual(plain(got), plain(referenceExpansion(index, name)));
      if (name === 'AS-TOP') assert.ok(got.truncated);
    }
  }
});

/** What the set checks read of an expansion. */
function shapeOf(x: SetShape): SetShape {
  return { loops: x.loops, depth: x.depth, deepest: x.deepest, truncated: x.truncated };
}

/** Sets with a run of AS numbers (overlapping runs repeat numbers): their sums fall on both sides of MAX_SET_SIZE. */
const bigSet = fc.record({
  name: fc.constantFrom(...setNames),
  from: fc.integer({ min: 1, max: 3000 }),
  n: fc.constantFrom(Math.floor(MAX_SET_SIZE / 2) - 3, Math.floor(MAX_SET_SIZE / 2) + 3, Math.floor(MAX_SET_SIZE / 3), MAX_SET_SIZE - 2),
  sets: fc.array(fc.constantFrom(...setNames), { maxLength: 3 }),
});

function bigSetsOf(sets: ArbValue<typeof bigSet>[]): string {
  return sets
    .map((s) => {
      const cls = setClassOf(s.name) === 'route-set' ? 'route-set' : 'as-set';
      const run = Array.from({ length: s.n }, (_, i) => `AS${s.from + i}`).join(', ');
      return `${cls}: ${s.name}\nmembers: ${[...s.sets, run].join(', ')}\n`;
    })
    .join('\n');
}

test('the set shape (loops, depth, deepest chain, truncation) is what the plain walk gives, asked before or after the expansion', () => {
  fc.assert(
    fc.property(fc.array(setObject, { maxLength: 12 }), fc.array(joiner, { maxLength: 5 }), fc.array(bigSet, { maxLength: 3 }), fc.boolean(), (sets, joiners, big, expandFirst) => {
      // A set defined twice is read from its first object: big ones come first or last.
      const text = expandFirst ? `${bigSetsOf(big)}\n${dumpOf(sets, joiners)}` : `${dumpOf(sets, joiners)}\n${bigSetsOf(big)}`;
      for (const index of indexes(text)) {
        for (const name of [...setNames, 'AS-MISSING', 'RS-MISSING', 'AS-J1']) {
          const key = name.toUpperCase();
          if (expandFirst) expandSet(index, key);
          assert.deepEqual(shapeOf(setShape(index, key)), shapeOf(referenceExpansion(index, key)), `${key} in\n${text.slice(0, 2000)}`);
        }
      }
    }),
    { numRuns: 150 },
  );
});

test('the set shape of a walk cut at MAX_SET_SIZE is the expansion\'s, and one just under it is not cut', () => {
  const run = (from: number, n: number): string => Array.from({ length: n }, (_, i) => `AS${from + i}`).join(', ');
  const half = MAX_SET_SIZE / 2;
  const text = [
    `as-set: AS-UNDER\nmembers: AS-A, AS-B\n`,
    `as-set: AS-A\nmembers: ${run(1, half)}\n`,
    `as-set: AS-B\nmembers: ${run(1 + half, half)}\n`,
    `as-set: AS-OVER\nmembers: AS-A, AS-B, AS-C\n`,
    `as-set: AS-C\nmembers: AS999999, AS-OVER\n`,
  ].join('\n');
  for (const index of indexes(text)) {
    assert.equal(setShape(index, 'AS-UNDER').truncated, false);
    assert.equal(referenceExpansion(index, 'AS-UNDER').truncated, false);
    const over = setShape(index, 'AS-OVER');
    assert.equal(over.truncated, true);
    assert.deepEqual(shapeOf(over), shapeOf(referenceExpansion(index, 'AS-OVER')));
  }
});
