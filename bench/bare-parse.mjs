// The baseline: one plain mdast-util-from-markdown pass over every corpus file on one core
// (`--sopkit-extensions` adds GFM and front matter, the extensions sopkit's parser uses).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';

const dir = process.argv[2];
const withExtensions = process.argv.includes('--sopkit-extensions');
const options = withExtensions ? { extensions: [gfm(), frontmatter(['yaml'])], mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml'])] } : undefined;
const { files } = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
let nodes = 0;
for (const file of files) nodes += fromMarkdown(readFileSync(join(dir, file), 'utf8'), options).children.length;
console.log(`${files.length} files, ${nodes} top-level nodes`);
