// copydesk for VS Code: starts `copydesk lsp` for Markdown and plain-text drafts, passes the
// settings on as the server's configuration, shows the draft's counts in the status bar and
// the draft's source sheet on demand.

import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  DidChangeConfigurationNotification,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  State,
} from 'vscode-languageclient/node';
import { renderSourceSheet, SourceSheet } from './sourceSheet';
import { renderStatus, StatusCounts } from './status';

const SECTION = 'copydesk';
const SOURCES_SCHEME = 'copydesk-sources';

let client: LanguageClient | undefined;
let statusItem: vscode.StatusBarItem;
let statusTimer: ReturnType<typeof setTimeout> | undefined;
const sheets = new Map<string, string>();
const sheetChanged = new vscode.EventEmitter<vscode.Uri>();

/** The configuration object the server reads: the same shape as copydesk.toml. */
export function serverSettings(): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration(SECTION);
  const settings: Record<string, unknown> = {};
  const date = config.get<string>('document.date', '').trim();
  if (date !== '') {
    settings.document = { date };
  }
  const checks = config.get<Record<string, string>>('checks', {});
  if (checks && Object.keys(checks).length > 0) {
    settings.checks = { ...checks };
  }
  return settings;
}

/** The server executable: the setting, resolved against the first workspace folder when relative. */
function serverCommand(): string {
  const configured = vscode.workspace.getConfiguration(SECTION).get<string>('server.path', 'copydesk').trim();
  const command = configured === '' ? 'copydesk' : configured;
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (folder && !path.isAbsolute(command) && command.includes('/')) {
    return path.join(folder.uri.fsPath, command);
  }
  return command;
}

function isDraft(document: vscode.TextDocument): boolean {
  return (
    (document.languageId === 'markdown' || document.languageId === 'plaintext') &&
    (document.uri.scheme === 'file' || document.uri.scheme === 'untitled')
  );
}

function createClient(): LanguageClient {
  const command = serverCommand();
  const serverOptions: ServerOptions = {
    run: { command, args: ['lsp'] },
    debug: { command, args: ['lsp'] },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'file', language: 'plaintext' },
      { scheme: 'untitled', language: 'markdown' },
      { scheme: 'untitled', language: 'plaintext' },
    ],
    initializationOptions: serverSettings(),
    middleware: {
      workspace: {
        // workspace/configuration for the `copydesk` section (or none) gets the server's shape.
        configuration: (params, token, next) => {
          const wanted = params.items.map((item) => item.section === undefined || item.section === SECTION);
          if (wanted.every((w) => !w)) {
            return next(params, token);
          }
          return params.items.map((item, i) => (wanted[i] ? serverSettings() : vscode.workspace.getConfiguration(item.section).get('')));
        },
      },
    },
  };
  const created = new LanguageClient('copydesk', 'copydesk', serverOptions, clientOptions);
  created.onDidChangeState((event) => {
    if (event.newState === State.Running) {
      scheduleStatus(0);
    } else {
      showState(event.newState);
    }
  });
  return created;
}

function showState(state: State, detail?: string): void {
  if (state === State.Starting) {
    statusItem.text = '$(sync~spin) copydesk';
    statusItem.tooltip = 'copydesk: starting the server';
  } else if (state === State.Stopped) {
    statusItem.text = '$(error) copydesk: stopped';
    statusItem.tooltip = `copydesk: the server is not running${detail ? `: ${detail}` : ''}. Run "copydesk: Restart server".`;
    statusItem.command = 'copydesk.restartServer';
  }
  statusItem.show();
}

async function startClient(): Promise<void> {
  client = createClient();
  showState(State.Starting);
  try {
    await client.start();
    await client.sendNotification(DidChangeConfigurationNotification.type, { settings: serverSettings() });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    showState(State.Stopped, message);
    void vscode.window.showErrorMessage(
      `copydesk: could not start "${serverCommand()} lsp" (${message}). Set copydesk.server.path to the copydesk executable.`,
    );
  }
}

