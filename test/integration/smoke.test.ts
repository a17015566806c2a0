import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

describe('real VS Code', () => {
  it('runs inside an extension host with a workspace folder open', () => {
    assert.match(vscode.version, /^\d+\.\d+\.\d+/);
    assert.equal(vscode.workspace.workspaceFolders?.length, 1);
  });
});
