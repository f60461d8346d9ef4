import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { crossCheckDocument, crossCheckEntry, newPass, placeFinding } from '../../server/src/core/workspace/crossCheck';
import { workspaceCodes } from '../../server/src/core/workspace/codes';
import { CANTV, workspaceOf } from './fixtures';
import type { Range } from '../../server/src/core/text/range';

/** Findings of one file as [code, the text the range covers]. */
function findings(files: Record<string, string>, uri: string): [string, string][] {
  const { ctx, docs } = workspaceOf(files);
  const doc = docs[uri];
  assert.ok(doc);
  return crossCheckDocument(doc, ctx).map((d) => {
    const s = doc.lineIndex.offsetAt(d.range.start);
    const e = doc.lineIndex.offsetAt(d.range.end);
    return [d.code, doc.text.slice(s, e)];
  });
}

test('the CANTV neighbourhood is consistent except for Sparkle’s own customer set, which is not here', () => {
  assert.deepEqual(findings(CANTV, 'file:///ws/as8048.rpsl'), []);
  assert.deepEqual(findings(CANTV, 'file:///ws/as21980.rpsl'), []);
  assert.deepEqual(findings(CANTV, 'file:///ws/as6762.rpsl'), [['workspace/unresolved-weak-reference', 'AS6762:AS-CUSTOMERS']]);
});

test('an import from an AS whose aut-num has no export to us is reported at the peer AS', () => {
  const files = { ...CANTV, 'file:///ws/as21980.rpsl': CANTV['file:///ws/as21980.rpsl'].replace('export:         to AS8048 announce AS21980\n', '') };
  assert.deepEqual(findings(files, 'file:///ws/as8048.rpsl'), [['workspace/import-without-export', 'AS21980']]);
});

test('a route whose origin aut-num exports nothing covering it', () => {
  const files = {
    'file:///r.rpsl': 'route: 192.0.2.0/24\norigin: AS64500\n\nroute: 198.51.100.0/24\norigin: AS64500\n',
    'file:///a.rpsl': 'aut-num: AS64500\nexport: to AS64501 announce { 198.51.100.0/22^+ }\n',
  };
  assert.deepEqual(findings(files, 'file:///r.rpsl'), [['workspace/origin-not-exported', 'AS64500']]);
});

test('as-set loops are reported on each set of the cycle, with the cycle as related information', () => {
  const files = { 'file:///s.rpsl': 'as-set: AS-A\nmembers: AS-B\n\nas-set: AS-B\nmembers: AS1, AS-C\n\nas-set: AS-C\nmembers: AS-A\n' };
  const { ctx, docs } = workspaceOf(files);
  const doc = docs['file:///s.rpsl'];
  assert.ok(doc);
  const ds = crossCheckDocument(doc, ctx).filter((d) => d.code === 'workspace/set-loop');
  assert.equal(ds.length, 3);
  assert.match(ds[0]?.message ?? '', /AS-A → AS-B → AS-C → AS-A/);
  assert.deepEqual(ds[0]?.related?.map((r) => r.message), ['AS-A includes AS-B', 'AS-B includes AS-C', 'AS-C includes AS-A']);
  assert.deepEqual(ds[0]?.related?.map((r) => r.range.start.line), [1, 4, 7]);
});

test('sets nested deeper than 5 levels', () => {
  const chain = ['AS-L1', 'AS-L2', 'AS-L3', 'AS-L4', 'AS-L5', 'AS-L6'];
  const text = chain.map((n, i) => `as-set: ${n}\nmembers: ${chain[i + 1] ?? 'AS1'}\n`).join('\n');
  const got = findings({ 'file:///d.rpsl': text }, 'file:///d.rpsl');
  assert.deepEqual(got, [['workspace/set-too-deep', 'AS-L1']]);
});

