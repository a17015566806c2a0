// `npm start`: opens examples/ in a real VS Code (code-server, in the browser) with sopkit
// installed from a freshly built sopkit.vsix, and prints the address. Ctrl-C stops it and removes
// every temporary file it made. The first run installs code-server into ~/.cache/sopkit (see the README: 4 to 9 minutes).
//   npm start                 a free port
//   SOPKIT_PORT=8080 npm start
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { startCodeServer } from './vscode-harness.mjs';

const repo = resolve(import.meta.dirname, '..');
const run = (command, args) => {
  const result = spawnSync(command, args, { cwd: repo, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) {
    console.error(`\nnpm start: '${command} ${args.join(' ')}' failed (exit ${result.status ?? result.signal}).`);
    process.exit(1);
  }
};

run('bash', ['scripts/setup-real-vscode.sh']);
run(process.execPath, ['scripts/build.mjs', '--production']);
run(process.execPath, [resolve(repo, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--out', 'sopkit.vsix']);

const port = process.env.SOPKIT_PORT ? Number(process.env.SOPKIT_PORT) : undefined;
const server = await startCodeServer({
  installVsix: resolve(repo, 'sopkit.vsix'),
  port,
  settings: { 'workbench.startupEditor': 'readme', 'workbench.secondarySideBar.defaultVisibility': 'hidden' },
});
const folder = resolve(repo, 'examples');
const url = `${server.url}/?folder=${encodeURIComponent(folder)}`;
console.log(`\nsopkit is installed in a real VS Code with examples/ open:\n\n    ${url}\n\nOpen that address in a browser (the examples/needs-work/ folder has SOPs with problems to fix).\nPress Ctrl-C to stop.`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  console.log('\nstopping VS Code…');
  await server.stop();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
// Keep running while the server does; if it dies on its own, say so and end.
const watchdog = setInterval(async () => {
  try { await fetch(`${server.url}/healthz`); } catch {
    clearInterval(watchdog);
    console.error('code-server stopped unexpectedly; its last output:\n' + server.output.slice(-20).join('\n'));
    await server.stop();
    process.exit(1);
  }
}, 5000);
