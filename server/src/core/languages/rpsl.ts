import {
  CompletionItemKind,
  FoldingRangeKind,
  MarkupKind,
  SymbolKind,
  type CompletionItem,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type TextEdit,
} from 'vscode-languageserver-types';
import type { LanguageService, ServiceContext } from './service';
import type { SourceDocument } from '../document';
import { toDiagnostics } from '../diagnostics/fromSpans';
import { crossCheckDocument } from '../workspace/crossCheck';
import { workspaceDefinition, workspaceHover, workspaceReferences, workspaceRename } from '../workspace/navigation';
import { ATTRIBUTE_DOCS } from '../rpsl/attributeDocs';
import { DIALECT_PROFILES, dialectOf, isMirrored, KNOWN_SOURCES, sourceAttribute, sourceInfo, whyDialect, type RpslDialect, type RpslDialectSetting } from '../rpsl/dialects';
import { AUTH_SCHEMES, ISO_COUNTRIES, ORG_TYPES, STATUS_BY_CLASS } from '../rpsl/enums';
import { formatRpsl } from '../rpsl/format';
import { parseRpslDocument, validateRpslDocument } from '../rpsl/document';
import type { RpslAttribute, RpslDocument, RpslObject } from '../rpsl/model';
import { ALL_CLASSES, dialectsWithClass, templateFor, type AttributeRule, type ClassTemplate } from '../rpsl/templates';
import { classifyAsn, parseAsn } from '../net/asn';
import { formatAddress, parsePrefix } from '../net/prefix';

// ---- Lookups ----

function objectAt(parsed: RpslDocument, offset: number): RpslObject | undefined {
  const objs = parsed.objects;
  let lo = 0;
  let hi = objs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const o = objs[mid]!;
    if (offset < o.span.start) hi = mid - 1;
    else if (offset > o.span.end) lo = mid + 1;
    else return o;
  }
  return undefined;
}

function attributeAt(obj: RpslObject, offset: number): RpslAttribute | undefined {
  for (const a of obj.attributes) if (offset >= a.span.start && offset <= a.span.end) return a;
  return undefined;
}

/** The template an object is checked against, and the dialect it comes from. */
function templateOf(obj: RpslObject, setting: RpslDialectSetting): { template: ClassTemplate | undefined; dialect: RpslDialect } {
  const dialect = dialectOf(obj, setting);
  const template = templateFor(obj.className, dialect) ?? templateFor(obj.className, dialectsWithClass(obj.className)[0] ?? dialect);
  return { template, dialect: template?.dialect ?? dialect };
}

function describeRule(rule: AttributeRule): string {
  return [rule.requirement, rule.multiple ? 'multiple' : 'single', rule.primaryKey ? 'primary key' : rule.lookupKey ? 'lookup key' : ''].filter(Boolean).join(', ');
}

function classMarkdown(template: ClassTemplate): string {
  const rows = template.attributes.map((a) => `| \`${a.name}:\` | ${describeRule(a)} |`);
  return [
    `**${template.className}** — ${template.summary}`,
    '',
    `${template.reference} · template of the ${DIALECT_PROFILES[template.dialect].title} dialect`,
    '',
    '| attribute | |',
    '|---|---|',
    ...rows,
  ].join('\n');
}

function attributeMarkdown(name: string, template: ClassTemplate | undefined): string {
  const rule = template?.byName.get(name);
  const where = template ? (rule ? `${describeRule(rule)} in ${template.className} (${DIALECT_PROFILES[template.dialect].title})` : `not an attribute of ${template.className}`) : '';
  return [`**${name}:**${where ? ` — ${where}` : ''}`, '', ATTRIBUTE_DOCS[name] ?? ''].join('\n').trim();
}

