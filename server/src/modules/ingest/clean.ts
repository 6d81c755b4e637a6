import { createHash } from 'node:crypto';

import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

import { isFurniture } from '../../core/text/blocks.js';

/**
 * An uploaded or pasted document turned into the text a source stores: the words as published, one paragraph a
 * line, page furniture kept (the reader marks it). What was done is listed, for the revision that records it.
 */
export enum ImportFormat {
  TEXT = 'TEXT',
  HTML = 'HTML',
  MARKDOWN = 'MARKDOWN',
}

export interface CleanedDocument {
  text: string;
  /** A title the document gives, when it gives one. */
  title: string | null;
  byline: string | null;
  originalSha256: string;
  originalBytes: number;
  steps: string[];
}

const BLOCK_TAGS = new Set([
  'P',
  'DIV',
  'SECTION',
  'ARTICLE',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'BLOCKQUOTE',
  'PRE',
  'TR',
  'FIGCAPTION',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'UL',
  'OL',
  'TABLE',
]);

/** What the walk below reads of a DOM node. */
type HtmlNode = { nodeType: number; textContent: string | null; tagName?: string; childNodes: Iterable<HtmlNode> };

/** Text of an HTML fragment with a line break between blocks, inline markup dropped, spaces as written. */
function textOfHtml(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const parts: string[] = [];
  const walk = (node: HtmlNode) => {
    if (node.nodeType === 3) parts.push(node.textContent ?? '');
    else if (node.nodeType === 1) {
      if (node.tagName === 'BR') parts.push('\n');
      const block = BLOCK_TAGS.has(node.tagName ?? '');
      if (block) parts.push('\n\n');
      for (const child of node.childNodes) walk(child);
      if (block) parts.push('\n\n');
    }
  };
  walk(document.body);
  return parts.join('');
}

/** Blank lines between paragraphs, spaces within them folded; the words themselves untouched. */
function paragraphs(text: string): string {
  return text
    .split(/\n\s*\n+/)
    .map((paragraph) =>
      paragraph
        .replace(/[ \t\r\f\v\u00a0]*\n[ \t\r\f\v\u00a0]*/g, ' ')
        .replace(/[ \t\f\v\u00a0]{2,}/g, ' ')
        .trim(),
    )
    .filter((paragraph) => paragraph.length > 0)
    .join('\n\n');
}

function fromMarkdown(markdown: string): { text: string; title: string | null } {
  const title = /^#\s+(.+)$/m.exec(markdown)?.[1]?.trim() ?? null;
  const text = markdown
    .replace(/^```[\s\S]*?^```/gm, (block) => block.replace(/^```.*$/gm, ''))
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/^#{1,6}[ \t]+/gm, '')
    .replace(/^[ \t]{0,3}>[ \t]?/gm, '')
    .replace(/^[ \t]*[-*+][ \t]+/gm, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\w*])[*_]([^*_\n]+)[*_](?=[^\w*]|$)/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/^[ \t]*(-{3,}|\*{3,}|_{3,})[ \t]*$/gm, '');
  return { text, title };
}

export function cleanDocument(content: Buffer | string, format: ImportFormat): CleanedDocument {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const steps: string[] = [];
  let decoded = bytes.toString('utf8');
  if (decoded.includes('\ufffd') && !bytes.toString('latin1').includes('\ufffd')) {
    decoded = bytes.toString('latin1');
    steps.push('decoded as Latin-1: the bytes are not valid UTF-8');
  } else steps.push('decoded as UTF-8');
  if (decoded.charCodeAt(0) === 0xfeff) {
    decoded = decoded.slice(1);
    steps.push('byte-order mark removed');
  }
  if (/\r\n?/.test(decoded)) {
    decoded = decoded.replace(/\r\n?/g, '\n');
    steps.push('line endings made \\n');
  }
  let title: string | null = null;
  let byline: string | null = null;
  let text = decoded;
  if (format === ImportFormat.HTML) {
    const { document } = parseHTML(decoded);
    const article = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
    if (article?.content) {
      text = textOfHtml(article.content);
      title = article.title?.trim() || null;
      byline = article.byline?.trim() || null;
      steps.push('HTML reduced to its article by @mozilla/readability (navigation, asides and scripts left out)');
    } else {
      text = textOfHtml(document.body?.innerHTML ?? decoded);
      steps.push('HTML has no recognisable article: the whole body kept as text');
    }
  } else if (format === ImportFormat.MARKDOWN) {
    ({ text, title } = fromMarkdown(decoded));
    steps.push('Markdown markup removed (headings, emphasis, links kept as their words, images dropped)');
  }
  const normalised = paragraphs(text);
  if (normalised !== text) steps.push('paragraphs separated by one blank line; spaces within lines folded');
  return {
    text: normalised,
    title,
    byline,
    originalSha256: createHash('sha256').update(bytes).digest('hex'),
    originalBytes: bytes.length,
    steps,
  };
}

export function formatOfFile(name: string): ImportFormat {
  if (/\.html?$/i.test(name)) return ImportFormat.HTML;
  if (/\.(md|markdown)$/i.test(name)) return ImportFormat.MARKDOWN;
  return ImportFormat.TEXT;
}

/**
 * The title to store: the one the document gives, else its first line; never a menu, a date or a byline ("Video
 * Gallery ePaper Archive …" as the title of a page whose headline comes after it): the first line that is none.
 */
export function titleOf(cleaned: Pick<CleanedDocument, 'text' | 'title'>): string {
  if (cleaned.title && !isFurniture(cleaned.title)) return cleaned.title;
  const lines = cleaned.text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return (lines.find((line) => !isFurniture(line)) ?? lines[0] ?? cleaned.title ?? '').slice(0, 300);
}
