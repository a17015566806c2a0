// Bundles every shell with esbuild. Entries are listed here so a newcomer sees every output at once.
//   node scripts/build.mjs [--production] [--only=name,name]
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const production = process.argv.includes('--production');
const only = (process.argv.find((a) => a.startsWith('--only=')) ?? '').slice('--only='.length).split(',').filter(Boolean);

const common = {
  bundle: true,
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

/** ESM dependencies (tinyglobby's fdir) call createRequire(import.meta.url), which is empty in a CJS bundle. */
const cjsImportMeta = { define: { 'import.meta.url': '__importMetaUrl' }, banner: { js: "var __importMetaUrl = require('url').pathToFileURL(__filename).href;" } };

/**
 * The desktop extension loads its heavy half (preview renderer, generators) from dist/heavy.cjs on
 * first use; the web extension cannot load a second file, so there the loader bundles it in.
 */
const heavyAsSeparateFile = { name: 'heavy-separate', setup(build) { build.onResolve({ filter: /^\.\/heavy\.cjs$/ }, () => ({ path: './heavy.cjs', external: true })); } };
const heavyBundledIn = { name: 'heavy-bundled', setup(build) { build.onResolve({ filter: /heavy\/load\.js$/ }, () => ({ path: resolve('src/extension/heavy/load.web.ts') })); } };

/** name → esbuild options; an entry whose source file does not exist yet is skipped with a note. */
const entries = {
  extension: { entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.cjs', platform: 'node', format: 'cjs', target: 'node18', external: ['vscode'], plugins: [heavyAsSeparateFile] },
  'extension-heavy': { entryPoints: ['src/extension/heavy/entry.ts'], outfile: 'dist/heavy.cjs', platform: 'node', format: 'cjs', target: 'node18' },
  // The web extension host is a web worker: no `document`. The "worker" condition picks packages'
  // DOM-free builds (decode-named-character-reference's "browser" build calls document.createElement).
  'extension-web': { entryPoints: ['src/extension/extension.ts'], outfile: 'dist/web/extension.cjs', platform: 'browser', conditions: ['worker'], format: 'cjs', target: 'es2022', external: ['vscode'], define: { 'process.env.SOPKIT_WEB': '"1"' }, plugins: [heavyBundledIn] },
  cli: { entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.cjs', platform: 'node', format: 'cjs', target: 'node20', ...cjsImportMeta },
  'cli-worker': { entryPoints: ['src/cli/worker.ts'], outfile: 'dist/cli-worker.cjs', platform: 'node', format: 'cjs', target: 'node20', ...cjsImportMeta },
  webview: { entryPoints: ['src/webview/preview.ts'], outfile: 'dist/webview/preview.js', platform: 'browser', format: 'iife', target: 'es2022' },
  'integration-tests': { entryPoints: ['test/integration/index.ts'], outfile: 'out/test/integration/index.cjs', platform: 'node', format: 'cjs', target: 'node18', external: ['vscode', 'mocha'] },
};

const selected = Object.entries(entries).filter(([name]) => only.length === 0 || only.includes(name));
if (only.length === 0 && production) rmSync('dist', { recursive: true, force: true });
mkdirSync('dist', { recursive: true });
const started = Date.now();
const results = await Promise.all(selected.map(async ([name, options]) => {
  if (!existsSync(options.entryPoints[0])) return `${name}: skipped (no ${options.entryPoints[0]})`;
  await esbuild.build({ ...common, ...options, define: { ...(options.define ?? {}), 'process.env.NODE_ENV': production ? '"production"' : '"development"' } });
  return `${name}: ${options.outfile}`;
}));
// The standalone HTML (`sopkit render`) inlines the webview script through a generated core module.
if (selected.some(([name]) => name === 'webview')) results.push(`webview-inline: ${await (await import('./webview-inline.mjs')).writeWebviewModule()}`);
console.log(`build (${production ? 'production' : 'development'}) in ${Date.now() - started} ms\n  ${results.join('\n  ')}`);