/** The hover on source:: which registry profile checks the object, why, where its rules come from, and whether it is a mirror copy. */
function sourceMarkdown(obj: RpslObject, attr: RpslAttribute, setting: RpslDialectSetting, authoritative: ReadonlySet<string> | undefined): string {
  const profile = DIALECT_PROFILES[dialectOf(obj, setting)];
  const info = sourceInfo(attr.value);
  const role = isMirrored(info, authoritative)
    ? 'Checked as a mirror copy: what the registry holds is reported as information, not as errors. The registries you write to are routelens.rpsl.authoritativeSources or, when it names none, the sources of the documents you edit.'
    : info.source === ''
      ? ''
      : 'Checked as an object you author in this registry.';
  return [
    `**source:** — checked with the **${profile.title}** profile: ${whyDialect(obj, setting)}`,
    '',
    role,
    '',
    `Rules from: ${profile.cites.map((c) => `[${c.title}](${c.url})`).join(' · ')}`,
  ]
    .filter((l, i, all) => l !== '' || all[i - 1] !== '')
    .join('\n');
}

/** For a route(6) key: every registry of the workspace that holds this prefix and origin, and in which file. */
function routeRegistrations(obj: RpslObject, ctx: ServiceContext): string {
  if (obj.className !== 'route' && obj.className !== 'route6') return '';
  const prefix = parsePrefix(obj.attributes[0]?.value ?? '');
  const origin = parseAsn(obj.attributes.find((a) => a.name === 'origin')?.value ?? '');
  if (!prefix.ok || !origin.ok) return '';
  const same = ctx.workspace.routesFor(prefix.prefix).filter((e) => e.route?.origin === origin.asn);
  if (same.length < 2) return '';
  const lines = same.map((e) => `- ${sourceInfo(sourceAttribute(e.object)?.value ?? '').source || '(no source)'} — ${e.uri.slice(e.uri.lastIndexOf('/') + 1)}`);
  return [`Registered ${same.length} times in the workspace (prefix, origin and source are the key):`, ...[...new Set(lines)].sort()].join('\n');
}

/** The token of the attribute's value under `offset` (delimited by blanks, commas, braces, parentheses). */
function tokenAt(doc: SourceDocument, attr: RpslAttribute, offset: number): { text: string; start: number; end: number } | undefined {
  const text = doc.text;
  if (offset < attr.valueSpan.start || offset > attr.valueSpan.end) return undefined;
  const stop = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 44 || c === 123 || c === 125 || c === 40 || c === 41 || c === 59 || c === 60 || c === 62;
  let s = offset;
  let e = offset;
  while (s > attr.valueSpan.start && !stop(text.charCodeAt(s - 1))) s--;
  while (e < attr.valueSpan.end && !stop(text.charCodeAt(e))) e++;
  return e > s ? { text: text.slice(s, e), start: s, end: e } : undefined;
}

const ASN_KIND: Readonly<Record<string, string>> = {
  as0: 'AS0: never originates routes (RFC 7607); in a ROA or route object it means "do not route"',
  'as-trans': 'AS_TRANS (RFC 6793): stands in for a 4-byte ASN towards old speakers; never a real origin',
  documentation: 'reserved for documentation (RFC 5398)',
  private: 'private use (RFC 6996): must not appear in public routing',
  reserved: 'reserved (RFC 7300 / IANA)',
};

/** What a value token is: an AS number (with its special-use class) or a prefix (its address range). Sets and objects are the workspace hover's. */
function valueHover(doc: SourceDocument, attr: RpslAttribute, offset: number): Hover | null {
  const tok = tokenAt(doc, attr, offset);
  if (!tok) return null;
  const bare = tok.text.replace(/\^.*$/, '');
  let value: string | undefined;
  if (/^AS[0-9.]+$/i.test(bare)) {
    const r = parseAsn(bare);
    if (r.ok) {
      const special = classifyAsn(r.asn);
      value = `**AS${r.asn}**${r.notation === 'asdot' ? ` (asdot ${bare})` : ''}${special ? ` — ${ASN_KIND[special.kind] ?? special.kind}` : ''}`;
    }
  } else if (bare.includes('/')) {
    const r = parsePrefix(bare);
    if (r.ok) {
      const p = r.prefix;
      const width = p.afi === 4 ? 32 : 128;
      const last = p.words.map((w, i) => {
        const bits = Math.max(0, Math.min(32, p.length - i * 32));
        return bits === 32 ? w : (w | (bits === 0 ? 0xffffffff : 0xffffffff >>> bits)) >>> 0;
      });
      value = `**${r.normalized}** — IPv${p.afi}, ${formatAddress(p.afi, p.words)} to ${formatAddress(p.afi, last)} (2^${width - p.length} addresses)`;
    }
  }
  return value ? { contents: { kind: MarkupKind.Markdown, value }, range: doc.lineIndex.range(tok) } : null;
}