test('member-of needs the set’s mbrs-by-ref to admit one of the object’s mntners', () => {
  const base = 'route: 192.0.2.0/24\norigin: AS1\nmember-of: RS-FOO\nmnt-by: MNT-A\n';
  assert.deepEqual(findings({ 'file:///r.rpsl': base, 'file:///s.rpsl': 'route-set: RS-FOO\n' }, 'file:///r.rpsl'), [['workspace/member-of-not-allowed', 'RS-FOO']]);
  assert.deepEqual(findings({ 'file:///r.rpsl': base, 'file:///s.rpsl': 'route-set: RS-FOO\nmbrs-by-ref: MNT-B\n' }, 'file:///r.rpsl'), [['workspace/member-of-not-allowed', 'RS-FOO']]);
  assert.deepEqual(findings({ 'file:///r.rpsl': base, 'file:///s.rpsl': 'route-set: RS-FOO\nmbrs-by-ref: MNT-A\n' }, 'file:///r.rpsl'), []);
  assert.deepEqual(findings({ 'file:///r.rpsl': base, 'file:///s.rpsl': 'route-set: RS-FOO\nmbrs-by-ref: ANY\n' }, 'file:///r.rpsl'), []);
  // Listed in members: already a member, mbrs-by-ref or not (RFC 2622 §5.1; ARIN's AS14773 in AS-IU13WAN, test/rpsl/real).
  assert.deepEqual(findings({ 'file:///r.rpsl': 'aut-num: AS1\nmember-of: AS-FOO\n', 'file:///s.rpsl': 'as-set: AS-FOO\nmembers: AS2, AS1\n' }, 'file:///r.rpsl'), []);
});

test('duplicate route objects warn; different origins for one prefix inform', () => {
  const files = {
    'file:///a.rpsl': 'route: 192.0.2.0/24\norigin: AS1\n',
    'file:///b.rpsl': 'route: 192.0.2.0/24\norigin: AS1\n\nroute: 192.0.2.0/24\norigin: AS2\n',
  };
  assert.deepEqual(findings(files, 'file:///a.rpsl'), [
    ['workspace/duplicate-route', '192.0.2.0/24'],
    ['workspace/multiple-origins', '192.0.2.0/24'],
  ]);
});

// A route object's key is prefix, origin and source (IRRd rpsl_objects.py RPSLRoute pk; RIPE ObjectTemplate:
// route and origin are the primary key, within one source). The same route in NTTCOM and RADB is two objects.
test('duplicate-route is keyed by prefix, origin and source: other registries and saved copies are information', () => {
  const route = (src: string, descr = 'Example'): string => `route: 192.0.2.0/24\ndescr: ${descr}\norigin: AS1\nmnt-by: MNT-A\nsource: ${src}\n`;
  const of = (files: Record<string, string>, uri: string): [string, string, string][] => {
    const { ctx, docs } = workspaceOf(files);
    const doc = docs[uri];
    assert.ok(doc);
    return crossCheckDocument(doc, ctx).map((d) => [d.code, d.severity, d.message]);
  };
  // Two different objects with one key in one registry: one is stale.
  const stale = of({ 'file:///a.rpsl': route('RADB'), 'file:///b.rpsl': route('RADB', 'Old') }, 'file:///a.rpsl');
  assert.deepEqual(stale.map(([c, s]) => [c, s]), [['workspace/duplicate-route', 'warning']]);
  assert.match(stale[0]![2], /in RADB has the same prefix 192\.0\.2\.0\/24 and origin AS1/);
  // The same route registered in other registries: information, naming them.
  const elsewhere = of({ 'file:///a.rpsl': route('RADB'), 'file:///b.rpsl': `${route('NTTCOM')}\n${route('LEVEL3')}` }, 'file:///a.rpsl');
  assert.deepEqual(elsewhere.map(([c, s]) => [c, s]), [['workspace/duplicate-route', 'information']]);
  assert.match(elsewhere[0]![2], /also registered in LEVEL3, NTTCOM: each registry holds its own object/);
  // One whois answer saved twice: information.
  const copies = of({ 'file:///a.rpsl': route('RADB'), 'file:///b.rpsl': route('RADB') }, 'file:///a.rpsl');
  assert.deepEqual(copies.map(([c, s]) => [c, s]), [['workspace/duplicate-route', 'information']]);
  // IRRd's RPKI pseudo-objects (one per ROA, keyed with max-length) are not route registrations.
  assert.deepEqual(of({ 'file:///a.rpsl': route('RADB'), 'file:///b.rpsl': 'route: 192.0.2.0/24\norigin: AS1\nmax-length: 24\nsource: RPKI  # Trust Anchor: RIPE NCC RPKI Root\n' }, 'file:///a.rpsl'), []);
});

