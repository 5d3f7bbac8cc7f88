import type { Answer } from '../types';
import { answerDocument, type Block } from './document';

/** Markdown's own characters in running text: escaped so a name like "A | B" stays text. */
const inline = (text: string): string => text.replace(/([\\`*_[\]<>|#])/g, '\\$1');

function table(block: Extract<Block, { kind: 'table' }>): string[] {
  const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [
    row(block.columns.map((column) => inline(column.label))),
    `|${block.columns.map((column) => (column.align === 'right' ? ' ---: ' : ' --- ')).join('|')}|`,
    ...block.rows.map((cells) => row(cells.map(inline))),
    ...(block.total ? [row(block.total.map((cell) => `**${inline(cell)}**`))] : []),
  ];
}

function render(block: Block): string[] {
  switch (block.kind) {
    case 'heading':
      return [`${'#'.repeat(block.level)} ${inline(block.text)}`];
    case 'paragraph':
      return [block.note ? `_${inline(block.text)}_` : inline(block.text)];
    case 'table':
      return table(block);
    case 'list':
      return block.items.map((item) => `${'  '.repeat(item.depth)}- ${inline(item.text)}`);
    case 'bars':
      // The table above it carries the same numbers; a text file has no chart.
      return [];
  }
}

/**
 * The answer as Markdown (.md): per sub-question the draft paragraphs, then the figures as
 * tables and the compact organigram as a nested list — the numbers as the screen writes them.
 */
export function answerMarkdown(answer: Answer): string {
  const parts = answerDocument(answer)
    .map(render)
    .filter((lines) => lines.length > 0)
    .map((lines) => lines.join('\n'));
  return `${parts.join('\n\n')}\n`;
}
