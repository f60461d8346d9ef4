import type { DiagnosticCodeInfo } from '../diagnostics/codeInfo';

export const rpslCodes: readonly DiagnosticCodeInfo[] = [];
