import { test } from 'node:test';
import assert from 'node:assert/strict';
import { frameRpsl } from '../../server/src/core/rpsl/frame';
import { asn } from '../../server/src/core/net/asn';
import { parsePrefix, type Prefix } from '../../server/src/core/net/prefix';
import { WorkspaceIndex } from '../../server/src/core/workspace/workspaceIndex';

const A = 'as-set: AS-A\nmembers: AS1, AS-B\nmnt-by: MNT-X\n\nroute: 192.0.2.0/24\norigin: AS1\nmember-of: RS-FOO\n';
const B = 'as-set: AS-B\nmembers: AS2\n\naut-num: as065537\nimport: from AS1 accept AS-A\n';

const p24: Prefix = (() => {
  const p = parsePrefix('192.0.2.0/24');
  if (!p.ok) throw new Error('test prefix');
  return p.prefix;
})();

function index(): WorkspaceIndex {
  const ix = new WorkspaceIndex();
  ix.set('file:///a.rpsl', frameRpsl(A).objects, A);
  ix.set('file:///b.rpsl', frameRpsl(B).objects, B);
  return ix;
}

test('objects are found by class and key; aut-num keys are normalised like IRRd (as065537 → AS65537)', () => {
  const ix = index();
  assert.equal(ix.lookup('as-set', 'as-a').length, 1);
  assert.equal(ix.lookup('aut-num', 'AS65537').length, 1);
  assert.equal(ix.autNum(asn(65537))?.uri, 'file:///b.rpsl');
  assert.equal(ix.lookup('route', '192.0.2.0/24AS1').length, 1);
  assert.equal(ix.size, 4);
});

test('reverse maps: who references a set, a mntner, an AS; routes by prefix and origin', () => {
  const ix = index();
  assert.deepEqual(ix.referencesTo('as-set', 'AS-B').map((s) => [s.from.key, s.ref.attribute, s.ref.strength]), [['AS-A', 'members', 'weak']]);
  assert.deepEqual(ix.referencesTo('as-set', 'AS-A').map((s) => [s.from.key, s.ref.attribute, s.ref.strength]), [['AS65537', 'import', 'policy']]);
  assert.deepEqual(ix.referencesTo('mntner', 'MNT-X').map((s) => s.ref.strength), ['strong']);
  assert.deepEqual(ix.referencesTo('route-set', 'RS-FOO').map((s) => s.ref.attribute), ['member-of']);
  assert.equal(ix.routesFor(p24).length, 1);
  assert.equal(ix.routesOriginatedBy(asn(1)).length, 1);
  const site = ix.referencesTo('as-set', 'AS-B')[0];
  assert.ok(site);
  assert.equal(A.slice(site.ref.span.start, site.ref.span.end), 'AS-B');
});

test('changing a file replaces its entries and reverse references; deleting removes them', () => {
  const ix = index();
  const gen = ix.generation;
  const A2 = 'as-set: AS-A\nmembers: AS3\n';
  ix.set('file:///a.rpsl', frameRpsl(A2).objects, A2);
  assert.ok(ix.generation > gen);
  assert.deepEqual(ix.referencesTo('as-set', 'AS-B'), []);
  assert.equal(ix.routesFor(p24).length, 0);
  assert.equal(ix.lookup('as-set', 'AS-A').length, 1);
  ix.remove('file:///b.rpsl');
  assert.equal(ix.lookup('aut-num', 'AS65537').length, 0);
  assert.deepEqual(ix.referencesTo('as-set', 'AS-A'), []);
  assert.deepEqual([...ix.uris()], ['file:///a.rpsl']);
  assert.equal(ix.countOf('aut-num'), 0);
});

test('a registry dump is a marked file or a large one', () => {
  const ix = index();
  assert.equal(ix.hasRegistryDump(), false);
  ix.markRegistryDump('file:///b.rpsl');
  assert.equal(ix.hasRegistryDump(), true);
  ix.markRegistryDump('file:///b.rpsl', false);
  const big = Array.from({ length: 1000 }, (_, i) => `mntner: M${i}\n`).join('\n');
  ix.set('file:///dump.db', frameRpsl(big).objects);
  assert.equal(ix.hasRegistryDump(), true);
});

