import type { DiagnosticCodeInfo } from '../diagnostics/codeInfo';

export const workspaceCodes: readonly DiagnosticCodeInfo[] = [];
