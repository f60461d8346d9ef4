import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateCommon } from '../common/activate';
import { clientId, clientName, clientOptions } from '../common/clientOptions';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  // VS Code for the web: the server runs in a Web Worker (vscode-languageclient ≥ 10: id, name, worker, options).
  const worker = new Worker(vscode.Uri.joinPath(context.extensionUri, 'dist', 'server', 'browser.js').toString(true));
  client = new LanguageClient(clientId, clientName, worker, clientOptions);
  activateCommon(context, client);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