test('strong references are reported only once the workspace holds a registry dump', () => {
  const files = { 'file:///a.rpsl': 'aut-num: AS1\nmnt-by: MNT-TYPO\nadmin-c: NOBODY-TEST\n', 'file:///dump.db': 'mntner: MNT-REAL\n\nperson: Some One\nnic-hdl: SO1-TEST\n' };
  assert.deepEqual(findings(files, 'file:///a.rpsl'), []);
  const { ctx, docs } = workspaceOf(files);
  ctx.workspace.markRegistryDump('file:///dump.db');
  const doc = docs['file:///a.rpsl'];
  assert.ok(doc);
  assert.deepEqual(
    crossCheckDocument(doc, ctx).map((d) => d.code),
    ['workspace/unresolved-strong-reference', 'workspace/unresolved-strong-reference'],
  );
});

test('a set added in another file resolves the reference (incremental index)', () => {
  const files: Record<string, string> = {
    'file:///a.rpsl': 'aut-num: AS8048\nimport: from AS1 accept AS8048:AS-NEW\n',
    'file:///b.rpsl': 'as-set: AS8048:AS-OLD\n',
  };
  const { ctx, docs } = workspaceOf(files);
  const doc = docs['file:///a.rpsl'];
  assert.ok(doc);
  assert.deepEqual(crossCheckDocument(doc, ctx).map((d) => d.code), ['workspace/unresolved-weak-reference']);
  const b = 'as-set: AS8048:AS-NEW\nmembers: AS1\n';
  ctx.workspace.set('file:///b.rpsl', [...(workspaceOf({ x: b }).index.objectsIn('x').map((e) => e.object))], b);
  assert.deepEqual(crossCheckDocument(doc, ctx), []);
});

test('every emitted code has a row; settings can turn cross-checks off', () => {
  const known = new Set<string>(workspaceCodes.map((c) => c.code));
  for (const c of ['workspace/set-loop', 'workspace/import-without-export', 'workspace/origin-not-exported']) assert.ok(known.has(c));
  const { ctx, docs } = workspaceOf(CANTV);
  const doc = docs['file:///ws/as6762.rpsl'];
  assert.ok(doc);
  assert.deepEqual(crossCheckDocument(doc, { ...ctx, settings: { ...ctx.settings, crossChecks: false } }), []);
});