test('dependants of a change: referrers of what the file defined before and after, same-prefix routes, referenced sets', async () => {
  const { dependantUris } = await import('../../server/src/core/workspace/dependants');
  const ix = new WorkspaceIndex();
  const files: Record<string, string> = {
    'file:///def.rpsl': 'as-set: AS-OLD\nmembers: AS1\n\nroute: 192.0.2.0/24\norigin: AS1\n',
    'file:///old-user.rpsl': 'aut-num: AS2\nimport: from AS1 accept AS-OLD\n',
    'file:///new-user.rpsl': 'as-set: AS-OTHER\nmembers: AS-NEW\n',
    'file:///route.rpsl': 'route: 192.0.2.0/24\norigin: AS3\n',
    'file:///unrelated.rpsl': 'as-set: AS-X\nmembers: AS9\n',
  };
  for (const [u, t] of Object.entries(files)) ix.set(u, frameRpsl(t).objects, t);
  const before = ix.objectsIn('file:///def.rpsl');
  const next = 'as-set: AS-NEW\nmembers: AS-X\n';
  ix.set('file:///def.rpsl', frameRpsl(next).objects, next);
  assert.deepEqual([...dependantUris(ix, 'file:///def.rpsl', before)].sort(), [
    'file:///def.rpsl',
    'file:///new-user.rpsl',
    'file:///old-user.rpsl',
    'file:///route.rpsl',
    'file:///unrelated.rpsl',
  ]);
  assert.deepEqual([...dependantUris(ix, 'file:///unrelated.rpsl')].sort(), ['file:///def.rpsl', 'file:///unrelated.rpsl']);
});

/**
 * Everything the index answers about one file and the names it touches, in a comparable form. Lists of
 * several answers are sorted: after edits, re-added entries come last, where a fresh index has file order.
 */
function snapshot(ix: WorkspaceIndex, uri: string): unknown {
  const sorted = <T>(xs: T[]): T[] => xs.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  const entries = ix.objectsIn(uri);
  return {
    entries: entries.map((e) => [e.className, e.key, e.object.span, e.refs.map((r) => [r.kind, r.key, r.attribute, r.span])]),
    referrers: entries
      .flatMap((e) => e.refs)
      .map((r) => [r.kind, r.key, sorted(ix.referencesTo(r.kind, r.key).map((s) => [s.from.key, s.ref.span]))]),
    lookups: entries.map((e) => sorted(ix.lookup(e.className, e.key).map((x) => x.object.span))),
    routes: entries.flatMap((e) => (e.route ? [sorted(ix.routesFor(e.route.prefix).map((r) => r.key)), ix.routeCountOf(e.route.origin)] : [])),
    counts: ['route', 'as-set', 'aut-num', 'mntner'].map((c) => ix.countOf(c)),
    dump: ix.hasRegistryDump(),
  };
}

/** A deterministic walk of edits of every shape (typing, deleting, splitting and merging objects), re-indexing after each. */
function editWalk(reindex: (ix: WorkspaceIndex, uri: string, text: string) => void): void {
  const objects = [
    'as-set: AS-A\nmembers: AS1, AS-B\nmnt-by: MNT-X',
    'route: 192.0.2.0/24\norigin: AS1\nmember-of: RS-FOO\nmnt-by: MNT-X',
    'aut-num: AS2\nimport: from AS1 accept AS-A\nexport: to AS1 announce AS2\nmnt-by: MNT-Y',
    'as-set: AS-B\nmembers: AS2\n+ AS3',
    'route6: 2001:db8::/32\norigin: AS2\nmnt-by: MNT-Y',
    'mntner: MNT-X\nauth: CRYPT-PW x',
  ];
  let seed = 7;
  const rand = (n: number): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n);
  const edits = ['x', '', '\n', '\n\n', '1', ' AS9', 'route: 198.51.100.0/24\norigin: AS7\n\n', ':', ' \n', '\n \n', '\r\n', '  continued\n', '\n% IANA WHOIS server\n'];
  let text = objects.join('\n\n') + '\n';
  const uri = 'file:///f.rpsl';
  const ix = new WorkspaceIndex();
  reindex(ix, uri, text);
  let kept = 0;
  for (let step = 0; step < 400; step++) {
    const at = rand(text.length + 1);
    const cut = Math.min(text.length, at + rand(4));
    const before = new Set(ix.objectsIn(uri).map((e) => e.id));
    text = text.slice(0, at) + edits[rand(edits.length)]! + text.slice(cut);
    reindex(ix, uri, text);
    kept += ix.objectsIn(uri).filter((e) => before.has(e.id)).length;
    const fresh = new WorkspaceIndex();
    fresh.set(uri, frameRpsl(text).objects, text);
    assert.deepEqual(snapshot(ix, uri), snapshot(fresh, uri), `after step ${step}`);
  }
  assert.ok(kept > 300, `entries were kept across edits (${kept})`);
}

