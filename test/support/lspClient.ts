import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { after, before } from 'node:test';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-languageserver-protocol/node';
import type { Diagnostic, InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const serverModule = path.join(repoRoot, 'dist', 'server', 'node.js');

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

  /** The server's process id (benchmarks read its CPU time from /proc). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  constructor() {
    // ROUTELENS_SERVER_NODE_ARGS passes node flags to the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
    const nodeArgs = process.env.ROUTELENS_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
    this.child = spawn(process.execPath, [...nodeArgs, serverModule, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr?.on('data', (b: Buffer) => this.stderr.push(b.toString()));
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
  const built = existsSync(serverModule);
  let session: LspSession | undefined;
  before(async () => {
    if (!built) return;
    session = new LspSession();
    await session.initialize();
  });
  after(async () => {
    await session?.dispose();
  });
  return {
    skip: !built && 'dist/server/node.js not built (run npm run build)',
    get lsp(): LspSession {
      if (!session) throw new Error('the LSP session exists only inside the tests of a built tree (pass `skip`)');
      return session;
    },
  };
}
