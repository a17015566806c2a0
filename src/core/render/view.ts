/** One view per SOP format, composed from the document's blocks and the format's own tools. */
import { unified } from 'unified';
import rehypeStringify from 'rehype-stringify';
import { h } from 'hastscript';
import type { ElementContent } from 'hast';
import type { LintMessage, SopDocument } from '../types.js';
import { todayIso } from '../dates.js';
import { documentBlocks, piecesToHast, sectionize, type Piece } from './blocks.js';
import { headerCard, lintSummary } from './header.js';
import type { ImageResolver } from './markdown.js';
import { activateTaskCheckboxes, decorateChecklist } from './views/checklist.js';
import { faqPieces, faqToolbar } from './views/faq.js';
import { guidePieces } from './views/guide.js';
import { workflowHead } from './views/workflow.js';
import { revisionTablePieces } from './views/article.js';
import { markDanglingReferences } from './views/dangling.js';


export interface RenderOptions {
  /** Lint messages to summarise at the top; no summary when omitted. */
  lint?: LintMessage[];
  /** YYYY-MM-DD, the clock for "review overdue"; today when omitted. */
  today?: string;
  /** Maps a local image path to a URL the page may load (undefined blocks it). Remote images are never loaded. */
  resolveImage?: ImageResolver;
}

/** The view's hast: header, lint summary, the format's own tools, then the document. */
export function renderSopTree(doc: SopDocument, options: RenderOptions = {}): ElementContent {
  const today = options.today ?? todayIso();
  const blocks = documentBlocks(doc);
  let pieces: Piece[];
  let head: ElementContent[] = [];
  switch (doc.format) {
    case 'faq':
      pieces = faqPieces(doc, blocks, options.resolveImage);
      head = faqToolbar(doc);
      break;
    case 'guide':
      pieces = guidePieces(doc, blocks, options.resolveImage);
      break;
    case 'workflow':
      pieces = blocks.map((b) => ({ kind: 'markdown', node: b.node }));
      head = workflowHead(doc);
      break;
    default:
      pieces = blocks.map((b) => ({ kind: 'markdown', node: b.node }));
  }
  pieces = revisionTablePieces(doc, blocks, pieces);
  let content = piecesToHast(pieces, options.resolveImage);
  activateTaskCheckboxes(content, doc.checklist);
  markDanglingReferences(doc, content);
  content = sectionize(content);
  if (doc.format === 'checklist') content = decorateChecklist(doc, content);
  const summary = lintSummary(options.lint);
  return h(`article.sop-view.sop-view-${doc.format}`, { dataFormat: doc.format }, [
    headerCard(doc, today),
    ...(summary ? [summary] : []),
    ...head,
    h('div.sop-body', { ariaLabel: 'Document' }, content),
  ]);
}

const stringifier = unified().use(rehypeStringify);

/** The preview fragment (sanitized HTML) for a parsed SOP. */
export function renderSopBody(doc: SopDocument, options: RenderOptions = {}): string {
  return stringifier.stringify({ type: 'root', children: [renderSopTree(doc, options)] });
}