test('re-indexing after an edit keeps the untouched objects and equals indexing the new text from scratch', () => {
  editWalk((ix, uri, text) => ix.set(uri, frameRpsl(text).objects, text));
});

test('setText frames only around the edit and equals indexing the new text from scratch', () => {
  editWalk((ix, uri, text) => ix.setText(uri, text));
});

test('lookups made under tracking are reported as read, and a change to what was read is announced', () => {
  const ix = index();
  const bumped: string[] = [];
  ix.onChange((t) => bumped.push(t));
  const { value, reads } = ix.tracking(() => ix.lookup('as-set', 'AS-B').length + ix.routesFor(p24).length);
  assert.equal(value, 2);
  const A2 = A.replace('origin: AS1', 'origin: AS5');
  ix.set('file:///a.rpsl', frameRpsl(A2).objects, A2);
  // Only the route changed: its prefix token is bumped, AS-B's key is not.
  assert.ok([...reads].some((t) => bumped.includes(t)), 'the route lookup is invalidated');
  assert.ok(!bumped.some((t) => t.includes('AS-B') && t.startsWith('k')), 'AS-B itself did not change');
});

test('the entries an edit changed are the objects it touched: what depends on the rest is unaffected', async () => {
  const { changedEntries, dependantUris } = await import('../../server/src/core/workspace/dependants');
  const ix = new WorkspaceIndex();
  const t1 = 'as-set: AS-ONE\nmembers: AS1\n\nas-set: AS-TWO\nmembers: AS2\n\nas-set: AS-THREE\nmembers: AS3\n';
  ix.set('file:///sets.rpsl', frameRpsl(t1).objects, t1);
  const user = 'aut-num: AS9\nimport: from AS1 accept AS-ONE\n';
  ix.set('file:///user.rpsl', frameRpsl(user).objects, user);
  const before = ix.objectsIn('file:///sets.rpsl');
  const t2 = t1.replace('members: AS2', 'members: AS2, AS22');
  ix.set('file:///sets.rpsl', frameRpsl(t2).objects, t2);
  const { removed, added } = changedEntries(before, ix.objectsIn('file:///sets.rpsl'));
  assert.deepEqual([removed.map((e) => e.key), added.map((e) => e.key)], [['AS-TWO'], ['AS-TWO']]);
  // AS-ONE, which user.rpsl imports, was not touched: the edit has no dependant there.
  assert.deepEqual([...dependantUris(ix, 'file:///sets.rpsl', removed, added)], ['file:///sets.rpsl']);
  // Renaming AS-ONE does reach it.
  const t3 = t2.replace('AS-ONE', 'AS-UNO');
  const mid = ix.objectsIn('file:///sets.rpsl');
  ix.set('file:///sets.rpsl', frameRpsl(t3).objects, t3);
  const c = changedEntries(mid, ix.objectsIn('file:///sets.rpsl'));
  assert.deepEqual([...dependantUris(ix, 'file:///sets.rpsl', c.removed, c.added)].sort(), ['file:///sets.rpsl', 'file:///user.rpsl']);
});

