import * as vscode from 'vscode';

// The suite that runs inside the VS Code extension host (desktop, launched by ../electron.test.ts through
// @vscode/test-electron). No mocha: `run()` resolves when every check passed and throws on the first that did not,
// which is all the host needs. Waits are on VS Code events, each bounded so a broken build fails instead of hanging.

const CODE = 'rpsl/not-an-attribute';
const WAIT_MS = 60_000;

export async function run(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder: the launcher opens one that holds bad.rpsl');
  const uri = vscode.Uri.joinPath(folder.uri, 'bad.rpsl');

  // Subscribe before opening: the server may answer before showTextDocument returns.
  const reported = waitFor(
    vscode.languages.onDidChangeDiagnostics,
    () => vscode.languages.getDiagnostics(uri).find((d) => codeOf(d) === CODE),
    `a ${CODE} diagnostic on ${uri.toString()}`,
  );
  const document = await vscode.workspace.openTextDocument(uri);
  if (document.languageId !== 'rpsl') throw new Error(`bad.rpsl opened as "${document.languageId}", not "rpsl"`);
  await vscode.window.showTextDocument(document);
  const diagnostic = await reported;
  if (diagnostic.severity !== vscode.DiagnosticSeverity.Error) throw new Error(`${CODE} has severity ${diagnostic.severity}, expected Error`);
  const { start, end } = diagnostic.range;
  // The offending line is the second one, "this is not an attribute", 24 characters long.
  if (start.line !== 1 || start.character !== 0 || end.line !== 1 || end.character !== 24) {
    throw new Error(`${CODE} range is ${start.line}:${start.character}-${end.line}:${end.character}, expected 1:0-1:24`);
  }

  const opened = waitFor(vscode.window.tabGroups.onDidChangeTabs, asPathsTab, 'a webview tab labelled "AS Paths"');
  await vscode.commands.executeCommand('routelens.analyzePaths');
  await opened;
}

function asPathsTab(): vscode.Tab | undefined {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .find((t) => t.label === 'AS Paths' && t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('routelens.paths'));
}

function codeOf(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}

/** Resolves with `probe()`'s first defined value, checked now and after every `event`; rejects after WAIT_MS. */
function waitFor<T>(event: vscode.Event<unknown>, probe: () => T | undefined, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const now = probe();
    if (now !== undefined) return resolve(now);
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`no ${what} within ${WAIT_MS} ms`));
    }, WAIT_MS);
    const listener = event(() => {
      const value = probe();
      if (value === undefined) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(value);
    });
  });
}
