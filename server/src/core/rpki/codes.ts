import type { DiagnosticCodeInfo } from '../diagnostics/codeInfo';

export const rpkiCodes: readonly DiagnosticCodeInfo[] = [];
