import type { DiagnosticCodeInfo } from '../diagnostics/codeInfo';

export const policyCodes: readonly DiagnosticCodeInfo[] = [];
