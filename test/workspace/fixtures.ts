import { SourceDocument } from '../../server/src/core/document';
import { frameRpsl } from '../../server/src/core/rpsl/frame';
import { defaultSettings } from '../../server/src/core/settings';
import type { ServiceContext } from '../../server/src/core/languages/service';
import { WorkspaceIndex } from '../../server/src/core/workspace/workspaceIndex';

/** Builds an index from `{uri: text}` and returns documents for each. */
export function workspaceOf(files: Record<string, string>): { index: WorkspaceIndex; ctx: ServiceContext; docs: Record<string, SourceDocument> } {
  const index = new WorkspaceIndex();
  const docs: Record<string, SourceDocument> = {};
  for (const [uri, text] of Object.entries(files)) {
    index.set(uri, frameRpsl(text).objects, text);
    docs[uri] = new SourceDocument(uri, 'rpsl', 1, text);
  }
  return { index, ctx: { settings: defaultSettings, workspace: index }, docs };
}

/**
 * A CANTV-style neighbourhood (objects written for the tests, after the 2026-01-02 leak): AS8048 buys
 * transit from AS6762 and serves AS21980 (Dayco) as a customer; AS6762 takes AS8048's customers only.
 */
export const CANTV = {
  'file:///ws/as8048.rpsl': `aut-num:        AS8048
as-name:        CANTV
import:         from AS6762 accept ANY
import:         from AS21980 action pref = 100; accept AS21980
export:         to AS6762 announce AS8048:AS-CUSTOMERS
export:         to AS21980 announce ANY
mnt-by:         MAINT-CANTV
source:         TEST

as-set:         AS8048:AS-CUSTOMERS
members:        AS8048, AS21980
mnt-by:         MAINT-CANTV
source:         TEST

route:          200.74.224.0/20
origin:         AS8048
mnt-by:         MAINT-CANTV
source:         TEST
`,
  'file:///ws/as21980.rpsl': `aut-num:        AS21980
as-name:        DAYCO
import:         from AS8048 accept ANY
import:         from AS269832 accept ANY
export:         to AS8048 announce AS21980
export:         to AS269832 announce AS21980
mnt-by:         MAINT-DAYCO
source:         TEST

route:          200.74.226.0/24
origin:         AS21980
mnt-by:         MAINT-DAYCO
source:         TEST
`,
  'file:///ws/as6762.rpsl': `aut-num:        AS6762
as-name:        SPARKLE
import:         from AS8048 accept <^AS8048+ AS8048:AS-CUSTOMERS*$> AND AS8048:AS-CUSTOMERS
import:         from AS1299 accept ANY
export:         to AS8048 announce ANY
export:         to AS1299 announce AS6762:AS-CUSTOMERS
mnt-by:         MAINT-SPARKLE
source:         TEST
`,
};
