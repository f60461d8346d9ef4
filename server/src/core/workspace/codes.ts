import type { DiagnosticCodeInfo } from '../diagnostics/codeInfo';

/** Cross-object findings (`crossCheck.ts`). All are about the workspace as a whole, so none is an error. */
export const workspaceCodes = [
  {
    code: 'workspace/unresolved-strong-reference',
    severity: 'warning',
    summary: 'A mnt-by, admin-c, tech-c, zone-c or similar names an object that the workspace does not hold.',
    description:
      'IRRd treats these as strong references: the update is refused when the mntner, person or role does not exist. ' +
      'Because a workspace usually holds only your own objects, this is reported **only when the workspace holds a registry dump** ' +
      '(a file listed in `routelens.workspace.extraFiles`, or any file of 1,000 objects or more); otherwise absence proves nothing. ' +
      'Fix the name, or add the object (or the registry dump that holds it).',
    example: 'mnt-by: MAINT-TYPO   # with a registry dump that has no such mntner',
  },
  {
    code: 'workspace/unresolved-weak-reference',
    severity: 'information',
    summary: 'A set named in members, member-of, mbrs-by-ref or policy text that no object defines.',
    description:
      'IRRd checks only the syntax of these (weak references since IRRd 4.0.3; names in import/export are free text to it), so a typo ' +
      'silently expands to nothing in bgpq4 and friends. Reported when the workspace holds a registry dump, or when the set is hierarchical ' +
      'under an AS whose aut-num is in the workspace (`AS8048:AS-CUSTOMERS` with aut-num AS8048 here): its owner keeps its sets here. ' +
      'When one defined name is within two edits of the missing one, a quick fix offers it.',
    example: 'import: from AS1 accept AS8048:AS-CUSTOMRES',
  },
  {
    code: 'workspace/set-loop',
    severity: 'warning',
    summary: 'An as-set or route-set contains itself through its members.',
    description:
      'A loop makes expansion tools (bgpq4, IRRToolSet) stop or blow up and usually comes from a member added by mistake. The related information walks the cycle; remove one of its members.',
    example: 'as-set: AS-A\nmembers: AS-B\n\nas-set: AS-B\nmembers: AS-A',
  },
  {
    code: 'workspace/set-too-deep',
    severity: 'warning',
    summary: 'A set nests more than 5 levels of sets.',
    description: 'Deep nesting makes a set hard to audit and slow to expand; flatten the chain shown in the related information.',
  },
  {
    code: 'workspace/set-too-large',
    severity: 'warning',
    summary: 'A set expands to more than 20,000 members.',
    description: 'Filters built from such sets are huge and a sign that a transit provider’s cone was included by mistake. Check the members that contribute most.',
  },
  {
    code: 'workspace/member-of-not-allowed',
    severity: 'warning',
    summary: 'A member-of names a set whose mbrs-by-ref does not admit this object’s mntner.',
    description:
      'RFC 2622 §5.1: member-of only takes effect when one of the object’s mnt-by is listed in the set’s mbrs-by-ref (or the set says `mbrs-by-ref: ANY`). Add the mntner to the set’s mbrs-by-ref, or list the object in the set’s members instead.',
    example: 'aut-num: AS1\nmember-of: AS-FOO\nmnt-by: MNT-A   # AS-FOO has no mbrs-by-ref',
  },
  {
    code: 'workspace/origin-not-exported',
    severity: 'warning',
    summary: 'A route object’s origin AS has an aut-num here whose exports announce this route to no one.',
    description:
      'The aut-num’s export/mp-export rules (ignoring whom they announce to) match no route with this prefix and origin, so a policy-based filter built from them would drop it. Add the prefix (or an as-set/route-set that covers it) to an export, or check the origin.',
    example: 'route: 192.0.2.0/24\norigin: AS1\n\naut-num: AS1\nexport: to AS2 announce { 198.51.100.0/24 }',
  },
  {
    code: 'workspace/duplicate-route',
    severity: 'warning',
    summary: 'Two route objects with the same prefix, origin and source.',
    description:
      'A route object is keyed by its prefix, origin and source: a registry keeps one object per key, so a second one in the same source is a stale copy or will be refused — remove one (see related information). The same route in other sources (RADB and NTTCOM, say) is not a duplicate: it is reported as information ("also registered in …"), as is the very same object saved twice. IRRd’s RPKI pseudo-objects are left out.',
  },
  {
    code: 'workspace/multiple-origins',
    severity: 'information',
    summary: 'Route objects for the same prefix with different origins.',
    description:
      'Multiple origins (MOAS) are legitimate during a migration or for anycast, but they are also what a hijack or a stale object looks like. Check that each origin is meant; remove stale ones.',
  },
  {
    code: 'workspace/import-without-export',
    severity: 'warning',
    summary: 'An aut-num imports from an AS whose aut-num (in the workspace) exports nothing to it.',
    description:
      'Checked per AS pair, as RPSLyzer does: if AS A has `import: from AS B …` and AS B’s aut-num has no export/mp-export rule whose peering covers A, the two documented policies disagree. Add the export to B’s aut-num, or remove the stale import.',
    example: 'aut-num: AS1\nimport: from AS2 accept ANY\n\naut-num: AS2\nexport: to AS3 announce AS2',
  },
] as const satisfies readonly DiagnosticCodeInfo[];

/** A code of this table: a typo in one is a type error where it is emitted. */
export type WorkspaceCode = (typeof workspaceCodes)[number]['code'];
