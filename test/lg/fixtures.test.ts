/**
 * Small outputs written for this repository in each format, with the exact routes they must give
 * (test/lg/fixtures/<name>.txt and <name>.json). They cover what the corpus lacks: Junos, Huawei,
 * wrapped IPv6 next hops, confederations, asdot, OTC, truncated BIRD paths, bare path lists.
 * Communities are compared by count; every other field listed in the .json must match exactly, and
 * every line must be understood.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseLookingGlass } from '../../server/src/core/lg/parse';
import type { LgRoute } from '../../server/src/core/lg/types';

const DIR = path.join(__dirname, 'fixtures');

for (const file of readdirSync(DIR).filter((f) => f.endsWith('.txt'))) {
  test(`lg fixture ${file}`, () => {
    const text = readFileSync(path.join(DIR, file), 'utf8');
    const want = JSON.parse(readFileSync(path.join(DIR, file.replace(/\.txt$/, '.json')), 'utf8')) as {
      format: string;
      routes: Record<string, unknown>[];
    };
    const res = parseLookingGlass(text);
    assert.equal(res.format, want.format);
    assert.deepEqual(res.unparsed, [], 'every line is understood');
    assert.equal(res.routes.length, want.routes.length, 'route count');
    want.routes.forEach((w, i) => {
      const got = res.routes[i] as LgRoute & Record<string, unknown>;
      for (const [k, v] of Object.entries(w)) {
        if (k === 'communities') assert.equal(got.communities.length, v, `route ${i}: communities`);
        else assert.deepEqual(got[k], v, `route ${i}: ${k}`);
      }
    });
  });
}
