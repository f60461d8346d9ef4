/**
 * Junos `| display xml` against `| display json` of the same output: Junos renders the JSON from the XML
 * tree element by element, so the real `| display json` outputs of test/lg/real, written back as the XML
 * they were rendered from, must give the same routes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseLookingGlass } from './parse';
import { junosXmlToJson } from './junosXml';

const REAL = path.resolve(__dirname, '../../../../test/lg/real');

/** The XML a Junos JSON value was rendered from: `{"name": [{"data": text}]}` ↔ `<name>text</name>`. */
function toXml(name: string, v: unknown, indent: string): string {
  if (Array.isArray(v)) return v.map((x) => toXml(name, x, indent)).join('');
  // Junos renders an XML comment as `"comment": "text"`.
  if (typeof v === 'string') return `${indent}<!-- ${v} -->\n`;
  const o = (v ?? {}) as Record<string, unknown>;
  const attrs = Object.entries((o.attributes ?? {}) as Record<string, string>)
    .map(([k, a]) => ` ${k}="${a.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`)
    .join('');
  if ('data' in o) {
    const d = o.data;
    if (Array.isArray(d)) return `${indent}<${name}${attrs}/>\n`;
    return `${indent}<${name}${attrs}>${String(d).replace(/&/g, '&amp;').replace(/</g, '&lt;')}</${name}>\n`;
  }
  const kids = Object.entries(o)
    .filter(([k]) => k !== 'attributes')
    .map(([k, x]) => toXml(k, x, `${indent}    `))
    .join('');
  return `${indent}<${name}${attrs}>\n${kids}${indent}</${name}>\n`;
}

const files = readdirSync(REAL).filter((f) => f.startsWith('junos__') && f.endsWith('.txt') && /display_json/.test(f));

test('Junos display xml gives the routes display json gives, on every real display json output', () => {
  assert.ok(files.length > 0);
  for (const f of files) {
    const text = readFileSync(path.join(REAL, f), 'utf8');
    const start = text.indexOf('{');
    const json = JSON.parse(text.slice(start, text.lastIndexOf('}') + 1)) as Record<string, unknown>;
    const xml = `user@router> show route protocol bgp | display xml\n<rpc-reply xmlns:junos="http://xml.juniper.net/junos/25.4R0/junos">\n${Object.entries(json)
      .map(([k, v]) => toXml(k, v, '    '))
      .join('')}    <cli>\n        <banner></banner>\n    </cli>\n</rpc-reply>\n\n{master}\nuser@router> \n`;
    const fromJson = parseLookingGlass(text);
    const fromXml = parseLookingGlass(xml);
    assert.equal(fromXml.format, 'junos-xml', f);
    const key = (r: { prefix: string; asPathText: string; nextHop?: string; localPref?: number }): string => `${r.prefix} [${r.asPathText}] ${r.nextHop ?? ''} ${r.localPref ?? ''}`;
    assert.ok(fromJson.routes.length > 0, f);
    assert.deepEqual(fromXml.routes.map(key), fromJson.routes.map(key), f);
  }
});

test('junosXmlToJson: entities, empty elements, attributes; tags that do not nest give undefined', () => {
  const doc = junosXmlToJson('<route-information xmlns="x"><rt><rt-destination>10.0.0.0/8</rt-destination><current-active/><as-path>65001 &amp; I\n</as-path></rt></route-information>');
  assert.deepEqual(doc, {
    'route-information': [{ attributes: { xmlns: 'x' }, rt: [{ 'rt-destination': [{ data: '10.0.0.0/8' }], 'current-active': [{ data: [null] }], 'as-path': [{ data: '65001 & I' }] }] }],
  });
  assert.equal(junosXmlToJson('<a><b></a></b>'), undefined);
});

test('a paste of two replies (`| display xml rpc`, then `| display xml`) gives the routes of the second', () => {
  // The shape of test/lg/real/junos__heanet_testlab_display_xml_rpc_then_display_xml_17_2 (Junos 17.2R2), cut to one route.
  const text = [
    'lab> show route protocol bgp table inet.0 | display xml rpc',
    '<rpc-reply xmlns:junos="http://xml.juniper.net/junos/17.2R2/junos">',
    '    <rpc>',
    '        <get-route-information><table>inet.0</table><protocol>bgp</protocol></get-route-information>',
    '    </rpc>',
    '</rpc-reply>',
    '',
    'lab> show route protocol bgp table inet.0 | display xml',
    '<rpc-reply xmlns:junos="http://xml.juniper.net/junos/17.2R2/junos">',
    '    <route-information xmlns="http://xml.juniper.net/junos/17.2R2/junos-routing">',
    '        <route-table>',
    '            <table-name>inet.0</table-name>',
    '            <rt junos:style="brief">',
    '                <rt-destination>193.1.31.64/30</rt-destination>',
    '                <rt-entry>',
    '                    <protocol-name>BGP</protocol-name>',
    '                    <as-path>65001 I',
    '                    </as-path>',
    '                </rt-entry>',
    '            </rt>',
    '        </route-table>',
    '    </route-information>',
    '</rpc-reply>',
    '',
    'lab>',
  ].join('\n');
  const r = parseLookingGlass(text);
  assert.deepEqual(
    r.routes.map((x) => [x.prefix, x.asPathText]),
    [['193.1.31.64/30', '65001']],
  );
  assert.deepEqual(r.unparsed, []);
});