async function restartServer(): Promise<void> {
  const old = client;
  client = undefined;
  if (old) {
    try {
      await old.stop();
    } catch {
      // A server that already died cannot be stopped; start a new one anyway.
    }
    await old.dispose().catch(() => undefined);
  }
  await startClient();
}

function activeDraft(): vscode.TextDocument | undefined {
  const document = vscode.window.activeTextEditor?.document;
  return document && isDraft(document) ? document : undefined;
}

function scheduleStatus(delay = 250): void {
  if (statusTimer) {
    clearTimeout(statusTimer);
  }
  statusTimer = setTimeout(() => {
    statusTimer = undefined;
    void refreshStatus();
  }, delay);
}

/** Shows the active draft's counts from copydesk/status (or the finding count if unanswered). */
async function refreshStatus(): Promise<void> {
  if (!client || client.state !== State.Running) {
    return;
  }
  statusItem.command = 'copydesk.showSourceSheet';
  const document = activeDraft();
  if (!document) {
    statusItem.text = '$(check) copydesk';
    statusItem.tooltip = 'copydesk is running. Open a Markdown or plain-text draft.';
    statusItem.show();
    return;
  }
  const findings = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'copydesk').length;
  let counts: StatusCounts | undefined;
  try {
    counts = await client.sendRequest<StatusCounts>('copydesk/status', {
      textDocument: { uri: client.code2ProtocolConverter.asUri(document.uri) },
    });
  } catch {
    counts = undefined;
  }
  const shown = renderStatus(counts, findings);
  statusItem.text = shown.text;
  statusItem.tooltip = shown.tooltip;
  statusItem.show();
}

async function showSourceSheet(): Promise<void> {
  const document = activeDraft();
  if (!document) {
    void vscode.window.showInformationMessage('copydesk: open a Markdown or plain-text draft first.');
    return;
  }
  if (!client || client.state !== State.Running) {
    void vscode.window.showErrorMessage('copydesk: the server is not running. Run "copydesk: Restart server".');
    return;
  }
  let sheet: SourceSheet;
  try {
    sheet = await client.sendRequest<SourceSheet>('copydesk/sourceSheet', {
      textDocument: { uri: client.code2ProtocolConverter.asUri(document.uri) },
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(`copydesk: no source sheet (${message}).`);
    return;
  }
  const title = path.basename(document.uri.path) || 'draft';
  const stem = title.replace(/\.[^.]*$/, '') || title;
  const uri = vscode.Uri.from({ scheme: SOURCES_SCHEME, path: `/Sources - ${stem}.md` });
  sheets.set(uri.toString(), renderSourceSheet(sheet, title));
  sheetChanged.fire(uri);
  try {
    await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
  } catch {
    const sheetDocument = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(sheetDocument, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  statusItem = vscode.window.createStatusBarItem('copydesk.status', vscode.StatusBarAlignment.Left, 0);
  statusItem.name = 'copydesk';
  context.subscriptions.push(
    statusItem,
    sheetChanged,
    vscode.workspace.registerTextDocumentContentProvider(SOURCES_SCHEME, {
      onDidChange: sheetChanged.event,
      provideTextDocumentContent: (uri) => sheets.get(uri.toString()) ?? '',
    }),
    vscode.commands.registerCommand('copydesk.restartServer', restartServer),
    vscode.commands.registerCommand('copydesk.showSourceSheet', showSourceSheet),
    vscode.languages.onDidChangeDiagnostics((event) => {
      const document = activeDraft();
      if (document && event.uris.some((uri) => uri.toString() === document.uri.toString())) {
        scheduleStatus();
      }
    }),
    vscode.window.onDidChangeActiveTextEditor(() => scheduleStatus(0)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration(SECTION)) {
        return;
      }
      if (event.affectsConfiguration(`${SECTION}.server.path`)) {
        void restartServer();
      } else if (client && client.state === State.Running) {
        void client.sendNotification(DidChangeConfigurationNotification.type, { settings: serverSettings() });
      }
    }),
  );
  await startClient();
}

export async function deactivate(): Promise<void> {
  if (statusTimer) {
    clearTimeout(statusTimer);
  }
  if (client) {
    await client.stop().catch(() => undefined);
  }
}
