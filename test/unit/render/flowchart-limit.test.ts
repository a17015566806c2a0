import { strict as assert } from 'node:assert';
import { buildSopDocument } from '../../../src/core/model/build.js';
import { renderSopBody } from '../../../src/core/render/index.js';
import { FLOWCHART_MAX_STEPS } from '../../../src/core/render/views/workflow.js';

function workflow(steps: number): string {
  let text = '---\ntitle: Big\nformat: workflow\n---\n\n## Workflow Steps\n\n';
  for (let i = 1; i <= steps; i++) text += `### Step ${i}: Check ${i}\n\n- **If:** it fails.\n  - **Take Action:** Proceed to Step ${(i % steps) + 1}.\n\n`;
  return text;
}

describe('render: very large workflows', () => {
  it('draws the flowchart up to the limit', () => {
    const html = renderSopBody(buildSopDocument(workflow(3)), {});
    assert.match(html, /<svg/);
    assert.doesNotMatch(html, /sop-flow-too-big/);
  });
  it('past the limit, says so instead of spending seconds on an unreadable layout; the guided walk stays', () => {
    const html = renderSopBody(buildSopDocument(workflow(FLOWCHART_MAX_STEPS + 1)), {});
    assert.match(html, /sop-flow-too-big/);
    assert.match(html, new RegExp(`has ${FLOWCHART_MAX_STEPS + 1} steps`));
    assert.match(html, /sop-workflow-data/);
  });
});
