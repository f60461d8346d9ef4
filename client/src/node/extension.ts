import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateCommon } from '../common/activate';
import { clientId, clientName, clientOptions } from '../common/clientOptions';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server', 'node.js').fsPath;
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.{rpsl,irr,aspa}');
  context.subscriptions.push(watcher);
  client = new LanguageClient(clientId, clientName, serverOptions, {
    ...clientOptions,
    synchronize: { ...clientOptions.synchronize, fileEvents: watcher },
  });
  activateCommon(context, client);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
