/**
 * Renders the safe Markdown tree of core/share/markdown.ts as Preact nodes: text is always a
 * text node, links are http(s) only (the parser drops the rest) and open in a new tab.
 */
import type { ComponentChildren } from 'preact';
import { useMemo } from 'preact/hooks';
import { parseMarkdown, type MdBlock, type MdInline } from '../../core/share/markdown.ts';

/** `headingBase`: the level the document's top heading gets, so headings nest under the section's own. */
export function Markdown({ source, headingBase = 4, dir }: { source: string; headingBase?: number; dir?: 'ltr' | 'rtl' }) {
  // Parsed once per text, not on every render (issue 12 point 11).
  const blocks = useMemo(() => parseMarkdown(source), [source]);
  const top = Math.min(6, ...blocks.map((b) => (b.t === 'h' ? b.level : 6)));
  return <div class="markdown" dir={dir ?? 'auto'}>{blocks.map((b, i) => block(b, i, headingBase - top + 1))}</div>;
}

function block(b: MdBlock, key: number, base: number): ComponentChildren {
  switch (b.t) {
    case 'p':
      return <p key={key}>{inline(b.c)}</p>;
    case 'h': {
      const H = `h${Math.min(6, b.level + base - 1)}` as 'h3';
      return <H key={key}>{inline(b.c)}</H>;
    }
    case 'ul':
      return <ul key={key}>{b.items.map((it, i) => <li key={i}>{inline(it)}</li>)}</ul>;
    case 'ol':
      return <ol key={key} start={b.start}>{b.items.map((it, i) => <li key={i}>{inline(it)}</li>)}</ol>;
    case 'quote':
      return <blockquote key={key}>{b.c.map((c, i) => block(c, i, base))}</blockquote>;
    case 'pre':
      return <pre key={key}><code>{b.v}</code></pre>;
    case 'hr':
      return <hr key={key} />;
  }
}

function inline(nodes: MdInline[]): ComponentChildren {
  return nodes.map((n, i) => {
    switch (n.t) {
      case 'text':
        return n.v;
      case 'code':
        return <code key={i}>{n.v}</code>;
      case 'em':
        return <em key={i}>{inline(n.c)}</em>;
      case 'strong':
        return <strong key={i}>{inline(n.c)}</strong>;
      case 'br':
        return <br key={i} />;
      case 'link':
        return <a key={i} href={n.href} target="_blank" rel="noopener noreferrer nofollow">{inline(n.c)}</a>;
    }
  });
}
