import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { applyBudget, applyBudgetWith, budgetNotice, DIAGNOSTICS_LIMITED, PreparedBudget, selectNearest, SEVERITY_RANK } from './budget';
import type { Diagnostic, Severity } from './diagnostic';

const S: Record<string, Severity> = { E: 'error', W: 'warning', I: 'information', H: 'hint' };

/** `'E5'` is an error at line 5, `'W3:7'` a warning at line 3, character 7; the code names it for the assertions. */
function diag(spec: string): Diagnostic {
  const m = /^([EWIH])(\d+)(?::(\d+))?$/.exec(spec)!;
  const line = Number(m[2]);
  const character = Number(m[3] ?? 0);
  return { code: spec, severity: S[m[1]!]!, range: { start: { line, character }, end: { line, character: character + 1 } }, message: spec };
}
const diags = (...specs: string[]): Diagnostic[] => specs.map(diag);
const codes = (ds: readonly Diagnostic[]): string[] => ds.map((d) => d.code);

test('findings that fit the budget come back unchanged, the same array', () => {
  const all = diags('W9', 'E1', 'H4');
  assert.equal(applyBudget(all, { focusLine: 0, limit: 3 }), all);
  const none: Diagnostic[] = [];
  assert.equal(applyBudget(none, { focusLine: 0, limit: 1 }), none);
});

test('over the budget: errors nearest the focus, in document order, then the notice', () => {
  // Errors at lines 0, 10, 20, 30, 40, 50 and warnings between; focus 33, limit 4 → 3 errors + notice.
  // Distances of the errors: 33, 23, 13, 3, 7, 17 → lines 30 (3), 40 (7), 20 (13).
  const all = diags('E0', 'W5', 'E10', 'W15', 'E20', 'W25', 'E30', 'W35', 'E40', 'W45', 'E50');
  const out = applyBudget(all, { focusLine: 33, limit: 4 });
  assert.deepEqual(codes(out), ['E20', 'E30', 'E40', DIAGNOSTICS_LIMITED]);
  const notice = out[3]!;
  assert.equal(notice.severity, 'information');
  assert.deepEqual(notice.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  assert.equal(
    notice.message,
    'Showing 3 of 11 findings: the most severe, nearest the last edit. ' +
      'Raise the setting routelens.diagnostics.maxPerFile to show more, or run `routelens lint <file>` to list them all.',
  );
});

test('whole severities are taken while they fit; the nearest of the next one fill the rest', () => {
  // 2 errors (far away), 3 warnings, 2 hints; limit 5 → both errors + the 2 warnings nearest line 100 + notice.
  const all = diags('E1', 'W2', 'H99', 'E3', 'W50', 'W98', 'H100');
  assert.deepEqual(codes(applyBudget(all, { focusLine: 100, limit: 5 })), ['E1', 'E3', 'W50', 'W98', DIAGNOSTICS_LIMITED]);
  // limit 6: errors and warnings fill the 5 slots exactly, no hint.
  assert.deepEqual(codes(applyBudget(all, { focusLine: 100, limit: 6 })), ['E1', 'W2', 'E3', 'W50', 'W98', DIAGNOSTICS_LIMITED]);
  // information ranks between warning and hint, however near the hints are.
  assert.deepEqual(codes(applyBudget(diags('H5', 'I90', 'W0', 'H6'), { focusLine: 5, limit: 3 })), ['W0', 'I90', DIAGNOSTICS_LIMITED]);
});

test('equal distance: document order decides (the line above before the line below, then the character)', () => {
  // Focus 10: lines 8 and 12 are both 2 away; 8 comes first. On line 8, character 2 before character 9.
  const all = diags('E12', 'E8:9', 'E8:2', 'E20');
  assert.deepEqual(codes(selectNearest(all, () => 0, 10, 1)), ['E8:2']);
  assert.deepEqual(codes(selectNearest(all, () => 0, 10, 2)), ['E8:2', 'E8:9']);
  assert.deepEqual(codes(selectNearest(all, () => 0, 10, 3)), ['E8:2', 'E8:9', 'E12']);
  // Same position twice: input order.
  const twins = [diag('E4'), { ...diag('E4'), code: 'E4-second' }, diag('E9')];
  assert.deepEqual(codes(selectNearest(twins, () => 0, 4, 1)), ['E4']);
});

test('a focus before the first or after the last finding takes the ends of the file', () => {
  const all = diags('E1', 'E2', 'E3', 'E4', 'E5');
  assert.deepEqual(codes(selectNearest(all, () => 0, 0, 2)), ['E1', 'E2']);
  assert.deepEqual(codes(selectNearest(all, () => 0, 1000, 2)), ['E4', 'E5']);
  assert.deepEqual(codes(selectNearest(all, () => 0, 3, 3)), ['E2', 'E3', 'E4']);
});

test('input in a few ordered runs (per-object findings, then cross-object ones) selects as if sorted', () => {
  // Two runs: 0,10,20,30 then 5,15,25,35. Focus 17: distances 17,7,3,13 | 12,2,8,18 → 15 (2), 20 (3), 10 (7), 25 (8).
  const all = diags('E0', 'E10', 'E20', 'E30', 'E5', 'E15', 'E25', 'E35');
  assert.deepEqual(codes(selectNearest(all, () => 0, 17, 4)), ['E10', 'E15', 'E20', 'E25']);
});

test('input in no order at all (more runs than the walk takes) falls back to a sort with the same answer', () => {
  // 40 errors at lines 39, 38, …, 0 (40 runs of one); focus 20, 5 slots → 20 (0), 19/21 (1), 18/22 (2).
  const all = Array.from({ length: 40 }, (_, i) => diag(`E${39 - i}`));
  assert.deepEqual(codes(selectNearest(all, () => 0, 20, 5)), ['E18', 'E19', 'E20', 'E21', 'E22']);
  // 4 slots: the level at distance 2 (18 and 22) is cut by document order → 18.
  assert.deepEqual(codes(selectNearest(all, () => 0, 20, 4)), ['E18', 'E19', 'E20', 'E21']);
});

test('matches a brute-force sort on generated inputs (ordered, runs, shuffled)', () => {
  let seed = 7;
  const rand = (n: number): number => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) % n;
  const sev = ['error', 'warning', 'information', 'hint'] as const;
  for (let round = 0; round < 300; round++) {
    const n = 1 + rand(60);
    let all: Diagnostic[] = Array.from({ length: n }, (_, i) => {
      const line = rand(30);
      const character = rand(3);
      return { code: `d${i}`, severity: sev[rand(4)]!, range: { start: { line, character }, end: { line, character } }, message: '' };
    });
    const shape = round % 3;
    const byPos = (a: Diagnostic, b: Diagnostic): number => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
    if (shape === 0) all = [...all].sort(byPos);
    if (shape === 1) all = [...all.slice(0, n >> 1).sort(byPos), ...all.slice(n >> 1).sort(byPos)];
    const focus = rand(35);
    const count = 1 + rand(n);
    const rank = { error: 0, warning: 1, information: 2, hint: 3 };
    // The definition, by brute force: sort by (severity, distance, position, input order), take count, sort by position.
    const idx = all.map((d, i) => ({ d, i }));
    const pos = (a: { d: Diagnostic; i: number }, b: { d: Diagnostic; i: number }): number => byPos(a.d, b.d) || a.i - b.i;
    const expected = [...idx]
      .sort((a, b) => rank[a.d.severity] - rank[b.d.severity] || Math.abs(a.d.range.start.line - focus) - Math.abs(b.d.range.start.line - focus) || pos(a, b))
      .slice(0, count)
      .sort(pos)
      .map((x) => x.d.code);
    assert.deepEqual(codes(selectNearest(all, (d) => rank[d.severity], focus, count)), expected, `round ${round}`);
  }
});

