// Starts `pnote lsp` for .pnote files and passes the `pnote` settings section.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const config = vscode.workspace.getConfiguration("pnote");
  const command = config.get("path") || "pnote";
  client = new LanguageClient(
    "pnote",
    "pnote",
    { command, args: ["lsp"] },
    {
      documentSelector: [{ language: "pnote" }],
      synchronize: {
        configurationSection: "pnote",
        fileEvents: vscode.workspace.createFileSystemWatcher("**/{*.pnote,pnote.json}"),
      },
    }
  );
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
