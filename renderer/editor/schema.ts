/** The editor uses the one note schema of core/, so what the editor writes is what exports read. */
export { noteSchema, isSafeHref, isWebHref, citationText, withPages, type CitationAttrs } from '../../core/notes/schema';
export { noteFromJSON } from '../../core/notes/from-json';
