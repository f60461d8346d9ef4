import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type {
  CodeAction,
  CodeLens,
  InlayHint,
  CompletionItem,
  CompletionList,
  Diagnostic,
  Hover,
  InitializeResult,
  PublishDiagnosticsParams,
  TextEdit,
} from 'vscode-languageserver-protocol';
import { repoRoot, serverModule } from '../support/lspClient';

/*
 * The `routelens-lsp` command as an editor other than VS Code runs it (Neovim, eglot, Helix, Sublime LSP): no
 * transport flag, no `workspace/configuration`, no progress, no pull diagnostics, settings only in
 * `initializationOptions`. The server must not ask this client for anything it did not announce.
 */
const built = existsSync(serverModule);

/** Starts `routelens-lsp` as such an editor does (no transport flag) and records any request it sends. */
function startSession() {
  const child = spawn(process.execPath, [serverModule], { stdio: ['pipe', 'pipe', 'pipe'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const unexpected: string[] = [];
  const waiting: { uri: string; resolve: (d: Diagnostic[]) => void }[] = [];
  connection.onRequest((method) => {
    unexpected.push(method);
    throw new Error(`${method} was not announced by this client`);
  });
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    for (const w of waiting.splice(0)) {
      if (w.uri === p.uri) w.resolve(p.diagnostics);
      else waiting.push(w);
    }
  });
  connection.onNotification(() => undefined);
  connection.listen();
  const diagnosticsOf = (uri: string): Promise<Diagnostic[]> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri}`)), 10_000);
      waiting.push({ uri, resolve: (d) => (clearTimeout(timer), resolve(d)) });
    });
  const initialize = async (initializationOptions: unknown): Promise<InitializeResult> => {
    const init = await connection.sendRequest<InitializeResult>('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions });
    await connection.sendNotification('initialized', {});
    return init;
  };
  const dispose = async (): Promise<void> => {
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    connection.dispose();
    child.kill();
  };
  return { connection, unexpected, diagnosticsOf, initialize, dispose, kill: () => (connection.dispose(), child.kill()) };
}

test('a full session through a client that is not VS Code', { skip: !built && 'dist/server/node.js not built (run npm run build)' }, async () => {
  const pkg = JSON.parse(readFileSync(`${repoRoot}/package.json`, 'utf8')) as { bin: Record<string, string> };
  assert.equal(pkg.bin['routelens-lsp'], './dist/server/node.js');
  assert.ok(readFileSync(serverModule, 'utf8').startsWith('#!/usr/bin/env node\n'), 'the bin starts with a shebang');

  const { connection, unexpected, diagnosticsOf, initialize, kill } = startSession();
  try {
    const init = await initialize({ routelens: { diagnostics: { maxPerFile: 2 } } });
    assert.equal(init.capabilities.hoverProvider, true);

    const uri = 'file:///generic/route.rpsl';
    // Three errors (host bits, a bad origin, a line that is no attribute) and a misaligned value.
    const text = 'route: 192.0.2.1/24\norigin:         ASX\nnot an attribute\nmnt-by:         MAINT-EXAMPLE\nsource:         RADB\n';
    const first = diagnosticsOf(uri);
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'rpsl', version: 1, text } });
    let diags = await first;
    // initializationOptions were read: at most 2 findings plus the notice that more were held back.
    assert.ok(diags.length <= 3, `maxPerFile from initializationOptions applies (${diags.length} diagnostics)`);
    assert.ok(diags.some((d) => /more/.test(typeof d.message === 'string' ? d.message : d.message.value)), 'the budget notice says findings were held back');

    // Lift the budget through didChangeConfiguration, as such clients send it.
    const all = diagnosticsOf(uri);
    await connection.sendNotification('workspace/didChangeConfiguration', { settings: { routelens: { diagnostics: { maxPerFile: 100 } } } });
    diags = await all;
    const hostBits = diags.find((d) => d.code === 'rpsl/host-bits-set');
    assert.ok(hostBits, `host bits reported: ${JSON.stringify(diags.map((d) => d.code))}`);
    for (const d of diags.filter((x) => typeof x.code === 'string' && x.code.includes('/'))) {
      assert.match(d.codeDescription?.href ?? '', /docs\/diagnostics\.md#[a-z0-9-]+$/, `${String(d.code)} links to its documentation`);
    }

    const hover = await connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 2 } });
    assert.ok(hover && JSON.stringify(hover.contents).toLowerCase().includes('origin'), 'hover on origin: explains the attribute');

    const completion = await connection.sendRequest<CompletionItem[] | CompletionList | null>('textDocument/completion', {
      textDocument: { uri },
      position: { line: 4, character: 0 },
    });
    const items = Array.isArray(completion) ? completion : (completion?.items ?? []);
    assert.ok(items.some((i) => i.label === 'remarks' || i.label === 'remarks:'), 'attribute names are completed at a line start');

    const actions = await connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: hostBits.range,
      context: { diagnostics: [hostBits] },
    });
    const fix = actions.find((a) => a.edit?.changes?.[uri]?.some((e) => e.newText.includes('192.0.2.0/24')));
    assert.ok(fix, `a quick fix rewrites the prefix: ${JSON.stringify(actions.map((a) => a.title))}`);

    const edits = await connection.sendRequest<TextEdit[]>('textDocument/formatting', {
      textDocument: { uri },
      options: { tabSize: 4, insertSpaces: true },
    });
    assert.ok(edits.some((e) => e.range.start.line === 0 && /^\s+$/.test(e.newText)), 'formatting aligns the value of route: at column 16');

    const changed = diagnosticsOf(uri);
    await connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: text.replace('192.0.2.1/24', '192.0.2.0/24') }],
    });
    assert.ok(!(await changed).some((d) => d.code === 'rpsl/host-bits-set'), 'an edit re-validates');

    // An editor that names the language its own way (Sublime's plaintext): the name and first line decide.
    const plain = 'file:///generic/saved-whois-answer.txt';
    const plainDiags = diagnosticsOf(plain);
    await connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: plain, languageId: 'plaintext', version: 1, text: 'route:          192.0.2.1/24\norigin:         AS64500\nsource:         RADB\n' },
    });
    assert.ok((await plainDiags).some((d) => d.code === 'rpsl/host-bits-set'), 'a file whose first line is an RPSL class is checked as RPSL');

    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    assert.deepEqual(unexpected, [], 'the server asked for nothing the client did not announce');
  } finally {
    kill();
  }
});

test('AS names as inlay hints (when turned on) and set sizes as code lenses', { skip: !built && 'not built' }, async () => {
  const session = startSession();
  try {
    const init = await session.initialize({ inlayHints: { asNames: true }, data: { asNamesFile: `${repoRoot}/examples/cantv/as-names.txt` } });
    assert.ok(init.capabilities.inlayHintProvider);
    assert.deepEqual(init.capabilities.codeLensProvider, { resolveProvider: true });
    const uri = 'file:///generic/cantv.rpsl';
    const text = readFileSync(`${repoRoot}/examples/cantv/cantv.rpsl`, 'utf8');
    const opened = session.diagnosticsOf(uri);
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'rpsl', version: 1, text } });
    await opened;
    const lines = text.split('\n');
    const hints = await session.connection.sendRequest<InlayHint[]>('textDocument/inlayHint', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } },
    });
    const importLine = lines.indexOf('import:         from AS6762 accept ANY');
    assert.ok(hints.some((h) => h.position.line === importLine && h.label === 'SPARKLE'), JSON.stringify(hints.slice(0, 5)));
    // AS1299 has no aut-num in the workspace: its name comes from the names file (read in the background).
    const aspaUri = 'file:///generic/arelion.aspa';
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: aspaUri, languageId: 'aspa', version: 1, text: 'AS1299 => AS0\n' } });
    let fromFile: InlayHint[] = [];
    for (let i = 0; i < 50 && fromFile.length === 0; i++) {
      fromFile = await session.connection.sendRequest<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri: aspaUri }, range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } } });
      if (fromFile.length === 0) await new Promise((r) => setTimeout(r, 100));
    }
    assert.deepEqual(fromFile.map((h) => h.label), ['Arelion (Telia Carrier)']);
    const lenses = await session.connection.sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    const setLine = lines.indexOf('as-set:         AS8048:AS-CUSTOMERS');
    const lens = lenses.find((l) => l.range.start.line === setLine);
    assert.ok(lens, JSON.stringify(lenses));
    const resolved = await session.connection.sendRequest<CodeLens>('codeLens/resolve', lens);
    assert.equal(resolved.command?.title, '1 AS after expansion, depth 1');
    assert.deepEqual(session.unexpected, []);
    await session.dispose();
  } finally {
    session.kill();
  }
});

test('ASPA authoring in the editor: observed paths from routelens.data.pathFiles give a warning with the fix, a lens, ranked completion and a suggestion', { skip: !built && 'not built' }, async () => {
  const session = startSession();
  try {
    await session.initialize({ data: { pathFiles: [`${repoRoot}/examples/cantv/cantv-route-views.txt`] } });
    const uri = 'file:///generic/dayco.aspa';
    const text = 'AS21980 => AS0\nAS269832 => \n';
    // The path file loads in the background; diagnostics are published again once it has.
    let diags: Diagnostic[] = [];
    const opened = session.diagnosticsOf(uri);
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'aspa', version: 1, text } });
    diags = await opened;
    for (let i = 0; i < 20 && !diags.some((d) => d.code === 'aspa/observed-routes-invalidated'); i++) diags = await session.diagnosticsOf(uri);
    const forgot = diags.find((d) => d.code === 'aspa/observed-routes-invalidated');
    assert.ok(forgot, JSON.stringify(diags.map((d) => d.code)));
    assert.equal(forgot.severity, 2);
    const actions = await session.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: forgot.range, context: { diagnostics: [forgot] } });
    assert.ok(actions.some((a) => a.title === 'Add AS269832 as a provider of AS21980' && a.edit?.changes?.[uri]?.[0]?.newText === 'AS269832'), JSON.stringify(actions.map((a) => a.title)));
    assert.ok(actions.some((a) => a.title === 'Suggest providers from evidence: AS269832 (low confidence)'), JSON.stringify(actions.map((a) => a.title)));

    const lenses = await session.connection.sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.equal(lenses[0]?.command?.title, 'with this ASPA: 9 observed routes become Invalid · 0 others through AS21980 (9 observed routes from 1 file)');

    const completion = await session.connection.sendRequest<CompletionItem[] | CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 12 } });
    const items = Array.isArray(completion) ? completion : completion.items;
    // As VS Code orders them: by sortText (else label), compared as plain strings.
    const key = (i: CompletionItem) => (i.sortText ?? i.label).toLowerCase();
    const ranked = [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    assert.equal(ranked[0]?.label, 'AS1299', `the provider the paths support comes first: ${JSON.stringify(ranked.slice(0, 3))}`);
    assert.match(ranked[0]?.detail ?? '', /provider candidate/);
    assert.deepEqual(session.unexpected, []);
    await session.dispose();
  } finally {
    session.kill();
  }
});