test('other diagnostic forms are selected by their own numeric severity (LSP: Error = 1 … Hint = 4)', () => {
  const lsp = [
    { range: diag('E1').range, severity: 2, message: 'warning at 1' },
    { range: diag('E7').range, severity: 1, message: 'error at 7' },
    { range: diag('E9').range, severity: 1, message: 'error at 9' },
  ];
  assert.deepEqual(
    selectNearest(lsp, (d) => d.severity, 0, 2).map((d) => d.message),
    ['error at 7', 'error at 9'],
  );
  assert.deepEqual(
    selectNearest(lsp, (d) => d.severity, 0, 1).map((d) => d.message),
    ['error at 7'],
  );
});

test('the notice names the file the CLI should lint, and a limit below 1 counts as 1', () => {
  assert.match(budgetNotice(999, 176023, { uri: 'file:///srv/dumps/radb.db' }).message, /^Showing 999 of 176,023 findings.*`routelens lint \/srv\/dumps\/radb\.db`/);
  assert.match(budgetNotice(1, 2, { uri: 'file:///c%3A/My%20Dumps/radb.db' }).message, /`routelens lint "c:\/My Dumps\/radb\.db"`/);
  assert.match(budgetNotice(1, 2, { uri: 'untitled:Untitled-1' }).message, /`routelens lint <file>`/);
  assert.deepEqual(codes(applyBudget(diags('E1', 'E2'), { focusLine: 0, limit: 0 })), [DIAGNOSTICS_LIMITED]);
  assert.match(applyBudget(diags('E1', 'E2'), { focusLine: 0, limit: 1 })[0]!.message, /^Showing 0 of 2 findings/);
});

test('applyBudgetWith(first, prepared rest) gives exactly applyBudget([...first, ...rest]), for any focus and limit', () => {
  // Lines and characters from a small range, so ties (same severity, distance, place) are common.
  const spec = fc.tuple(fc.constantFrom('E', 'W', 'I', 'H'), fc.nat(12), fc.nat(2)).map(([s, l, c]) => `${s}${l}:${c}`);
  fc.assert(
    fc.property(fc.array(spec, { maxLength: 8 }), fc.array(spec, { maxLength: 40 }), fc.nat(14), fc.integer({ min: 1, max: 50 }), (a, b, focusLine, limit) => {
      // Each finding its own object, so that equal specs stay apart (the order of ties must be kept too).
      const first = a.map(diag);
      const rest = b.map(diag);
      const options = { focusLine, limit, uri: 'file:///x.rpsl' };
      const prepared = new PreparedBudget(rest, (d) => SEVERITY_RANK[d.severity]);
      const got = applyBudgetWith(first, prepared, options);
      const want = applyBudget([...first, ...rest], options);
      assert.equal(got.length, want.length);
      got.forEach((d, i) => (d.code === DIAGNOSTICS_LIMITED ? assert.deepEqual(d, want[i]) : assert.equal(d, want[i])));
    }),
    { numRuns: 1000 },
  );
});
