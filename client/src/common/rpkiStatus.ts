import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { DataFilesStatusNotification, RefreshRpkiRequest, RpkiStatusNotification, type DataFileKind, type DataFilesStatus, type RpkiStatus } from '../../../server/src/protocol/lsp';
import { dataFilesText, escapeMarkdown } from './dataFilesText';

/**
 * The RPKI status bar item: data sources, VRP/ASPA counts, RTR serial, age of the data and the last problem.
 * With no source configured it says so and a click opens the data settings; otherwise a click runs `routelens.refreshRpki`.
 */
export function registerRpkiStatus(context: vscode.ExtensionContext, client: BaseLanguageClient): void {
  const item = vscode.window.createStatusBarItem('routelens.rpki', vscode.StatusBarAlignment.Right, 100);
  item.name = 'RouteLens RPKI data';
  item.command = 'routelens.refreshRpki';
  let last: RpkiStatus | undefined;
  // What the server last said of the relationships, names and observed-path files (loaded, counts, errors).
  let dataFiles: DataFilesStatus = {};
  const otherData = (): string => dataFilesText(dataFilesSet(), dataFiles);
  const render = (): void => {
    const s = last;
    if (!s || s.sources.length === 0) {
      // Say that nothing is loaded, and offer the place to add a source, rather than saying nothing.
      item.text = '$(shield) RPKI: no data';
      const md = new vscode.MarkdownString(
        '**No RPKI data loaded.** Route-origin validation and ASPA verdicts need VRP or ASPA files (`routelens.data.vrpFiles`, `routelens.data.aspaFiles`) or an RTR cache (`routelens.rtr.enabled`).\n\n',
        true,
      );
      md.appendMarkdown(`${otherData()}\n\n_Click to add a source._`);
      item.tooltip = md;
      item.command = { title: 'Add RPKI data', command: 'workbench.action.openSettings', arguments: ['routelens.data'] };
      item.show();
      return;
    }
    item.command = 'routelens.refreshRpki';
    const failing = s.sources.filter((x) => x.lastError !== undefined && x.state !== 'synced' && x.state !== 'loaded');
    const icon = failing.length > 0 ? '$(warning)' : s.sources.some((x) => x.state === 'syncing' || x.state === 'connecting' || x.state === 'loading') ? '$(sync~spin)' : '$(shield)';
    item.text = `${icon} RPKI ${compact(s.vrpCount)} VRPs · ${compact(s.aspaCount)} ASPAs`;
    const md = new vscode.MarkdownString(undefined, true);
    md.appendMarkdown(`**RPKI data** — ${s.vrpCount.toLocaleString()} VRPs, ${s.aspaCount.toLocaleString()} ASPA customers`);
    if (s.serial !== undefined) md.appendMarkdown(`, RTR serial ${s.serial}`);
    if (s.updatedAt !== undefined) md.appendMarkdown(`, updated ${age(s.updatedAt)}`);
    md.appendMarkdown('\n\n');
    for (const src of s.sources) {
      const counts = `${src.vrps.toLocaleString()} VRPs, ${src.aspas.toLocaleString()} ASPAs`;
      const when = src.updatedAt !== undefined ? `, ${age(src.updatedAt)}` : '';
      const serial = src.serial !== undefined ? `, serial ${src.serial}` : '';
      md.appendMarkdown(`- \`${src.name}\` (${src.kind}): ${src.state}, ${counts}${serial}${when}\n`);
      if (src.lastError && src.state !== 'synced' && src.state !== 'loaded') md.appendMarkdown(`  - $(warning) ${escapeMarkdown(src.lastError)}\n`);
    }
    const recent = s.issues.slice(-3);
    if (recent.length > 0) {
      md.appendMarkdown('\n**Recent messages**\n\n');
      for (const i of recent) md.appendMarkdown(`- \`${i.code}\` ${escapeMarkdown(i.message)}\n`);
    }
    md.appendMarkdown(`\n${otherData()}\n\n_Click to refresh (re-read files, ask the RTR cache for news)._`);
    item.tooltip = md;
    item.show();
  };
  // The age in the tooltip goes stale; a minute's resolution is enough.
  const tick = setInterval(render, 60_000);
  context.subscriptions.push(
    item,
    { dispose: () => clearInterval(tick) },
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('routelens.data')) {
        // Until the server has read the new files, the old counts would be wrong: say "not read yet".
        dataFiles = {};
        render();
      }
    }),
    client.onNotification(DataFilesStatusNotification, (s) => {
      dataFiles = { ...dataFiles, ...s };
      render();
    }),
    client.onNotification(RpkiStatusNotification, (s) => {
      last = s;
      render();
    }),
    vscode.commands.registerCommand('routelens.refreshRpki', async () => {
      try {
        last = await client.sendRequest(RefreshRpkiRequest);
        render();
        if (!last || last.sources.length === 0) {
          void vscode.window.showInformationMessage('RouteLens: no RPKI source is configured. Set routelens.data.vrpFiles / aspaFiles, or enable routelens.rtr.');
        }
      } catch (e) {
        void vscode.window.showErrorMessage(`RouteLens: refreshing RPKI data failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    }),
  );
}

function compact(n: number): string {
  return n >= 10_000 ? `${Math.round(n / 1000)}k` : n.toLocaleString();
}

function age(at: number): string {
  const s = Math.max(0, Math.round((Date.now() - at) / 1000));
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  if (s < 86_400) return `${Math.round(s / 3600)} h ago`;
  return `${Math.round(s / 86_400)} d ago`;
}


/** The data files the settings name beside RPKI, as written in the settings. */
function dataFilesSet(): Record<DataFileKind, string[]> {
  const c = vscode.workspace.getConfiguration('routelens.data');
  const files = (key: string): string[] => (c.get<unknown>(key) instanceof Array ? (c.get<unknown[]>(key) ?? []).filter((x): x is string => typeof x === 'string' && x !== '') : []);
  const names = c.get<string>('asNamesFile') ?? '';
  return { relationships: files('relationshipFiles'), names: names === '' ? [] : [names], paths: files('pathFiles') };
}
