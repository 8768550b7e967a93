/**
 * Markdown to an HTML string for mail and content scripts: every text escaped, links only
 * http(s) (already filtered by the parser, checked again here), no attributes but href/rel/target.
 */
import { displayText } from './display.ts';
import { escapeHtml, safeHttpUrl } from './escape.ts';
import { MAX_MARKDOWN_CHARS, parseMarkdown, type MdBlock, type MdInline } from './markdown.ts';

export interface MarkdownHtmlOptions {
  /** Added to heading levels, so criteria headings sit below the page's own (clamped to h6). */
  headingOffset?: number;
}

export function markdownToHtml(source: string, options: MarkdownHtmlOptions = {}): string {
  return blocksToHtml(parseMarkdown(source), options.headingOffset ?? 0);
}

function blocksToHtml(blocks: MdBlock[], offset: number): string {
  return blocks.map((b) => blockToHtml(b, offset)).join('\n');
}

function blockToHtml(b: MdBlock, offset: number): string {
  switch (b.t) {
    case 'p':
      return `<p>${inlineToHtml(b.c)}</p>`;
    case 'h': {
      const level = Math.min(6, b.level + offset);
      return `<h${level}>${inlineToHtml(b.c)}</h${level}>`;
    }
    case 'ul':
      return `<ul>${b.items.map((it) => `<li>${inlineToHtml(it)}</li>`).join('')}</ul>`;
    case 'ol':
      return `<ol${b.start !== 1 ? ` start="${b.start}"` : ''}>${b.items.map((it) => `<li>${inlineToHtml(it)}</li>`).join('')}</ol>`;
    case 'quote':
      return `<blockquote>${blocksToHtml(b.c, offset)}</blockquote>`;
    case 'pre':
      return `<pre><code>${escapeHtml(displayText(b.v, MAX_MARKDOWN_CHARS))}</code></pre>`;
    case 'hr':
      return '<hr>';
  }
}

export function inlineToHtml(nodes: MdInline[]): string {
  return nodes
    .map((n) => {
      switch (n.t) {
        case 'text':
          return escapeHtml(displayText(n.v, MAX_MARKDOWN_CHARS));
        case 'code':
          return `<code>${escapeHtml(displayText(n.v, MAX_MARKDOWN_CHARS))}</code>`;
        case 'em':
          return `<em>${inlineToHtml(n.c)}</em>`;
        case 'strong':
          return `<strong>${inlineToHtml(n.c)}</strong>`;
        case 'br':
          return '<br>';
        case 'link': {
          const href = safeHttpUrl(n.href);
          return href
            ? `<a href="${escapeHtml(href)}" rel="noopener noreferrer nofollow" target="_blank">${inlineToHtml(n.c)}</a>`
            : inlineToHtml(n.c);
        }
      }
    })
    .join('');
}
