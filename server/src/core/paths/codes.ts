import type { DiagnosticCodeInfo } from '../diagnostics/codeInfo';

export const pathCodes: readonly DiagnosticCodeInfo[] = [];
