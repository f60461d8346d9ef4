/**
 * A paste of two JSON outputs (two routers, two commands) gives the routes of both; before, the second
 * document made the whole paste unreadable. Built from real outputs of test/lg/real.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseLookingGlass } from './parse';
import { documentStarts } from './jsonDocuments';

const REAL = path.resolve(__dirname, '../../../../test/lg/real');
const read = (name: string): string => readFileSync(path.join(REAL, `${name}.txt`), 'utf8');
const routes = (text: string): string[] => parseLookingGlass(text).routes.map((r) => `${r.prefix} ${r.asPathText}`);

test('two JSON outputs in one paste, a prompt between them: the routes of both', () => {
  const frr = read('frr__pr7647_show_ip_bgp_json');
  const junos = read('junos__batfish_rmw_localpref_show_route_protocol_bgp_display_json');
  const both = `${frr.trimEnd()}\nrouter2> show route protocol bgp | display json\n${junos}`;
  assert.ok(routes(frr).length > 0 && routes(junos).length > 0);
  assert.deepEqual(routes(both), [...routes(frr), ...routes(junos)]);
  assert.deepEqual(parseLookingGlass(both).unparsed, []);
});

test('documentStarts: one document is one piece; a brace in the first column that does not end a document is no split', () => {
  assert.deepEqual(documentStarts('{\n "a": 1\n}\n'), [0]);
  assert.deepEqual(documentStarts('{\n "a": 1\n}\nr1# show x\n{\n "b": 2\n}\n'), [0, 23]);
  // A terminal wrap that put `{` first on a line: the pieces are no documents, the text stays whole.
  assert.deepEqual(documentStarts('{\n "a": [\n{"b": 1}, 2]\n}\n'), [0]);
});
