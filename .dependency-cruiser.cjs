/**
 * The import rules of the source tree, checked by test/unit/core/boundaries.test.ts (and by
 * `npm run deps`): no import circles in src/, and the shells reach the core only through its doors.
 */
const SHELLS = '^(src/(cli|extension)|bench|scripts)/';
const DOORS = '^src/core/(index|heavy)[.]ts$';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'An import circle makes load order matter and hides which module owns what: cut it (a shared types file, or pass the value in).',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'shells-through-core-doors',
      comment: 'The CLI, the extension, bench and scripts use the core through src/core/index.ts (or heavy.ts for the renderer and generators), so the core can change behind them.',
      severity: 'error',
      from: { path: SHELLS },
      to: { path: '^src/core/', pathNot: DOORS },
    },
    {
      name: 'webview-apart',
      comment: 'The webview runs in the browser and type-checks against the DOM alone: it takes nothing from the core or the shells; what it shares with the renderer is in src/contracts/.',
      severity: 'error',
      from: { path: '^src/webview/' },
      to: { path: '^src/(core|cli|extension)/' },
    },
    {
      name: 'contracts-are-leaves',
      comment: 'src/contracts/ holds the types two sides agree on (the renderer and the webview); it imports nothing of ours, so either side can take it.',
      severity: 'error',
      from: { path: '^src/contracts/' },
      to: { path: '^src/(?!contracts/)' },
    },
    {
      name: 'core-stays-below',
      comment: 'The core is the bottom layer: it never imports a shell.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^src/(cli|extension|webview)/' },
    },
  ],
  options: {
    // Type-only imports count: a circle through a type is still a circle.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|out|bench/corpus)/' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.mts', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
