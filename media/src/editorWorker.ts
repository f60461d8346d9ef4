// The worker monaco starts for word and diff computations; built to dist/media/editor.worker.js.
import 'monaco-editor/editor/editor.worker.js';
