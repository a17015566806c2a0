import * as vscode from 'vscode';

describe('web workbench', () => {
  it('runs in a browser extension host with the fixture folder mounted', () => {
    if (!vscode.version) throw new Error('no version');
    console.log('folders', JSON.stringify(vscode.workspace.workspaceFolders?.map((f) => f.uri.toString())));
  });
});
