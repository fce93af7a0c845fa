/**
 * Notes as Markdown, with prosemirror-markdown. A citation becomes a blockquote of its quote whose last line says
 * where it comes from: `> — [Source title](#^h-<highlightId>)`, or `> — Source title (deleted passage)`.
 * Never throws on an old or malformed document: what the schema cannot read is kept as text.
 */
import { MarkdownSerializer, defaultMarkdownSerializer, type MarkdownSerializerState } from 'prosemirror-markdown';
import type { Node as PMNode } from 'prosemirror-model';
import type { NoteDoc } from '../model';
import { noteFromJSON, jsonText } from './from-json';
import type { CitationAttrs } from './schema';
import { DEFAULT_SOURCE_TITLE, quoteParagraphs, type NoteExportOptions } from './citation-format';

import { noteToPlainText } from './plain-text';
import { noteToHtml } from './html';
import type { CitationTarget } from './citation-format';

export type { NoteExportOptions, CitationTarget } from './citation-format';
export { noteToPlainText, noteToHtml };

const defaultLink: Required<NoteExportOptions>['citationLink'] = (c) => `#^h-${c.highlightId}`;

function markdownSerializer(options: NoteExportOptions): MarkdownSerializer {
  const link = options.citationLink ?? defaultLink;
  const base = defaultMarkdownSerializer.nodes;
  return new MarkdownSerializer(
    {
      doc: (state, node) => state.renderContent(node),
      paragraph: base.paragraph,
      heading: base.heading,
      blockquote: base.blockquote,
      horizontal_rule: (state, node) => {
        state.write('---');
        state.closeBlock(node);
      },
      bullet_list: (state, node) => state.renderList(node, '  ', () => '- '),
      ordered_list: base.ordered_list,
      list_item: base.list_item,
      hard_break: base.hard_break,
      text: base.text,
      citation: (state: MarkdownSerializerState, node: PMNode) => {
        const a = node.attrs as CitationAttrs;
        const title = state.esc(a.sourceTitle || DEFAULT_SOURCE_TITLE);
        state.wrapBlock('> ', null, node, () => {
          for (const paragraph of quoteParagraphs(a.quote)) {
            state.text(paragraph);
            state.closeBlock(node);
          }
          if (a.deleted) {
            state.write(`— ${title}${a.pages ? `, ${state.esc(a.pages)}` : ''} (deleted passage)`);
          } else {
            const href = link({ highlightId: a.highlightId, sourceId: a.sourceId, sourceTitle: a.sourceTitle }).replace(/[()\s]/g, (c) => (c === ' ' ? '%20' : `\\${c}`));
            state.write(`— [${title}](${href})${a.pages ? `, ${state.esc(a.pages)}` : ''}`);
          }
        });
      },
    },
    defaultMarkdownSerializer.marks,
    // Unknown nodes render their content instead of throwing. `<` and `&` are escaped too: Obsidian renders raw
    // HTML, so a note's `<script>` or `<img onerror>` must come out as text, never as markup.
    { strict: false, escapeExtraCharacters: /[<&]/g },
  );
}

export function noteToMarkdown(doc: NoteDoc, options: NoteExportOptions = {}): string {
  try {
    const node = noteFromJSON(doc);
    const serializer = markdownSerializer(options);
    // Block by block: prosemirror-markdown re-scans its whole output at every block (atBlank), so one long note
    // serialised at once is quadratic (seconds for 50,000 words); per block it is linear and the text identical.
    const parts: string[] = [];
    let previous: PMNode | null = null;
    node.forEach((block) => {
      const text = serializer.serialize(node.type.create(null, block), { tightLists: true }).replace(/^\n+/, '').trimEnd();
      // An empty paragraph has no Markdown form (blank lines collapse); leaving it out keeps the spacing even.
      if (!text.trim()) return;
      // Two lists of the same kind in a row are kept apart by an extra blank line, as the serializer does.
      if (parts.length) parts.push(previous && previous.type === block.type && /_list$/.test(block.type.name) ? '\n\n\n' : '\n\n');
      parts.push(text);
      previous = block;
    });
    // trimEnd, not trim: a padded first number (" 9. nine" above "10. ten") starts with a space.
    return parts.join('').trimEnd();
  } catch {
    return jsonText(doc).trim();
  }
}

/**
 * The three text forms in one object, shaped like the NoteFormatter that the export formats take
 * (core/export/common.ts): `noteFormatter.toMarkdown(doc, link)` and so on.
 */
export const noteFormatter = {
  toMarkdown: (doc: NoteDoc, citationLink?: (c: CitationTarget) => string): string => noteToMarkdown(doc, { citationLink }),
  toPlainText: (doc: NoteDoc): string => noteToPlainText(doc),
  toHtml: (doc: NoteDoc): string => noteToHtml(doc),
};