test('property: cross-checks and navigation never throw on arbitrary objects', async () => {
  const fc = (await import('fast-check')).default;
  const { workspaceDefinition, workspaceHover, workspaceReferences, workspaceRename } = await import('../../server/src/core/workspace/navigation');
  const names = ['AS-A', 'AS-B', 'AS1:AS-C', 'RS-X', 'AS1', 'AS2', 'MNT-A', 'ANY', 'PRNG-P', 'FLTR-F', '192.0.2.0/24', '{', '<^AS1', '^+'];
  const attrs = ['members', 'member-of', 'mbrs-by-ref', 'mnt-by', 'import', 'export', 'mp-import', 'origin', 'filter', 'peering', 'admin-c'];
  const classes = ['as-set: AS-A', 'as-set: AS-B', 'route-set: RS-X', 'aut-num: AS1', 'aut-num: AS2', 'route: 192.0.2.0/24', 'filter-set: FLTR-F', 'peering-set: PRNG-P', 'mntner: MNT-A'];
  const object = fc
    .tuple(fc.constantFrom(...classes), fc.array(fc.tuple(fc.constantFrom(...attrs), fc.array(fc.constantFrom(...names, 'from', 'accept', 'to', 'announce'), { maxLength: 6 })), { maxLength: 5 }))
    .map(([head, body]) => `${head}\n${body.map(([a, ws]) => `${a}: ${ws.join(' ')}`).join('\n')}\n`);
  fc.assert(
    fc.property(fc.array(object, { minLength: 1, maxLength: 6 }), fc.nat(), (objs, seed) => {
      const half = Math.ceil(objs.length / 2);
      const { ctx, docs } = workspaceOf({ 'file:///p/a.rpsl': objs.slice(0, half).join('\n'), 'file:///p/b.rpsl': objs.slice(half).join('\n') || 'mntner: MNT-A\n' });
      for (const doc of Object.values(docs)) {
        crossCheckDocument(doc, ctx);
        const pos = doc.lineIndex.positionAt(seed % (doc.text.length + 1));
        workspaceDefinition(doc, pos, ctx);
        workspaceReferences(doc, pos, ctx, true);
        workspaceHover(doc, pos, ctx);
        workspaceRename(doc, pos, 'AS-RENAMED', ctx);
      }
    }),
    { numRuns: 300 },
  );
});

test('a set expanding beyond the size threshold is reported once, and expansion stops', async () => {
  const { MAX_SET_SIZE } = await import('../../server/src/core/workspace/setExpansion');
  const members = Array.from({ length: MAX_SET_SIZE + 5 }, (_, i) => `AS${i + 1}`).join(', ');
  const got = findings({ 'file:///big.rpsl': `as-set: AS-HUGE\nmembers: ${members}\n` }, 'file:///big.rpsl');
  assert.deepEqual(got, [['workspace/set-too-large', 'AS-HUGE']]);
});

test('an unresolved set name close to a defined one gets a "Did you mean" fix', () => {
  const files = {
    'file:///a.rpsl': 'aut-num: AS8048\nimport: from AS1 accept AS8048:AS-CUSTOMRES\n',
    'file:///b.rpsl': 'as-set: AS8048:AS-CUSTOMERS\nmembers: AS1\n\nas-set: AS8048:AS-PEERS\nmembers: AS2\n',
  };
  const { ctx, docs } = workspaceOf(files);
  const doc = docs['file:///a.rpsl'];
  assert.ok(doc);
  const [d] = crossCheckDocument(doc, ctx);
  assert.equal(d?.code, 'workspace/unresolved-weak-reference');
  assert.match(d?.message ?? '', /Did you mean AS8048:AS-CUSTOMERS\?/);
  assert.deepEqual(d?.fixes?.[0]?.edits.map((e) => e.newText), ['AS8048:AS-CUSTOMERS']);
  const e = d?.fixes?.[0]?.edits[0];
  assert.ok(e);
  assert.equal(doc.text.slice(doc.lineIndex.offsetAt(e.range.start), doc.lineIndex.offsetAt(e.range.end)), 'AS8048:AS-CUSTOMRES');
});