// ---- Completion ----

const PAD_TO = 16;

function attributeItem(rule: AttributeRule, sortIndex: number): CompletionItem {
  const label = `${rule.name}:`;
  return {
    label,
    kind: CompletionItemKind.Property,
    detail: describeRule(rule),
    documentation: { kind: MarkupKind.Markdown, value: ATTRIBUTE_DOCS[rule.name] ?? '' },
    insertText: label.padEnd(PAD_TO - 1, ' ') + ' ',
    sortText: String(sortIndex).padStart(3, '0'),
  };
}

function valueChoices(rule: AttributeRule | undefined, className: string): readonly string[] {
  if (!rule) return [];
  switch (rule.type) {
    case 'status':
      return STATUS_BY_CLASS[className] ?? [];
    case 'country':
      return [...ISO_COUNTRIES];
    case 'org-type':
      return ORG_TYPES;
    case 'key-method':
      return ['PGP', 'X509'];
    case 'source':
      return KNOWN_SOURCES;
    case 'auth':
      return AUTH_SCHEMES;
    case 'mbrs-by-ref':
      return ['ANY'];
    default:
      return [];
  }
}

function complete(doc: SourceDocument, offset: number, setting: RpslDialectSetting): CompletionItem[] {
  const text = doc.text;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const prefix = text.slice(lineStart, offset);
  const parsed = parseRpslDocument(doc);
  // The object this line belongs to: the one around it, or the one just above when the line is new.
  const prevLineEnd = lineStart >= 2 && text.charCodeAt(lineStart - 2) === 13 ? lineStart - 2 : lineStart - 1;
  const prevLineEmpty = prevLineEnd <= 0 || text.charCodeAt(prevLineEnd - 1) === 10;
  let obj = objectAt(parsed, offset) ?? (prevLineEmpty ? undefined : objectAt(parsed, prevLineEnd - 1));
  if (obj && obj.span.start === lineStart && obj.attributes.length === 1) obj = undefined; // typing the class itself
  const colon = prefix.indexOf(':');
  if (colon >= 0) {
    const name = prefix.slice(0, colon).trim().toLowerCase();
    if (!obj) return [];
    const { template } = templateOf(obj, setting);
    // The item replaces all of the value typed so far: enumerated values have spaces ("ALLOCATED PA"),
    // and a client left to itself replaces only the word before the cursor.
    let valueStart = lineStart + colon + 1;
    while (valueStart < offset && (text.charCodeAt(valueStart) === 32 || text.charCodeAt(valueStart) === 9)) valueStart++;
    const range = doc.lineIndex.range({ start: valueStart, end: offset });
    return valueChoices(template?.byName.get(name), obj.className).map((v) => ({ label: v, kind: CompletionItemKind.EnumMember, textEdit: { range, newText: v } }));
  }
  if (!/^[A-Za-z0-9_-]*$/.test(prefix)) return [];
  if (!obj) {
    return ALL_CLASSES.map((c, i) => {
      const t = templateFor(c, 'rfc') ?? templateFor(c, dialectsWithClass(c)[0] ?? 'ripe');
      return {
        label: `${c}:`,
        kind: CompletionItemKind.Class,
        detail: t?.reference,
        documentation: { kind: MarkupKind.Markdown, value: t?.summary ?? '' },
        insertText: `${c}:`.padEnd(PAD_TO - 1, ' ') + ' ',
        sortText: String(i).padStart(3, '0'),
      };
    });
  }
  const { template } = templateOf(obj, setting);
  if (!template) return [];
  const present = new Set(obj.attributes.map((a) => a.name));
  return template.attributes
    .map((rule, i) => ({ rule, i }))
    .filter(({ rule }) => rule.name !== template.className && rule.requirement !== 'generated' && rule.requirement !== 'deprecated' && (rule.multiple || !present.has(rule.name)))
    .map(({ rule, i }) => attributeItem(rule, i));
}

