import { parseAsPathText } from './asPathText';
import { isAddress, isPrefixToken } from './address';
import { isChromeLine } from './lineClean';
import { finishDraft, newDraft, originWord, uint, type LineParser, type RouteSink } from './lineParser';
import type { LgFormat } from './types';

/**
 * Nokia SR Linux `show network-instance … protocols bgp routes … summary` and `… neighbor X
 * received-routes|advertised-routes`: tables drawn with `+---+` rules and `|` cells. The header may be
 * stacked over several lines inside its cells (`Sta`/`tus`, `Loc`/`Pre`/`f`), a cell too narrow for its
 * value wraps it onto the next line (`192.168.0.0` / `/24`), and the neighbor tables draw one cell across
 * the whole row. SR Linux prints the AS path as a list in brackets (`[65002]`, `[65001, 65002]`), the
 * origin after it in the summary's `Path Val` cell or in its own `Origin` column.
 */
const RULE = /^\s*\+[-=+]+\+\s*$/;
const HEADER_END = /^\s*\+=[=+]*\+\s*$/;
const CHROME = /^\s*(?:--\{.*\}--.*|-{5,}|(?:Status|Origin) codes:|Show report for|Peer\s+:|Type\s+:|Description\s+:|Group\s+:|\d+ (?:received|advertised|available) |\d+ available destinations)/;

type Field = 'status' | 'network' | 'nexthop' | 'med' | 'locpref' | 'path' | 'origin';

const FIELD_NAMES: readonly { readonly field: Field; readonly re: RegExp }[] = [
  { field: 'status', re: /^Stat/i },
  { field: 'network', re: /^Network/i },
  { field: 'nexthop', re: /^Next ?Hop/i },
  { field: 'med', re: /^MED/i },
  { field: 'locpref', re: /^Loc ?Pref/i },
  { field: 'path', re: /^(?:As ?Path|Path)/i },
  { field: 'origin', re: /^Origin/i },
];

/** Cell texts of a `| a | b |` line, or undefined when the line is no table row. */
function cells(s: string): string[] | undefined {
  const t = s.trim();
  if (!t.startsWith('|') || !t.endsWith('|') || t.length < 2) return undefined;
  return t.slice(1, -1).split('|');
}

export class SrLinuxParser implements LineParser {
  /** Between a table's top rule and its `+===+` rule: the header's lines, as read. */
  private header: string[] | undefined;
  /** Below the header: the field of each cell, or for one-cell tables the column words' positions. */
  private fields: (Field | undefined)[] | undefined;
  private positions: { readonly field: Field; readonly at: number }[] | undefined;
  /** A row read so far (its cells may wrap onto the next line), and where it started. */
  private row: { values: Partial<Record<Field, string>>; start: number; end: number } | undefined;

  constructor(
    private readonly sink: RouteSink,
    readonly format: LgFormat,
  ) {}

  line(s: string, n: number): void {
    this.sink.step(1);
    if (HEADER_END.test(s)) {
      this.endHeader();
      return;
    }
    if (RULE.test(s)) {
      // The rule under the last row ends the table; one over a header starts the next.
      this.flush();
      this.fields = undefined;
      this.positions = undefined;
      this.header = [];
      return;
    }
    const c = cells(s);
    if (c === undefined) {
      if (isChromeLine(s) || CHROME.test(s)) return;
      this.sink.unparsed({ line: n, text: s, reason: 'not part of an SR Linux route table' });
      return;
    }
    if (this.header !== undefined) this.header.push(s);
    else if (this.fields !== undefined || this.positions !== undefined) this.dataLine(s, c, n);
    else this.sink.unparsed({ line: n, text: s, reason: 'an SR Linux table row outside a table' });
  }

  end(): void {
    this.flush();
  }

  private endHeader(): void {
    const lines = this.header ?? [];
    this.header = undefined;
    const first = lines[0];
    if (first === undefined) return;
    const c0 = cells(first) ?? [];
    if (c0.length === 1) {
      // One cell across the row: the column names are words at positions.
      const found: { field: Field; at: number }[] = [];
      for (const m of first.matchAll(/[A-Za-z]+(?: Hop)?/g)) {
        const f = FIELD_NAMES.find((x) => x.re.test(m[0]));
        if (f !== undefined && !found.some((x) => x.field === f.field)) found.push({ field: f.field, at: m.index ?? 0 });
      }
      this.positions = found;
      return;
    }
    // Cells stacked over several lines: `Sta` + `tus`, `Loc` + `Pre` + `f`.
    const names: string[] = [];
    for (const l of lines) (cells(l) ?? []).forEach((t, i) => (names[i] = (names[i] ?? '') + t.trim()));
    this.fields = names.map((name) => FIELD_NAMES.find((f) => f.re.test(name))?.field);
  }

  private dataLine(s: string, c: string[], n: number): void {
    if (this.positions !== undefined) {
      this.positionRow(s, n);
      return;
    }
    const fields = this.fields ?? [];
    const values: Partial<Record<Field, string>> = {};
    c.forEach((t, i) => {
      const f = fields[i];
      if (f !== undefined && t.trim() !== '') values[f] = t.trim();
    });
    const r = this.row;
    if (r !== undefined && values.status === undefined && values.nexthop === undefined) {
      // The rest of cells too narrow for their value: glued to what the row above holds.
      for (const [f, v] of Object.entries(values) as [Field, string][]) r.values[f] = (r.values[f] ?? '') + (f === 'path' ? ' ' : '') + v;
      r.end = n;
      return;
    }
    this.flush();
    this.row = { values, start: n, end: n };
  }

  /** A row of the one-cell tables: status, prefix, next hop, MED, local pref, the path, the origin last. */
  private positionRow(s: string, n: number): void {
    const tokens = (cells(s)?.[0] ?? '').trim().split(/\s+/);
    if (tokens.length > 0 && !isPrefixToken(tokens[0] ?? '')) tokens.shift();
    const [prefix, nexthop, med, locpref] = tokens;
    const hasOrigin = this.positions?.some((p) => p.field === 'origin') === true;
    const rest = tokens.slice(4);
    const origin = hasOrigin ? rest.pop() : undefined;
    this.flush();
    this.row = { values: { network: prefix, nexthop, med, locpref, path: rest.join(' '), origin }, start: n, end: n };
    this.flush();
  }

  private flush(): void {
    const r = this.row;
    this.row = undefined;
    if (r === undefined) return;
    const v = r.values;
    const prefix = v.network ?? '';
    if (!isPrefixToken(prefix)) {
      this.sink.unparsed({ line: r.start, text: prefix, reason: 'not a route row of an SR Linux table' });
      return;
    }
    const d = newDraft(prefix, r.start);
    d.end = r.end;
    const status = v.status ?? '';
    d.valid = status.includes('*');
    d.best = status.includes('>');
    if (isAddress(v.nexthop ?? '')) d.nextHop = v.nexthop;
    d.med = uint(v.med);
    d.localPref = uint(v.locpref);
    let path = (v.path ?? '').trim();
    let origin = v.origin;
    const code = /\s*(?:^|\s)([ie?])$/.exec(path);
    if (origin === undefined && code !== null) {
      origin = code[1];
      path = path.slice(0, code.index).trim();
    }
    d.origin = originWord(origin);
    // The list brackets are SR Linux's, around the whole path; sets keep their braces inside.
    const list = /^\[([^[\]]*)\]$/.exec(path);
    d.path = parseAsPathText(list !== null ? (list[1] ?? '').replace(/,/g, ' ') : path);
    d.pathLine = r.start;
    this.sink.route(finishDraft(d));
  }
}
