import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { diagnosticAreas } from '../server/src/core/diagnostics/registry';
import { renderDiagnosticsDoc } from './diagnosticsDoc';

const target = path.resolve(__dirname, '..', 'docs', 'diagnostics.md');
writeFileSync(target, renderDiagnosticsDoc(diagnosticAreas));
process.stdout.write(`wrote ${target}\n`);