test('views: lookups make a new view of an object each time, with one id; EntryMemo keys by it and forgets removed objects', async () => {
  const { EntryMemo } = await import('../../server/src/core/workspace/workspaceIndex');
  const ix = index();
  const a = ix.lookup('as-set', 'AS-A')[0]!;
  const b = ix.referencesTo('as-set', 'AS-B')[0]!.from;
  assert.notEqual(a, b, 'two lookups, two views');
  assert.equal(a.id, b.id);
  const memo = new EntryMemo<string>();
  memo.set(a, 'fact');
  assert.equal(memo.get(b), 'fact');
  assert.equal(memo.get(ix.lookup('as-set', 'AS-B')[0]!), undefined);
  // An edit elsewhere in the file keeps the object (its id and its facts); an edit of the object makes a new one.
  const A2 = A.replace('origin: AS1', 'origin: AS5');
  ix.set('file:///a.rpsl', frameRpsl(A2).objects, A2);
  assert.equal(ix.lookup('as-set', 'AS-A')[0]!.id, a.id);
  assert.equal(memo.get(ix.lookup('as-set', 'AS-A')[0]!), 'fact');
  const A3 = A2.replace('members: AS1, AS-B', 'members: AS1, AS-B, AS-C');
  ix.set('file:///a.rpsl', frameRpsl(A3).objects, A3);
  const now = ix.lookup('as-set', 'AS-A')[0]!;
  assert.notEqual(now.id, a.id);
  assert.equal(memo.get(a), undefined, 'the removed object took its facts with it');
  assert.equal(memo.get(now), undefined);
  // The view of the removed object still reads what it was (the editor compares a file's objects before and after an edit).
  assert.deepEqual([a.key, a.refs.map((r) => r.key)], ['AS-A', ['AS1', 'AS-B', 'MNT-X']]);
});

test('a view of a removed object reads its references until the next change, even when the change compacted the store', () => {
  const ix = new WorkspaceIndex();
  const big = Array.from({ length: 3000 }, (_, i) => `as-set: AS-S${i}\nmembers: ${Array.from({ length: 12 }, (_, j) => `AS-M${j}`).join(', ')}\n`).join('\n');
  ix.set('file:///big.rpsl', frameRpsl(big).objects, big);
  const before = ix.objectsIn('file:///big.rpsl');
  ix.set('file:///big.rpsl', [], '');
  assert.equal(before[0]!.refs.length, 12);
  assert.equal(before[2999]!.refKeyAt(11), 'AS-M11');
  // The next change compacts: the live objects keep their references.
  ix.set('file:///other.rpsl', frameRpsl(B).objects, B);
  assert.deepEqual(ix.lookup('aut-num', 'AS65537')[0]!.refs.map((r) => r.key), ['AS1', 'AS-A']);
});

test('the columns give back what the objects say: key (routes included, made from the prefix and origin), class, span, name, route, references', async () => {
  const { readdirSync, readFileSync } = await import('node:fs');
  const { primaryKey } = await import('../../server/src/core/workspace/workspaceIndex');
  const { firstValue } = await import('../../server/src/core/rpsl/model');
  const { parseAsn } = await import('../../server/src/core/net/asn');
  const { objectReferences } = await import('../../server/src/core/workspace/references');
  const dir = 'test/rpsl/real';
  const texts = readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(`${dir}/${f}`, 'utf8'));
  texts.push(readFileSync('../shared/corpora/rpsl/AS3257.rpsl', 'utf8'));
  let routes = 0;
  for (const [i, text] of texts.entries()) {
    const ix = new WorkspaceIndex();
    const objects = frameRpsl(text).objects;
    ix.setText(`file:///${i}.rpsl`, text);
    const views = ix.objectsIn(`file:///${i}.rpsl`);
    assert.equal(views.length, objects.length);
    views.forEach((v, j) => {
      const o = objects[j]!;
      const p = o.className === 'route' || o.className === 'route6' ? parsePrefix((o.attributes[0]?.value ?? '').trim().split(/\s+/)[0] ?? '') : undefined;
      if (v.route) routes++;
      assert.deepEqual([v.className, v.key, v.span, v.nameSpan, v.refs], [o.className, primaryKey(o), o.span, o.attributes[0]?.valueSpan ?? o.span, objectReferences(o)]);
      if (v.route) {
        assert.ok(p?.ok);
        const origin = parseAsn(firstValue(o, 'origin')?.value.trim() ?? '');
        assert.deepEqual([v.route.prefix, v.route.normalized, v.route.origin], [p.prefix, p.normalized, origin.ok ? origin.asn : undefined]);
      }
    });
  }
  assert.ok(routes > 20, `routes seen (${routes})`);
});
