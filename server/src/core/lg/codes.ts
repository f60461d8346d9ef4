import type { DiagnosticCodeInfo } from '../diagnostics/codeInfo';

export const lgCodes: readonly DiagnosticCodeInfo[] = [];
