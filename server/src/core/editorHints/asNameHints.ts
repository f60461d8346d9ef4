import { InlayHintKind, type InlayHint, type Range } from 'vscode-languageserver-types';
import type { SourceDocument } from '../document';
import { parseAsn, type Asn } from '../net/asn';
import { firstValue } from '../rpsl/model';
import { parseRpslDocument } from '../rpsl/document';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';

/** Attributes whose values name peer ASes: the places where a number alone says little. */
const POLICY_ATTRIBUTES: ReadonlySet<string> = new Set([
  'import',
  'export',
  'mp-import',
  'mp-export',
  'default',
  'mp-default',
  'members',
  'mp-members',
  'import-via',
  'export-via',
  'origin',
]);

/** `AS8048`, `as8048`, `AS1.10` — an AS number as RPSL and ASPA files write it, not part of a longer word. */
const AS_TOKEN = /(?<![\w:-])AS(\d+(?:\.\d+)?)(?![\w:-])/gi;

/** Names beyond the workspace's aut-nums (the `routelens.data.asNamesFile`), consulted after them. */
export type AsNameSource = (asn: Asn) => string | undefined;

/**
 * Inlay hints that put an AS's name after its number in policy lines, set members and ASPA declarations:
 * `import: from AS6762 ‹Sparkle› accept ANY`. Names come from the workspace's aut-nums (`as-name:`), then
 * from `more`. Only what lies in `range` (the editor's viewport) is scanned.
 */
export function asNameHints(doc: SourceDocument, range: Range, workspace: WorkspaceIndex, more?: AsNameSource): InlayHint[] {
  const from = doc.lineIndex.offsetAt(range.start);
  const to = doc.lineIndex.offsetAt(range.end);
  const names = new Map<Asn, string | undefined>();
  const nameOf = (asn: Asn): string | undefined => {
    if (!names.has(asn)) {
      const autNum = workspace.resolve('aut-num', `AS${asn}`)[0];
      const asName = autNum ? firstValue(autNum.object, 'as-name')?.value : undefined;
      names.set(asn, asName && asName !== '' ? asName : more?.(asn));
    }
    return names.get(asn);
  };
  const hints: InlayHint[] = [];
  const scan = (text: string, offset: number): void => {
    const comment = text.indexOf('#');
    const code = comment >= 0 ? text.slice(0, comment) : text;
    for (const m of code.matchAll(AS_TOKEN)) {
      const parsed = parseAsn(m[0]);
      if (!parsed.ok) continue;
      const name = nameOf(parsed.asn);
      if (!name) continue;
      const end = offset + m.index + m[0].length;
      if (end < from || end > to) continue;
      hints.push({ position: doc.lineIndex.positionAt(end), label: name, kind: InlayHintKind.Type, paddingLeft: true });
    }
  };
  if (doc.languageId === 'rpsl') {
    for (const obj of parseRpslDocument(doc).objects) {
      if (obj.span.end < from || obj.span.start > to) continue;
      for (const attr of obj.attributes) {
        if (!POLICY_ATTRIBUTES.has(attr.name) || (attr.name === 'origin' && obj.className !== 'route' && obj.className !== 'route6')) continue;
        for (const seg of attr.segments) scan(seg.text, seg.offset);
      }
    }
  } else if (doc.languageId === 'aspa') {
    let lineStart = Math.max(0, doc.text.lastIndexOf('\n', from - 1) + 1);
    while (lineStart <= to && lineStart < doc.text.length) {
      const nl = doc.text.indexOf('\n', lineStart);
      const lineEnd = nl < 0 ? doc.text.length : nl;
      scan(doc.text.slice(lineStart, lineEnd), lineStart);
      lineStart = lineEnd + 1;
    }
  }
  return hints;
}
