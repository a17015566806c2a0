/**
 * The report page's stylesheet and script, inlined under the page's nonce. The script holds no
 * document text: it reads the table it sorts and filters from the page.
 */
export const REPORT_CSS = `
:root { color-scheme: light dark; --fg: #1f2328; --muted: #57606a; --bg: #ffffff; --line: #d0d7de; --head: #f6f8fa; --accent: #0550ae; --bar: #0969da; --bad: #a40e26; --bad-bg: #ffebe9; --focus: #0550ae; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --muted: #9da7b3; --bg: #0d1117; --line: #30363d; --head: #161b22; --accent: #79c0ff; --bar: #4493f8; --bad: #ffa198; --bad-bg: #3d1214; --focus: #79c0ff; } }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
main { max-width: 1400px; margin: 0 auto; padding: 1.5rem; }
h1 { margin: 0 0 .25rem; font-size: 1.6rem; }
h2 { margin: 2rem 0 .75rem; font-size: 1.2rem; }
.meta { color: var(--muted); margin: 0; }
.tiles { display: flex; flex-wrap: wrap; gap: .75rem; margin: 1rem 0; padding: 0; }
.tiles div { border: 1px solid var(--line); border-radius: 6px; padding: .5rem .9rem; min-width: 9rem; }
.tiles dt { color: var(--muted); font-size: .85rem; }
.tiles dd { margin: 0; font-size: 1.4rem; font-weight: 600; }
.tiles .bad dd { color: var(--bad); }
.columns { display: flex; flex-wrap: wrap; gap: 2rem; align-items: flex-start; }
table { border-collapse: collapse; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { border: 1px solid var(--line); padding: .3rem .55rem; text-align: left; vertical-align: top; }
thead th { background: var(--head); }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.table-wrap { overflow-x: auto; max-width: 100%; }
.table-wrap:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
#sops { width: 100%; }
#sops th button { all: unset; cursor: pointer; font-weight: 600; display: inline-flex; gap: .3rem; align-items: center; }
#sops th button:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
#sops th button::after { content: "↕"; color: var(--muted); }
#sops th[aria-sort="ascending"] button::after { content: "▲"; color: var(--fg); }
#sops th[aria-sort="descending"] button::after { content: "▼"; color: var(--fg); }
#sops .file { word-break: break-all; }
#sops .nowrap { white-space: nowrap; }
.overdue { color: var(--bad); background: var(--bad-bg); font-weight: 600; }
.filters { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; margin-bottom: .75rem; }
.filters[hidden] { display: none; }
.filters input[type="search"], .filters select { font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--muted); border-radius: 4px; padding: .2rem .4rem; }
.chart { width: 100%; max-width: 760px; height: auto; }
.chart .bar { fill: var(--bar); }
.chart .bar-overdue { fill: var(--bad); }
.chart-value, .chart-axis { fill: var(--fg); font-size: 12px; }
.chart-axis { fill: var(--muted); }
.chart-baseline { stroke: var(--muted); }
details { margin-top: .5rem; }
.compact th, .compact td { padding: .15rem .5rem; }
footer { color: var(--muted); margin-top: 2rem; font-size: .85rem; }
@media print { .filters, .table-wrap { overflow: visible; } .filters { display: none; } }
`;

/**
 * Sorting (the column buttons; aria-sort on the sorted column's header) and filtering (text,
 * status, overdue only), with the count of shown rows in a live region. Cells carry their sort
 * key in data-sort; an empty cell sorts last either way.
 */
export const REPORT_SCRIPT = `(() => {
  const table = document.getElementById('sops');
  if (!table) return;
  const body = table.tBodies[0];
  const rows = Array.from(body.rows);
  const headers = Array.from(table.tHead.rows[0].cells);
  const filters = document.getElementById('filters');
  const text = document.getElementById('filter-text');
  const status = document.getElementById('filter-status');
  const overdue = document.getElementById('filter-overdue');
  const shown = document.getElementById('shown');
  const keyOf = (row, i) => row.cells[i].getAttribute('data-sort') ?? row.cells[i].textContent;
  function sortBy(index) {
    const th = headers[index];
    const direction = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
    const numeric = th.getAttribute('data-kind') === 'number';
    const sign = direction === 'ascending' ? 1 : -1;
    const sorted = rows.slice().sort((a, b) => {
      const x = keyOf(a, index); const y = keyOf(b, index);
      if (x === '' || y === '') return x === y ? 0 : x === '' ? 1 : -1;
      const order = numeric ? Number(x) - Number(y) : x < y ? -1 : x > y ? 1 : 0;
      return sign * order || (Number(a.getAttribute('data-index')) - Number(b.getAttribute('data-index')));
    });
    for (const h of headers) h.removeAttribute('aria-sort');
    th.setAttribute('aria-sort', direction);
    body.append(...sorted);
  }
  headers.forEach((th, i) => th.querySelector('button')?.addEventListener('click', () => sortBy(i)));
  function applyFilters() {
    const words = text.value.toLowerCase().split(/\\s+/).filter(Boolean);
    let count = 0;
    for (const row of rows) {
      const haystack = row.textContent.toLowerCase();
      const visible = words.every((w) => haystack.includes(w))
        && (status.value === '' || row.getAttribute('data-status') === status.value)
        && (!overdue.checked || row.getAttribute('data-overdue') === 'yes');
      row.hidden = !visible;
      if (visible) count++;
    }
    shown.textContent = count + ' of ' + rows.length + ' SOPs shown';
  }
  text.addEventListener('input', applyFilters);
  status.addEventListener('change', applyFilters);
  overdue.addEventListener('change', applyFilters);
  filters.hidden = false;
  applyFilters();
})();`;
