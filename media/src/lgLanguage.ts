import type * as Monaco from 'monaco-editor/editor/editor.api.js';

export const LG_LANGUAGE = 'routelens-lg';

/**
 * A Monarch grammar for looking-glass pastes: prefixes, addresses, communities and ASNs, whatever the
 * router. Order matters: a prefix before an address, a community before a bare number.
 */
export const lgMonarch: Monaco.languages.IMonarchLanguage = {
  ignoreCase: true,
  tokenizer: {
    root: [
      [/\b\d{1,3}(?:\.\d{1,3}){3}\/\d{1,2}\b/, 'prefix'],
      [/(?:[0-9a-f]{1,4}:){1,7}:?(?:[0-9a-f]{1,4})?(?::[0-9a-f]{1,4})*\/\d{1,3}/, 'prefix'],
      [/\b\d{1,3}(?:\.\d{1,3}){3}\b/, 'address'],
      [/(?:[0-9a-f]{1,4}:){2,7}[0-9a-f]{0,4}(?::[0-9a-f]{1,4})*/, 'address'],
      [/\(\s*\d+\s*,\s*\d+\s*(?:,\s*\d+\s*)?\)/, 'community'],
      [/\b\d+:\d+(?::\d+)?\b/, 'community'],
      [/\b(?:rt|soo|ro)\s+\d+:\d+\b/, 'community'],
      [/\bAS\d+(?:\.\d+)?\b/, 'asn'],
      [/\{[\d\s,]+\}/, 'asn.set'],
      [/\b\d+\b/, 'asn'],
      [/^\s*(?:BGP\.\w+|bgp_\w+|AS path|Path|Network|Next Hop|Community|Large Community|Origin|Local ?Pref|Metric)\b:?/, 'keyword'],
      [/^\s*(?:[*>=isdhrSmbfxact]{1,4})(?=\s)/, 'keyword.status'],
      [/[#!].*$/, 'comment'],
    ],
  },
};

/** Token colours for the three theme bases; editor colours come from the VS Code variables. */
export const TOKEN_RULES: Readonly<Record<'vs' | 'vs-dark' | 'hc-black' | 'hc-light', Monaco.editor.ITokenThemeRule[]>> = {
  vs: [
    { token: 'asn', foreground: '0451a5' },
    { token: 'asn.set', foreground: '795e26' },
    { token: 'prefix', foreground: '098658', fontStyle: 'bold' },
    { token: 'address', foreground: '267f99' },
    { token: 'community', foreground: 'af00db' },
    { token: 'keyword', foreground: '001080' },
    { token: 'comment', foreground: '6a737d' },
  ],
  'vs-dark': [
    { token: 'asn', foreground: '9cdcfe' },
    { token: 'asn.set', foreground: 'dcdcaa' },
    { token: 'prefix', foreground: '4ec9b0', fontStyle: 'bold' },
    { token: 'address', foreground: '8fbcbb' },
    { token: 'community', foreground: 'c586c0' },
    { token: 'keyword', foreground: '569cd6' },
    { token: 'comment', foreground: '8b949e' },
  ],
  'hc-black': [
    { token: 'asn', foreground: '9cdcfe' },
    { token: 'prefix', foreground: '4ec9b0', fontStyle: 'bold underline' },
    { token: 'community', foreground: 'ffd700' },
    { token: 'keyword', foreground: '569cd6' },
  ],
  'hc-light': [
    { token: 'asn', foreground: '0f4a85' },
    { token: 'prefix', foreground: '096d48', fontStyle: 'bold underline' },
    { token: 'community', foreground: '5e2cbc' },
    { token: 'keyword', foreground: '0f4a85' },
  ],
};
