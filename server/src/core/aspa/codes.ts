import type { DiagnosticCodeInfo } from '../diagnostics/codeInfo';

export const aspaCodes: readonly DiagnosticCodeInfo[] = [];
