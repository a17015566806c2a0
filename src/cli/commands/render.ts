/** `sopkit render <file> [-o out.html]`: one self-contained, print-ready HTML file per SOP. */
import { lintWithModel, terminalText } from '../../core/index.js';
import { renderStandaloneHtml } from '../../core/heavy.js';
import type { CliIo } from '../io.js';
import { readLintableSync } from '../read-file.js';
import { embeddingImageResolver } from '../embed-images.js';
import { readRegular, sameFile, workspaceRoot, writeOutputFile } from '../safe-fs.js';
import { UsageError } from './lint-report.js';
import { checkDate, configFor } from './shared.js';

/** What an HTML file sopkit (or anyone) wrote begins with; nothing else is replaced by `-o --force`. */
function looksLikeHtml(path: string): boolean {
  const read = readRegular(path, 64 * 1024 * 1024, '64 MB');
  if ('reason' in read) return false;
  const head = read.bytes.subarray(0, 1024).toString('utf8').replace(/^\ufeff/, '').trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || (read.bytes.length === 0);
}

export async function runRender(file: string, opts: { output?: string; config?: string; today?: string; force?: boolean }, io: CliIo): Promise<number> {
  checkDate('--today', opts.today);
  const path = io.resolve(file);
  const output = opts.output === undefined ? undefined : io.resolve(opts.output);
  if (output !== undefined && (output === path || sameFile(output, path))) throw new UsageError(`'${opts.output}' is the SOP being rendered; write the HTML to another file`);
  const read = readLintableSync(path, workspaceRoot(path, io.cwd));
  if ('reason' in read) throw new UsageError(`${file}: cannot render, ${read.reason}`);
  const { options } = await configFor(path, io, opts);
  // One parse: the page shows the model the lint saw (format override and team schema included).
  const { result, doc } = lintWithModel(read.text, options);
  const resolveImage = embeddingImageResolver(path, io.cwd, (line) => io.stderr(`sopkit: ${terminalText(`${file}: ${line}`)}\n`));
  const html = renderStandaloneHtml(read.text, { lint: result.messages, doc, today: opts.today, resolveImage });
  if (output !== undefined) {
    // An existing file is replaced only with --force, and only when it is an HTML file already.
    const written = writeOutputFile(output, Buffer.from(html, 'utf8'), io.cwd, opts.force
      ? () => (looksLikeHtml(output) ? null : 'it exists and is not an HTML file; sopkit render does not overwrite it')
      : undefined);
    if ('reason' in written) {
      throw new UsageError(written.reason === 'it already exists' ? `'${opts.output}' already exists; use --force to replace an earlier render` : `cannot write '${opts.output}': ${written.reason}`);
    }
    io.stderr(`sopkit: wrote ${terminalText(opts.output ?? "")}\n`);
  } else {
    io.stdout(html);
  }
  return 0;
}
