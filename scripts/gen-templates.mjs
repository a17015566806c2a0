// Packs templates/ (manifest.yaml + the Markdown files it names) into
// src/core/generate/builtin-templates.generated.json, so the pure core has the gallery without fs.
//   node scripts/gen-templates.mjs          write the JSON module
//   node scripts/gen-templates.mjs --check  exit 1 when the committed JSON differs from templates/
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const templatesDir = join(root, 'templates');
const outFile = join(root, 'src/core/generate/builtin-templates.generated.json');

function pack() {
  const manifest = parse(readFileSync(join(templatesDir, 'manifest.yaml'), 'utf8'));
  const files = {};
  for (const entry of manifest.templates) {
    const path = join(templatesDir, entry.file);
    if (!existsSync(path)) throw new Error(`templates/manifest.yaml: template '${entry.id}' names ${entry.file}, which does not exist`);
    files[entry.file] = readFileSync(path, 'utf8').replace(/\r\n/g, '\n');
  }
  return `${JSON.stringify({ manifest, files }, null, 1)}\n`;
}

const packed = pack();
if (process.argv.includes('--check')) {
  const current = existsSync(outFile) ? readFileSync(outFile, 'utf8') : '';
  if (current !== packed) {
    console.error('src/core/generate/builtin-templates.generated.json is stale: run `node scripts/gen-templates.mjs` and commit it.');
    process.exit(1);
  }
  console.log('builtin-templates.generated.json is up to date.');
} else {
  writeFileSync(outFile, packed);
  console.log(`wrote ${outFile.slice(root.length + 1)}`);
}
