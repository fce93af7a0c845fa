import { Schema } from 'prosemirror-model';
import { schema as basic } from 'prosemirror-schema-basic';
import { addListNodes } from 'prosemirror-schema-list';

/** The notes schema: the basic nodes and marks (paragraph, headings, blockquote, rule, code, links, emphasis) plus lists. */
export const noteSchema = new Schema({
  nodes: addListNodes(basic.spec.nodes, 'paragraph block*', 'block'),
  marks: basic.spec.marks,
});
