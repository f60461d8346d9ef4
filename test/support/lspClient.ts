import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { after, before } from 'node:test';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-languageserver-protocol/node';
import type { Diagnostic, DocumentDiagnosticReport, InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const serverModule = path.join(repoRoot, 'dist', 'server', 'node.js');

/** Why the tests that start the server skip, if they do: pass it as their `skip` option. */
export const unbuilt: string | false = !existsSync(serverModule) && 'dist/server/node.js not built (run npm run build)';

/**
 * Spawns the built server with --stdio and speaks JSON-RPC to it, as an editor would. Diagnostics are
 * collected from publishDiagnostics (the push model, since this client does not announce pull support).
 */
export class LspSession {
  readonly connection: MessageConnection;
  private readonly child: ChildProcess;
  private readonly diagnostics = new Map<string, Diagnostic[]>();
  private readonly waiters: { uri: string; pred: (d: Diagnostic[]) => boolean; resolve: (d: Diagnostic[]) => void }[] = [];
  readonly stderr: string[] = [];
  /** Rejects when the server process ends, so a request to a dead server fails instead of waiting forever. */
  private readonly exited: Promise<never>;

  /** The server's process id (benchmarks read its CPU time from /proc). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  constructor() {
    // ROUTELENS_SERVER_NODE_ARGS passes node flags to the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
    const nodeArgs = process.env.ROUTELENS_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
    this.child = spawn(process.execPath, [...nodeArgs, serverModule, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr?.on('data', (b: Buffer) => this.stderr.push(b.toString()));
    this.exited = new Promise<never>((_, reject) =>
      this.child.once('exit', (code, signal) => reject(new Error(`the server exited (${code ?? signal}): ${this.stderr.join('').slice(-2000)}`))),
    );
    this.exited.catch(() => undefined);
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.diagnostics.set(p.uri, p.diagnostics);
      for (const w of [...this.waiters]) {
        if (w.uri === p.uri && w.pred(p.diagnostics)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(p.diagnostics);
        }
      }
    });
    this.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.listen();
  }

  /** `pull`: the client pulls diagnostics and honours refresh requests, as VS Code does; otherwise the server pushes. */
  async initialize(workspaceFolders: { uri: string; name: string }[] = [], options: { pull?: boolean } = {}): Promise<InitializeResult> {
    const result = await this.connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: workspaceFolders[0]?.uri ?? null,
      workspaceFolders,
      capabilities: options.pull
        ? { workspace: { configuration: true, diagnostics: { refreshSupport: true } }, window: { workDoneProgress: true }, textDocument: { diagnostic: {} } }
        : { workspace: { configuration: true }, window: { workDoneProgress: true } },
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** Answers every `workspace/configuration` item with `settings` (the `routelens` section's value); call before `initialize`. */
  settings(settings: unknown): void {
    this.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => settings));
  }

  /** Pulls a document's diagnostics, as VS Code does after each change (the session must be initialized with `pull`). */
  async pull(uri: string): Promise<Diagnostic[]> {
    const r = await Promise.race([this.connection.sendRequest<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } }), this.exited]);
    if (r.kind !== 'full') throw new Error(`a ${r.kind} report for ${uri}: this client sends no previous result id`);
    return r.items;
  }

  async open(uri: string, languageId: string, text: string, version = 1): Promise<void> {
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  async change(uri: string, text: string, version: number): Promise<void> {
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** Resolves with the first published diagnostics for `uri` that satisfy `pred`; rejects after `ms`. */
  waitForDiagnostics(uri: string, pred: (d: Diagnostic[]) => boolean = () => true, ms = 10_000): Promise<Diagnostic[]> {
    const have = this.diagnostics.get(uri);
    if (have && pred(have)) return Promise.resolve(have);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${ms} ms; last: ${JSON.stringify(this.diagnostics.get(uri))}`)), ms);
      this.waiters.push({ uri, pred, resolve: (d) => (clearTimeout(timer), resolve(d)) });
    });
  }

  /** True while the server process runs. */
  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  async dispose(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // the server may already be gone
    }
    // Let the server leave on its own after `exit` (so it can flush, e.g. a --cpu-prof profile); kill it if it lingers.
    const exited = new Promise<void>((resolve) => {
      if (this.child.exitCode !== null || this.child.signalCode !== null) resolve();
      else this.child.once('exit', () => resolve());
    });
    await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
    this.connection.dispose();
    this.child.kill();
  }
}

/**
 * One server for all the tests of a file: started before them, shut down after. Pass `skip` as the tests'
 * option (they are skipped when dist/ is not built) and use `lsp` inside them.
 */
export function sessionPerFile(): { readonly skip: string | false; readonly lsp: LspSession } {
  let session: LspSession | undefined;
  before(async () => {
    if (unbuilt) return;
    session = new LspSession();
    await session.initialize();
  });
  after(async () => {
    await session?.dispose();
  });
  return {
    skip: unbuilt,
    get lsp(): LspSession {
      if (!session) throw new Error('the LSP session exists only inside the tests of a built tree (pass `skip`)');
      return session;
    },
  };
}

/**
 * A server of its own for one test, for tests that need settings, folders, pull diagnostics or a handler of their
 * own before `initialize` (`prepare` runs first): started, handed to `body` with its `initialize` result, and shut
 * down however `body` ends.
 */
export async function withSession<T>(
  options: { folders?: { uri: string; name: string }[]; pull?: boolean; settings?: unknown; prepare?: (lsp: LspSession) => void },
  body: (lsp: LspSession, initialized: InitializeResult) => Promise<T>,
): Promise<T> {
  const lsp = new LspSession();
  try {
    if (options.settings !== undefined) lsp.settings(options.settings);
    options.prepare?.(lsp);
    return await body(lsp, await lsp.initialize(options.folders ?? [], { pull: options.pull }));
  } finally {
    await lsp.dispose();
  }
}
