import type { DiagnosticCodeInfo } from '../diagnostics/codeInfo';

export const pathsCodes: readonly DiagnosticCodeInfo[] = [];
