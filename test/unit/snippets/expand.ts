/**
 * A small expander for VS Code snippet bodies, enough to test what a user gets after pressing Tab
 * through a snippet without typing: tab stops, placeholders (nested, mirrored), choices (first
 * option), variables (CURRENT_* dates, others empty or their default) and `\` escapes. It throws
 * on syntax VS Code would not read as intended (an unclosed `${`), so a broken body fails tests.
 */

type Node =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number; content?: Node[]; choices?: string[] }
  | { kind: 'variable'; name: string; fallback?: Node[] };

export class SnippetSyntaxError extends Error {}

class Parser {
  private pos = 0;
  constructor(private readonly source: string) {}

  parse(): Node[] {
    const nodes = this.sequence(false);
    if (this.pos < this.source.length) throw new SnippetSyntaxError(`Unexpected '}' at ${this.pos}`);
    return nodes;
  }

  /** Nodes up to the end, or up to an unescaped `}` when inside a placeholder. */
  private sequence(nested: boolean): Node[] {
    const nodes: Node[] = [];
    let text = '';
    const flush = () => { if (text) { nodes.push({ kind: 'text', value: text }); text = ''; } };
    while (this.pos < this.source.length) {
      const ch = this.source[this.pos];
      if (ch === '\\' && /[\\$}]/.test(this.source[this.pos + 1] ?? '')) {
        text += this.source[this.pos + 1];
        this.pos += 2;
      } else if (ch === '}' && nested) {
        break;
      } else if (ch === '$') {
        const node = this.dollar();
        if (node) { flush(); nodes.push(node); } else { text += '$'; this.pos++; }
      } else {
        text += ch;
        this.pos++;
      }
    }
    flush();
    return nodes;
  }

  private dollar(): Node | undefined {
    const rest = this.source.slice(this.pos);
    let m = /^\$(\d+)/.exec(rest);
    if (m) { this.pos += m[0].length; return { kind: 'tabstop', index: Number(m[1]) }; }
    m = /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
    if (m) { this.pos += m[0].length; return { kind: 'variable', name: m[1] }; }
    m = /^\$\{(\d+)\}/.exec(rest);
    if (m) { this.pos += m[0].length; return { kind: 'tabstop', index: Number(m[1]) }; }
    m = /^\$\{(\d+)\|/.exec(rest);
    if (m) {
      this.pos += m[0].length;
      const choices: string[] = [];
      let current = '';
      for (;;) {
        const ch = this.source[this.pos];
        if (ch === undefined) throw new SnippetSyntaxError(`Unclosed choice for tab stop ${m[1]}`);
        if (ch === '\\' && /[\\,|$}]/.test(this.source[this.pos + 1] ?? '')) { current += this.source[this.pos + 1]; this.pos += 2; continue; }
        if (ch === ',') { choices.push(current); current = ''; this.pos++; continue; }
        if (ch === '|' && this.source[this.pos + 1] === '}') { choices.push(current); this.pos += 2; break; }
        current += ch;
        this.pos++;
      }
      return { kind: 'tabstop', index: Number(m[1]), choices };
    }
    m = /^\$\{(\d+):/.exec(rest);
    if (m) {
      this.pos += m[0].length;
      const content = this.sequence(true);
      this.expect('}', `placeholder \${${m[1]}:…`);
      return { kind: 'tabstop', index: Number(m[1]), content };
    }
    m = /^\$\{([A-Za-z_][A-Za-z0-9_]*)(\}|:)/.exec(rest);
    if (m) {
      this.pos += m[0].length;
      if (m[2] === '}') return { kind: 'variable', name: m[1] };
      const fallback = this.sequence(true);
      this.expect('}', `variable \${${m[1]}:…`);
      return { kind: 'variable', name: m[1], fallback };
    }
    if (rest.startsWith('${')) throw new SnippetSyntaxError(`Unreadable '\${' at ${this.pos}: ${rest.slice(0, 20)}`);
    return undefined;
  }

  private expect(ch: string, what: string): void {
    if (this.source[this.pos] !== ch) throw new SnippetSyntaxError(`Unclosed ${what}`);
    this.pos++;
  }
}

export function parseSnippet(body: string): Node[] {
  return new Parser(body).parse();
}

export interface ExpandOptions {
  /** YYYY-MM-DD for the CURRENT_* variables. */
  today: string;
  /** Typed values for tab stops (by index); the rest keep their defaults. */
  values?: Record<number, string>;
}

/** The text VS Code inserts when the user accepts every default. */
export function expandSnippet(body: string | string[], options: ExpandOptions): string {
  const source = Array.isArray(body) ? body.join('\n') : body;
  const nodes = parseSnippet(source);
  const [year, month, date] = options.today.split('-');
  const variables: Record<string, string> = { CURRENT_YEAR: year, CURRENT_YEAR_SHORT: year.slice(2), CURRENT_MONTH: month, CURRENT_DATE: date };
  const values = new Map<number, string>(Object.entries(options.values ?? {}).map(([k, v]) => [Number(k), v]));

  // A tab stop's value is set by its first occurrence with a default; later occurrences mirror it.
  const defaults = new Map<number, Node[] | string>();
  const collect = (list: Node[]) => {
    for (const node of list) {
      if (node.kind === 'tabstop') {
        if (!defaults.has(node.index) && node.choices) defaults.set(node.index, node.choices[0] ?? '');
        if (!defaults.has(node.index) && node.content) defaults.set(node.index, node.content);
        if (node.content) collect(node.content);
      } else if (node.kind === 'variable' && node.fallback) collect(node.fallback);
    }
  };
  collect(nodes);

  const resolving = new Set<number>();
  const valueOf = (index: number): string => {
    if (values.has(index)) return values.get(index)!;
    if (index === 0) return '';
    const fallback = defaults.get(index);
    if (fallback === undefined) return '';
    if (typeof fallback === 'string') return fallback;
    if (resolving.has(index)) throw new SnippetSyntaxError(`Tab stop ${index} contains itself`);
    resolving.add(index);
    const text = render(fallback);
    resolving.delete(index);
    values.set(index, text);
    return text;
  };
  const render = (list: Node[]): string => list.map((node) => {
    if (node.kind === 'text') return node.value;
    if (node.kind === 'tabstop') return valueOf(node.index);
    return variables[node.name] ?? (node.fallback ? render(node.fallback) : '');
  }).join('');
  return render(nodes);
}

/** Tab-stop indexes used in a body, in order of first appearance. */
export function tabStops(body: string | string[]): number[] {
  const found: number[] = [];
  const walk = (list: Node[]) => {
    for (const node of list) {
      if (node.kind === 'tabstop') { if (!found.includes(node.index)) found.push(node.index); if (node.content) walk(node.content); }
      if (node.kind === 'variable' && node.fallback) walk(node.fallback);
    }
  };
  walk(parseSnippet(Array.isArray(body) ? body.join('\n') : body));
  return found;
}