// An aut-num held by two registries (a stub in NTTCOM, the full policy in ARIN): the cross checks read the copy
// with the policy and say which copy they read.
test('cross checks read the aut-num copy that has the policy when several registries hold it, and say which', () => {
  const files = {
    'file:///stub.rpsl': 'aut-num: AS65001\nas-name: EXAMPLE\nsource: NTTCOM\n',
    'file:///full.rpsl': 'aut-num: AS65001\nas-name: EXAMPLE\nexport: to AS65002 announce { 198.51.100.0/24 }\nsource: ARIN\n',
    'file:///route.rpsl': 'route: 192.0.2.0/24\norigin: AS65001\nsource: RADB\n',
  };
  const { ctx, docs } = workspaceOf(files);
  const doc = docs['file:///route.rpsl'];
  assert.ok(doc);
  const found = crossCheckDocument(doc, ctx);
  assert.deepEqual(found.map((d) => d.code), ['workspace/origin-not-exported']);
  assert.match(found[0]!.message, /AS65001's aut-num \(the ARIN copy of 2, the one with the most policy\) exports no rule/);
  // With the route exported by the full copy, nothing is reported although the stub exports nothing.
  const ok = workspaceOf({ ...files, 'file:///full.rpsl': files['file:///full.rpsl'].replace('198.51.100.0/24', '192.0.2.0/24') });
  assert.deepEqual(crossCheckDocument(ok.docs['file:///route.rpsl']!, ok.ctx), []);
});

// Every cross-object finding must hold when the workspace mixes registries (issue 13): the same aut-num or set
// name in two registries is two objects, a stub in one and the real thing in another.
test('import-without-export reads the peer aut-num copy that has the policy, and says which, when registries mix', () => {
  const files = {
    'file:///mine.rpsl': 'aut-num: AS65002\nimport: from AS65001 accept AS65001\nsource: RADB\n',
    'file:///stub.rpsl': 'aut-num: AS65001\nas-name: EXAMPLE\nsource: NTTCOM\n',
    'file:///full.rpsl': 'aut-num: AS65001\nas-name: EXAMPLE\nexport: to AS65003 announce AS65001\nsource: ARIN\n',
  };
  const { ctx, docs } = workspaceOf(files);
  const found = crossCheckDocument(docs['file:///mine.rpsl']!, ctx);
  assert.deepEqual(found.map((d) => d.code), ['workspace/import-without-export']);
  assert.match(found[0]!.message, /AS65001's aut-num \(the ARIN copy of 2, the one with the most policy\) has no export to AS65002/);
  // The full copy exporting to AS65002 settles it, although the NTTCOM stub exports nothing.
  const ok = workspaceOf({ ...files, 'file:///full.rpsl': files['file:///full.rpsl'].replace('AS65003', 'AS65002') });
  assert.deepEqual(crossCheckDocument(ok.docs['file:///mine.rpsl']!, ok.ctx), []);
});

test('member-of holds when any registry’s copy of the set takes the member, and names the copies when none does', () => {
  const route = 'route: 192.0.2.0/24\norigin: AS1\nmember-of: RS-FOO\nmnt-by: MNT-A\nsource: RADB\n';
  // A stub RS-FOO in NTTCOM (no mbrs-by-ref) indexed first, the real one in RADB admitting MNT-A.
  const mixed = { 'file:///a-stub.rpsl': 'route-set: RS-FOO\nsource: NTTCOM\n', 'file:///b-real.rpsl': 'route-set: RS-FOO\nmbrs-by-ref: MNT-A\nsource: RADB\n', 'file:///r.rpsl': route };
  assert.deepEqual(findings(mixed, 'file:///r.rpsl'), []);
  // No copy admits it: the finding says how many copies were read and in which registries.
  const { ctx, docs } = workspaceOf({ ...mixed, 'file:///b-real.rpsl': 'route-set: RS-FOO\nmbrs-by-ref: MNT-B\nsource: RADB\n' });
  const found = crossCheckDocument(docs['file:///r.rpsl']!, ctx);
  assert.deepEqual(found.map((d) => d.code), ['workspace/member-of-not-allowed']);
  assert.match(found[0]!.message, /none of the 2 copies, in (NTTCOM, RADB|RADB, NTTCOM), takes it/);
});

test('property: the linter’s pass (lookups remembered per name and number) finds what a pass asking the index every time finds', () => {
  // A tracked pass looks everything up again (its reads must be recorded): the lookups as they were before the memo.
  const sets = ['AS-A', 'AS-B', 'AS1:AS-C', 'AS-D', 'RS-X', 'AS-MISSING', 'AS-B2', 'AS1:AS-CC'];
  const mntners = ['MNT-A', 'MNT-B', 'MNT-MISSING', 'MNT-AA'];
  const contacts = ['P1-TEST', 'P2-TEST', 'PX-TEST'];
  const asns = ['AS1', 'AS2', 'AS3', 'AS4', 'AS4200000001', 'AS65000'];
  const pick = <T>(xs: readonly T[]): fc.Arbitrary<T> => fc.constantFrom(...xs);
  const common = fc.tuple(fc.array(pick(mntners), { minLength: 1, maxLength: 2 }), fc.array(pick(contacts), { maxLength: 2 }), fc.option(pick(sets)), pick(['RIPE', 'RADB']));
  const tail = ([mnts, cs, memberOf, source]: [string[], string[], string | null, string]): string =>
    [...mnts.map((m) => `mnt-by: ${m}`), ...cs.map((c) => `admin-c: ${c}`), ...(memberOf ? [`member-of: ${memberOf}`] : []), `source: ${source}`].join('\n');
  const object = fc.oneof(
    fc.tuple(pick(asns), fc.array(fc.tuple(pick(['import', 'export', 'mp-import']), pick(asns), pick([...sets, 'ANY', ...asns])), { maxLength: 4 }), common).map(
      ([as, rules, c]) => `aut-num: ${as}\n${rules.map(([a, peer, f]) => (a === 'export' ? `export: to ${peer} announce ${f}` : `${a}: from ${peer} accept ${f}`)).join('\n')}\n${tail(c)}\n`,
    ),
    fc.tuple(pick(['192.0.2.0/24', '198.51.100.0/24', '2001:db8::/32']), pick(asns), common).map(([p, as, c]) => `${p.includes(':') ? 'route6' : 'route'}: ${p}\norigin: ${as}\n${tail(c)}\n`),
    fc.tuple(pick(sets), fc.array(pick([...sets, ...asns, 'AS-ANY']), { maxLength: 5 }), fc.option(pick(mntners)), common).map(
      ([name, members, byRef, c]) => `${name.includes('RS-') ? 'route-set' : 'as-set'}: ${name}\nmembers: ${members.join(', ')}\n${byRef ? `mbrs-by-ref: ${byRef}\n` : ''}${tail(c)}\n`,
    ),
    fc.tuple(pick(mntners), common).map(([m, c]) => `mntner: ${m}\n${tail(c)}\n`),
    fc.tuple(pick(contacts), common).map(([h, c]) => `person: Someone\nnic-hdl: ${h}\n${tail(c)}\n`),
  );
  fc.assert(
    fc.property(fc.array(object, { minLength: 1, maxLength: 14 }), fc.boolean(), (objs, dump) => {
      const half = Math.ceil(objs.length / 2);
      const { index } = workspaceOf({ 'file:///p/a.rpsl': objs.slice(0, half).join('\n'), 'file:///p/b.rpsl': objs.slice(half).join('\n') });
      if (dump) index.markRegistryDump('file:///p/b.rpsl');
      const fast = newPass(index);
      for (const uri of ['file:///p/a.rpsl', 'file:///p/b.rpsl']) {
        const range = (s: { start: number; end: number }): Range => index.lineIndexOf(uri)!.range(s);
        for (const e of index.objectsIn(uri)) {
          const got = crossCheckEntry(fast, e).map((f) => placeFinding(index, e, f, range));
          const want = index.tracking(() => crossCheckEntry(newPass(index), e)).value.map((f) => placeFinding(index, e, f, range));
          assert.deepEqual(got, want, `${uri}\n${index.textOf(uri)}`);
        }
      }
    }),
    { numRuns: 200 },
  );
});
