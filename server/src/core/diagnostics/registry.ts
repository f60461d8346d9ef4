import type { DiagnosticCodeInfo } from './codeInfo';
import { rpslCodes } from '../rpsl/codes';
import { policyCodes } from '../policy/codes';
import { workspaceCodes } from '../workspace/codes';
import { aspaCodes } from '../aspa/codes';
import { lgCodes } from '../lg/codes';
import { pathCodes } from '../paths/codes';
import { rpkiCodes } from '../rpki/codes';
import { mrtCodes } from '../mrt/codes';
import { routelensCodes } from './codes';
import { inputCodes } from '../input/codes';

/** Every diagnostic code the core can emit, by area; the single source for docs/diagnostics.md. */
export const diagnosticAreas: readonly { area: string; title: string; codes: readonly DiagnosticCodeInfo[] }[] = [
  { area: 'rpsl', title: 'RPSL objects and values', codes: rpslCodes },
  { area: 'policy', title: 'RPSL policy language', codes: policyCodes },
  { area: 'workspace', title: 'Cross-object checks', codes: workspaceCodes },
  { area: 'aspa', title: 'ASPA declarations', codes: aspaCodes },
  { area: 'lg', title: 'Looking-glass parsing', codes: lgCodes },
  { area: 'paths', title: 'AS-path analysis', codes: pathCodes },
  { area: 'rpki', title: 'RPKI data sources', codes: rpkiCodes },
  { area: 'input', title: 'Reading files', codes: inputCodes },
  { area: 'mrt', title: 'MRT files', codes: mrtCodes },
  { area: 'routelens', title: 'Language server', codes: routelensCodes },
];

export const allDiagnosticCodes: ReadonlyMap<string, DiagnosticCodeInfo> = new Map(
  diagnosticAreas.flatMap((a) => a.codes.map((c) => [c.code, c] as const)),
);