// ---- The service ----

export const rpslService: LanguageService = {
  languageId: 'rpsl',

  validate(doc, ctx) {
    const own = toDiagnostics(doc.lineIndex, validateRpslDocument(doc, ctx.settings.rpslDialect, ctx.settings.authoritativeSources, ctx.incrementalRpsl));
    return ctx.settings.crossChecks ? [...own, ...crossCheckDocument(doc, ctx)] : own;
  },

  hover(doc, pos, ctx: ServiceContext): Hover | null {
    const fromWorkspace = workspaceHover(doc, pos, ctx);
    if (fromWorkspace) return fromWorkspace;
    const offset = doc.lineIndex.offsetAt(pos);
    const obj = objectAt(parseRpslDocument(doc), offset);
    const attr = obj && attributeAt(obj, offset);
    if (!obj || !attr) return null;
    if (attr.name === 'source')
      return { contents: { kind: MarkupKind.Markdown, value: sourceMarkdown(obj, attr, ctx.settings.rpslDialect, ctx.settings.authoritativeSources) }, range: doc.lineIndex.range(attr.span) };
    if (offset > attr.nameSpan.end) {
      const h = valueHover(doc, attr, offset);
      const where = attr === obj.attributes[0] ? routeRegistrations(obj, ctx) : '';
      return h && where ? { ...h, contents: { kind: MarkupKind.Markdown, value: `${(h.contents as { value: string }).value}\n\n${where}` } } : h;
    }
    const { template } = templateOf(obj, ctx.settings.rpslDialect);
    const value = attr === obj.attributes[0] && template ? classMarkdown(template) : attributeMarkdown(attr.name, template);
    return { contents: { kind: MarkupKind.Markdown, value }, range: doc.lineIndex.range({ start: attr.nameSpan.start, end: attr.nameSpan.end + 1 }) };
  },

  complete(doc, pos, ctx) {
    return complete(doc, doc.lineIndex.offsetAt(pos), ctx.settings.rpslDialect);
  },

  documentSymbols(doc): DocumentSymbol[] {
    const li = doc.lineIndex;
    return parseRpslDocument(doc).objects.map((o) => {
      const key = o.attributes[0]!;
      return {
        name: `${o.className}: ${key.value || '(empty)'}`,
        kind: SymbolKind.Class,
        range: li.range(o.span),
        selectionRange: li.range(key.valueSpan.end > key.valueSpan.start ? key.valueSpan : key.nameSpan),
        children: o.attributes.slice(1).map((a) => ({
          name: a.name,
          detail: a.value.length > 80 ? `${a.value.slice(0, 79)}…` : a.value,
          kind: SymbolKind.Property,
          range: li.range(a.span),
          selectionRange: li.range(a.nameSpan),
        })),
      };
    });
  },

  format(doc): TextEdit[] {
    const li = doc.lineIndex;
    return formatRpsl(doc.text).map((e) => ({ range: li.range(e.span), newText: e.newText }));
  },

  foldingRanges(doc): FoldingRange[] {
    const li = doc.lineIndex;
    const out: FoldingRange[] = [];
    for (const o of parseRpslDocument(doc).objects) {
      const start = li.positionAt(o.span.start).line;
      const end = li.positionAt(o.span.end).line;
      if (end > start) out.push({ startLine: start, endLine: end, kind: FoldingRangeKind.Region });
    }
    return out;
  },

  definition: (doc, pos, ctx) => workspaceDefinition(doc, pos, ctx),
  references: (doc, pos, ctx, includeDeclaration) => workspaceReferences(doc, pos, ctx, includeDeclaration),
  rename: (doc, pos, newName, ctx) => workspaceRename(doc, pos, newName, ctx),
};
