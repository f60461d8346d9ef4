import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Asn } from '../../server/src/core/net/asn';
import type { Prefix } from '../../server/src/core/net/prefix';
import type { AsExpr, PolicyAst, PolicyExpr, PolicyFactor } from '../../server/src/core/policy/ast';
import { parsePolicy } from '../../server/src/core/policy/parser';
import { frameRpsl } from '../../server/src/core/rpsl/frame';
import { valueSpanToDocument, type RpslAttribute, type RpslObject } from '../../server/src/core/rpsl/model';
import type { Span } from '../../server/src/core/text/range';
import { autNumFacts } from '../../server/src/core/workspace/routePolicy';
import { policyWord, realRpslTexts } from '../support/realRpsl';

// autNumFacts walks each import and export line once for what the cross-checks keep of an aut-num. The oracle
// is the walk it replaced (routePolicy.ts before issue 15's policyfast work): rules collected per direction,
// their factors flattened, export facts and import peers read from those, each a pass of its own.

type Rule = { attr: RpslAttribute; ast: PolicyAst & { kind: 'import' | 'export' }; factors: readonly PolicyFactor[] };

function allFactors(e: PolicyExpr, out: PolicyFactor[]): PolicyFactor[] {
  if (e.kind === 'term') out.push(...e.factors);
  else {
    allFactors(e.left, out);
    allFactors(e.right, out);
  }
  return out;
}

function computeRules(autNum: RpslObject, direction: 'import' | 'export'): Rule[] {
  const names = direction === 'import' ? ['import', 'mp-import'] : ['export', 'mp-export'];
  const out: Rule[] = [];
  for (const attr of autNum.attributes) {
    if (!names.includes(attr.name)) continue;
    const ast = parsePolicy(attr.name, attr.value)?.ast;
    if (ast && (ast.kind === 'import' || ast.kind === 'export')) out.push({ attr, ast, factors: allFactors(ast.expr, []) });
  }
  return out;
}

function afiApplies(e: PolicyExpr, p: Prefix, mp: boolean): boolean {
  if (!mp) return p.afi === 4;
  let first: PolicyExpr = e;
  while (first.kind !== 'term') first = first.left;
  if (first.kind !== 'term' || !first.afi || first.afi.afis.length === 0) return true;
  return first.afi.afis.some((a) => a.startsWith(p.afi === 4 ? 'ipv4' : 'ipv6'));
}

function plainAsns(e: AsExpr | undefined, out: Asn[]): boolean {
  if (!e) return false;
  if (e.kind === 'asn') {
    out.push(e.asn);
    return true;
  }
  return e.kind === 'or' && plainAsns(e.left, out) && plainAsns(e.right, out);
}

function oldExportFacts(object: RpslObject): unknown {
  const peers = new Set<Asn>();
  const otherPeerings: PolicyFactor['peerings'][number]['peering'][] = [];
  const seen = { 4: new Set<string>(), 6: new Set<string>() };
  const v4: unknown[] = [];
  const v6: unknown[] = [];
  const rules = computeRules(object, 'export');
  const probes: Record<4 | 6, Prefix> = { 4: { afi: 4, words: [0], length: 0 }, 6: { afi: 6, words: [0, 0, 0, 0], length: 0 } };
  for (const { attr, ast, factors } of rules) {
    for (const f of factors) {
      for (const p of f.peerings) {
        const asns: Asn[] = [];
        if (plainAsns(p.peering.as, asns)) for (const a of asns) peers.add(a);
        else otherPeerings.push(p.peering);
      }
      let peer = -1 as Asn;
      for (const p of f.peerings)
        if (p.peering.as?.kind === 'asn') {
          peer = p.peering.as.asn;
          break;
        }
      const text = f.filter ? attr.value.slice(f.filter.span.start, f.filter.span.end) : '';
      const key = /peeras|fltr-/i.test(text) ? `${peer} ${text}` : text;
      for (const afi of [4, 6] as const) {
        if (!afiApplies(ast.expr, probes[afi], ast.mp) || seen[afi].has(key)) continue;
        seen[afi].add(key);
        (afi === 4 ? v4 : v6).push({ peer, filter: f.filter });
      }
    }
  }
  return { rules: rules.length, peers, otherPeerings, v4, v6 };
}

function oldImportPeers(o: RpslObject): Float64Array {
  const peers: { attr: RpslAttribute; asn: Asn; span: Span }[] = [];
  const walk = (attr: RpslAttribute, e: AsExpr | undefined): void => {
    if (!e) return;
    if (e.kind === 'asn') peers.push({ attr, asn: e.asn, span: e.span });
    else if (e.kind === 'or') {
      walk(attr, e.left);
      walk(attr, e.right);
    }
  };
  for (const { attr, factors } of computeRules(o, 'import')) for (const f of factors) for (const p of f.peerings) walk(attr, p.peering.as);
  const out = new Float64Array(peers.length * 3);
  peers.forEach((p, i) => {
    const span = valueSpanToDocument(p.attr, p.span.start, p.span.end);
    out[i * 3] = p.asn;
    out[i * 3 + 1] = span.start - o.span.start;
    out[i * 3 + 2] = span.end - o.span.start;
  });
  return out;
}

function assertSameFacts(o: RpslObject): void {
  const facts = autNumFacts(o);
  assert.deepEqual(facts.exports, oldExportFacts(o), o.attributes[0]?.value);
  assert.deepEqual(facts.importPeers, oldImportPeers(o), o.attributes[0]?.value);
  // One direction asked alone (importPeers, exportFacts of an aut-num the index did not note) gives the same.
  assert.deepEqual(autNumFacts(o, 'export').exports, facts.exports);
  assert.deepEqual(autNumFacts(o, 'import').importPeers, facts.importPeers);
}

test('aut-num facts in one walk equal the old per-direction walks: every aut-num of the real corpora', () => {
  let autNums = 0;
  let lines = 0;
  for (const t of realRpslTexts())
    for (const o of frameRpsl(t).objects) {
      if (o.className !== 'aut-num') continue;
      autNums++;
      lines += o.attributes.filter((a) => /^(mp-)?(import|export)$/.test(a.name)).length;
      assertSameFacts(o);
    }
  assert.ok(lines > 9000, `${autNums} aut-nums, ${lines} import/export lines`);
});

test('property: aut-num facts in one walk equal the old walks on generated policies', () => {
  const line = fc.tuple(fc.constantFrom('import', 'export', 'mp-import', 'mp-export', 'default', 'remarks'), fc.array(policyWord, { maxLength: 16 }), fc.boolean());
  fc.assert(
    fc.property(fc.array(line, { maxLength: 8 }), (lines) => {
      // Some values run over a continuation line, so the spans go through the value's segments.
      const body = lines.map(([name, words, wrap]) => `${name}: ${wrap && words.length > 2 ? `${words.slice(0, 2).join(' ')}\n  ${words.slice(2).join(' ')}` : words.join(' ')}`);
      const [o] = frameRpsl(`aut-num: AS1\n${body.join('\n')}\nsource: TEST\n`).objects;
      assert.ok(o);
      assertSameFacts(o);
    }),
    { numRuns: 1000 },
  );
});
