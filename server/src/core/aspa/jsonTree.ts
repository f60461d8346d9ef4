import type { Span } from '../text/range';

/**
 * A JSON parser that keeps offsets and never throws, in the shape of jsonc-parser's `parseTree`: every
 * node knows its span, errors are collected with theirs, and parsing recovers at the next `,` `}` `]`.
 * Small on purpose: ASPA files are plain JSON, but the editor needs to point into them.
 */
export type JsonNode =
  | { readonly type: 'object'; readonly span: Span; readonly properties: readonly JsonProperty[] }
  | { readonly type: 'array'; readonly span: Span; readonly items: readonly JsonNode[] }
  | { readonly type: 'string'; readonly span: Span; readonly value: string }
  | { readonly type: 'number'; readonly span: Span; readonly value: number; readonly text: string }
  | { readonly type: 'boolean'; readonly span: Span; readonly value: boolean }
  | { readonly type: 'null'; readonly span: Span };

export interface JsonProperty {
  readonly key: string;
  readonly keySpan: Span;
  readonly value: JsonNode | undefined;
  readonly span: Span;
}

export interface JsonError {
  readonly message: string;
  readonly span: Span;
}

export function parseJsonTree(text: string): { root: JsonNode | undefined; errors: JsonError[] } {
  const errors: JsonError[] = [];
  let pos = 0;
  const len = text.length;

  const skipWs = () => {
    while (pos < len) {
      const c = text.charCodeAt(pos);
      if (c === 32 || c === 9 || c === 10 || c === 13) pos++;
      else break;
    }
  };
  const error = (message: string, start: number, end = Math.min(len, start + 1)) => {
    errors.push({ message, span: { start, end: Math.max(end, start) } });
  };

  const parseString = (): { value: string; span: Span } => {
    const start = pos;
    pos++; // opening quote
    let value = '';
    while (pos < len) {
      const c = text[pos]!;
      if (c === '"') {
        pos++;
        return { value, span: { start, end: pos } };
      }
      if (c === '\n' || c === '\r') break;
      if (c === '\\') {
        const e = text[pos + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e !== undefined && simple[e] !== undefined) {
          value += simple[e];
          pos += 2;
          continue;
        }
        if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) {
          value += String.fromCharCode(parseInt(text.slice(pos + 2, pos + 6), 16));
          pos += 6;
          continue;
        }
        error('Invalid escape sequence in string.', pos, pos + 2);
        pos += 2;
        continue;
      }
      value += c;
      pos++;
    }
    error('Unterminated string: add the closing `"`.', start, pos);
    return { value, span: { start, end: pos } };
  };

  const parseValue = (depth: number): JsonNode | undefined => {
    skipWs();
    if (pos >= len) {
      error('Expected a value, found the end of the file.', Math.max(0, len - 1), len);
      return undefined;
    }
    const start = pos;
    const c = text[pos]!;
    if (depth > 200) {
      error('Nesting too deep.', pos);
      pos = len;
      return undefined;
    }
    if (c === '{') {
      pos++;
      const properties: JsonProperty[] = [];
      skipWs();
      if (text[pos] === '}') {
        pos++;
        return { type: 'object', span: { start, end: pos }, properties };
      }
      while (pos < len) {
        skipWs();
        if (text[pos] !== '"') {
          error('Expected a property name in double quotes.', pos);
          if (!recover()) break;
          if (text[pos] === '}') break;
          pos++;
          continue;
        }
        const key = parseString();
        skipWs();
        let value: JsonNode | undefined;
        if (text[pos] === ':') {
          pos++;
          value = parseValue(depth + 1);
        } else error('Expected `:` after the property name.', pos);
        properties.push({ key: key.value, keySpan: key.span, value, span: { start: key.span.start, end: value ? value.span.end : key.span.end } });
        skipWs();
        if (text[pos] === ',') {
          pos++;
          skipWs();
          if (text[pos] === '}') error('Trailing comma: remove it.', pos - 1);
          else continue;
        }
        if (text[pos] === '}') break;
        if (pos < len) error('Expected `,` or `}`.', pos);
        if (!recover()) break;
        if (text[pos] === ',') pos++;
        else if (text[pos] === '}') break;
      }
      if (text[pos] === '}') pos++;
      else error('Unclosed object: add `}`.', start);
      return { type: 'object', span: { start, end: pos }, properties };
    }
    if (c === '[') {
      pos++;
      const items: JsonNode[] = [];
      skipWs();
      if (text[pos] === ']') {
        pos++;
        return { type: 'array', span: { start, end: pos }, items };
      }
      while (pos < len) {
        const v = parseValue(depth + 1);
        if (v) items.push(v);
        skipWs();
        if (text[pos] === ',') {
          pos++;
          skipWs();
          if (text[pos] === ']') error('Trailing comma: remove it.', pos - 1);
          else continue;
        }
        if (text[pos] === ']') break;
        if (pos < len) error('Expected `,` or `]`.', pos);
        if (!recover()) break;
        if (text[pos] === ',') pos++;
        else if (text[pos] === ']') break;
      }
      if (text[pos] === ']') pos++;
      else error('Unclosed array: add `]`.', start);
      return { type: 'array', span: { start, end: pos }, items };
    }
    if (c === '"') {
      const s = parseString();
      return { type: 'string', span: s.span, value: s.value };
    }
    const m = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/.exec(text.slice(pos, pos + 64));
    if (m) {
      pos += m[0].length;
      return { type: 'number', span: { start, end: pos }, value: Number(m[0]), text: m[0] };
    }
    for (const [word, node] of [
      ['true', { type: 'boolean', value: true }],
      ['false', { type: 'boolean', value: false }],
      ['null', { type: 'null' }],
    ] as const) {
      if (text.startsWith(word, pos)) {
        pos += word.length;
        return { ...node, span: { start, end: pos } };
      }
    }
    const bad = /^[^\s,\]}]+/.exec(text.slice(pos, pos + 200))?.[0] ?? c;
    error(`Unexpected \`${bad}\`: expected a value.`, pos, pos + bad.length);
    pos += bad.length;
    return undefined;
  };

  // Skips to the next `,` or closer at this nesting level; false at the end of the text.
  const recover = (): boolean => {
    let depth = 0;
    while (pos < len) {
      const c = text[pos]!;
      if (c === '"') {
        parseStringQuiet();
        continue;
      }
      if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') {
        if (depth === 0) return true;
        depth--;
      } else if (c === ',' && depth === 0) return true;
      pos++;
    }
    return false;
  };
  const parseStringQuiet = () => {
    pos++;
    while (pos < len && text[pos] !== '"' && text[pos] !== '\n') pos += text[pos] === '\\' ? 2 : 1;
    pos++;
  };

  const root = parseValue(0);
  skipWs();
  if (pos < len) error('Unexpected text after the JSON value.', pos, len);
  return { root, errors };
}

/** The property named `key` of an object node (the first when repeated). */
export function prop(node: JsonNode | undefined, key: string): JsonProperty | undefined {
  return node?.type === 'object' ? node.properties.find((p) => p.key === key) : undefined;
}
