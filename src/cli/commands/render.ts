/** `sopkit render <file> [-o out.html]`: one self-contained, print-ready HTML file per SOP. */
import { writeFile } from 'node:fs/promises';
import { lintWithModel } from '../../core/lint.js';
import { renderStandaloneHtml } from '../../core/render/index.js';
import { terminalText } from '../../core/display.js';
import type { CliIo } from '../io.js';
import { readLintable } from '../read-file.js';
import { embeddingImageResolver } from '../embed-images.js';
import { UsageError } from './lint.js';
import { checkDate, configFor } from './shared.js';

export async function runRender(file: string, opts: { output?: string; config?: string; today?: string }, io: CliIo): Promise<number> {
  checkDate('--today', opts.today);
  const path = io.resolve(file);
  const read = await readLintable(path);
  if ('reason' in read) throw new UsageError(terminalText(`${file}: cannot render, ${read.reason}`));
  const { options } = await configFor(path, io, opts);
  // One parse: the page shows the model the lint saw (format override and team schema included).
  const { result, doc } = lintWithModel(read.text, options);
  const html = renderStandaloneHtml(read.text, { lint: result.messages, doc, today: opts.today, resolveImage: embeddingImageResolver(path) });
  if (opts.output) {
    try {
      await writeFile(io.resolve(opts.output), html, 'utf8');
    } catch (error) {
      throw new UsageError(terminalText(`cannot write '${opts.output}': ${(error as Error).message}`));
    }
    io.stderr(`sopkit: wrote ${terminalText(opts.output)}\n`);
  } else {
    io.stdout(html);
  }
  return 0;
}
