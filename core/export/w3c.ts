import type { NotebookSnapshot, NoteDoc, SourceMeta, Tag } from '../model';
import { pagesOfRange } from '../documents/pdf-text';
import { APP_NAME, CodePointIndex, isIsoDateTime, stableGuid, tagNamePaths, Utf8Sink, type NoteFormatter } from './common';

/**
 * W3C Web Annotation export (https://www.w3.org/TR/annotation-model/): the notebook as one AnnotationCollection whose
 * first (and only) AnnotationPage embeds every Annotation.
 *
 * - Each highlight is one Annotation with one motivation: `commenting` when it has a note, else `tagging` when it
 *   has tags, else `highlighting`. Each tag is a TextualBody with purpose `tagging` whose value is the tag's path
 *   (`parent/child`); the note is a TextualBody with purpose `commenting`, format `text/markdown`.
 * - The target is the source (`urn:uuid:` IRI) with a TextQuoteSelector and, for highlights that are anchored, a
 *   TextPositionSelector. Positions count Unicode code points, as the model requires (our model counts UTF-16
 *   units); an orphan's stale position is left out, its quote is what finds it again.
 * - A source's notebook is a `commenting` Annotation whose target is the source itself; the project notebook one
 *   whose target is the collection.
 * - What the model has no place for (the source texts and metadata, the tag tree with kinds, colours, aliases)
 *   travels in the collection's `notebook` property, a JSON literal in our own namespace, so that our import can
 *   rebuild the whole notebook while other consumers see a plain collection.
 */

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Our namespace for the `notebook` extension property (an IRI that names it, never fetched). */
export const NOTEBOOK_NS = 'https://research-notebook.local/ns#';
export const NOTEBOOK_EXTENSION_VERSION = 1;

export interface W3CTextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix?: string;
  suffix?: string;
}

export interface W3CTextPositionSelector {
  type: 'TextPositionSelector';
  /** Unicode code points from the start of the source text. */
  start: number;
  end: number;
}

/** The page of a PDF a passage starts on, as RFC 3778 writes it ("page=4"). */
export interface W3CFragmentSelector {
  type: 'FragmentSelector';
  conformsTo: 'http://tools.ietf.org/rfc/rfc3778';
  value: string;
}

export type W3CSelector = W3CTextQuoteSelector | W3CTextPositionSelector | W3CFragmentSelector;

export interface W3CTextualBody {
  type: 'TextualBody';
  purpose: 'tagging' | 'commenting';
  value: string;
  format?: string;
}

export interface W3CAgent {
  id?: string;
  type: 'Person' | 'Software';
  name: string;
  email?: string;
}

export type W3CMotivation = 'highlighting' | 'tagging' | 'commenting';

export interface W3CAnnotation {
  '@context': typeof ANNO_CONTEXT;
  id: string;
  type: 'Annotation';
  motivation: W3CMotivation;
  created: string;
  modified: string;
  creator: W3CAgent;
  body?: W3CTextualBody[];
  /** A SpecificResource of the source, or the IRI of the source (or the collection) for a notebook note. */
  target: string | { source: string; selector: W3CSelector[] };
}

/** One source in the extension: its metadata, its IRI as used by targets, and its text. */
export interface W3CNotebookSource {
  id: string;
  iri: string;
  title: string;
  publisher: string;
  date: string;
  originalFile: string;
  contentHash: string;
  addedAt: string;
  furniture: Array<[number, number]>;
  text: string;
  kind?: SourceMeta['kind'];
  authors?: string[];
  url?: string;
  language?: string;
  dir?: 'ltr' | 'rtl';
  pageStarts?: number[];
}

/** Our own data that the Web Annotation model has no place for. */
export interface W3CNotebookExtension {
  version: typeof NOTEBOOK_EXTENSION_VERSION;
  title: string;
  sources: W3CNotebookSource[];
  /** The whole codebook; each tag's `path` is the value of its tagging bodies. */
  tags: Array<Tag & { path: string }>;
}

export interface W3CAnnotationPage {
  id: string;
  type: 'AnnotationPage';
  startIndex: 0;
  items: W3CAnnotation[];
}

export interface W3CAnnotationCollection {
  '@context': [typeof ANNO_CONTEXT, Record<string, unknown>];
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  generator: W3CAgent;
  generated: string;
  notebook: W3CNotebookExtension;
  first: W3CAnnotationPage;
}

export interface W3CExportOptions {
  /** The analyst, as the annotations' creator. */
  creator?: { name: string; email?: string };
  /** The app and version, as the collection's generator. */
  generatorName?: string;
}

/** The separator between tag names in a tagging body's value, as in Obsidian's nested tags. */
export const TAG_PATH_SEPARATOR = '/';

export const sourceIri = (sourceId: string): string => `urn:uuid:${stableGuid('source', sourceId)}`;
export const annotationIri = (highlightId: string): string => `urn:uuid:${stableGuid('highlight', highlightId)}`;
export const collectionIri = (snapshot: Pick<NotebookSnapshot, 'title'>): string =>
  `urn:uuid:${stableGuid('collection', snapshot.title)}`;

function isEmptyNote(formatter: NoteFormatter, note: NoteDoc | null): note is null {
  return !note || formatter.toPlainText(note).trim() === '';
}

/** Everything of the collection but its annotations, and the annotations one by one. */
function w3cParts(snapshot: NotebookSnapshot, formatter: NoteFormatter, options: W3CExportOptions) {
  const creator: W3CAgent = { type: 'Person', name: options.creator?.name ?? 'Analyst' };
  if (options.creator?.email) creator.email = `mailto:${options.creator.email.replace(/^mailto:/, '')}`;
  const paths = tagNamePaths(snapshot.tags);
  const tagValue = new Map<string, string>();
  for (const [id, p] of paths) tagValue.set(id, p.join(TAG_PATH_SEPARATOR));
  const citationLink = (c: { highlightId: string }): string => annotationIri(c.highlightId);
  const markdown = (note: NoteDoc): W3CTextualBody => ({
    type: 'TextualBody',
    purpose: 'commenting',
    format: 'text/markdown',
    value: formatter.toMarkdown(note, citationLink),
  });
  const collectionId = collectionIri(snapshot);
  const urlCount = urlCounts(snapshot);
  const noteAnnotation = (id: string, target: string, body: W3CTextualBody): W3CAnnotation => ({
    '@context': ANNO_CONTEXT,
    id,
    type: 'Annotation',
    motivation: 'commenting',
    created: snapshot.exportedAt,
    modified: snapshot.exportedAt,
    creator,
    body: [body],
    target,
  });

  function* annotations(): Generator<W3CAnnotation> {
    for (const source of snapshot.sources) {
      const iri = targetIri(source.meta, urlCount);
      const index = new CodePointIndex(source.text);
      for (const h of source.highlights) {
        const body: W3CTextualBody[] = [];
        for (const tagId of h.tagIds) {
          const value = tagValue.get(tagId);
          if (value !== undefined) body.push({ type: 'TextualBody', purpose: 'tagging', value });
        }
        const hasNote = !isEmptyNote(formatter, h.note);
        if (hasNote && h.note) body.push(markdown(h.note));
        const quote: W3CTextQuoteSelector = { type: 'TextQuoteSelector', exact: h.quote.exact };
        if (h.quote.prefix) quote.prefix = h.quote.prefix;
        if (h.quote.suffix) quote.suffix = h.quote.suffix;
        const selector: W3CSelector[] = [quote];
        if (!h.orphan) {
          selector.push({ type: 'TextPositionSelector', start: index.toCodePoint(h.start), end: index.toCodePoint(h.end) });
          const pages = pagesOfRange(source.meta.pageStarts, h.start, h.end);
          if (pages) selector.push({ type: 'FragmentSelector', conformsTo: 'http://tools.ietf.org/rfc/rfc3778', value: `page=${pages[0]}` });
        }
        const annotation: W3CAnnotation = {
          '@context': ANNO_CONTEXT,
          id: annotationIri(h.id),
          type: 'Annotation',
          motivation: hasNote ? 'commenting' : body.length > 0 ? 'tagging' : 'highlighting',
          // The model requires xsd:dateTime values; a missing stamp falls back to the export time.
          created: isIsoDateTime(h.createdAt) ? h.createdAt : snapshot.exportedAt,
          modified: isIsoDateTime(h.modifiedAt) ? h.modifiedAt : isIsoDateTime(h.createdAt) ? h.createdAt : snapshot.exportedAt,
          // Who made it (issue 19), else the exporting analyst.
          creator: h.creator ? { type: 'Person', name: h.creator } : creator,
          target: { source: iri, selector },
        };
        if (body.length > 0) annotation.body = body;
        yield annotation;
      }
      if (!isEmptyNote(formatter, source.note)) {
        yield noteAnnotation(`urn:uuid:${stableGuid('source-note', source.meta.id)}`, iri, markdown(source.note));
      }
    }
    if (!isEmptyNote(formatter, snapshot.projectNote)) {
      yield noteAnnotation(`urn:uuid:${stableGuid('project-note', snapshot.title)}`, collectionId, markdown(snapshot.projectNote));
    }
  }

  const head = {
    '@context': [
      ANNO_CONTEXT,
      { '@version': 1.1, nb: NOTEBOOK_NS, notebook: { '@id': 'nb:notebook', '@type': '@json' } },
    ] as W3CAnnotationCollection['@context'],
    id: collectionId,
    type: 'AnnotationCollection' as const,
    label: snapshot.title,
    generator: { type: 'Software', name: options.generatorName ?? APP_NAME } as W3CAgent,
    generated: snapshot.exportedAt,
    notebook: {
      version: NOTEBOOK_EXTENSION_VERSION,
      title: snapshot.title,
      sources: snapshot.sources.map((s) => extensionSource(s.meta, s.text, urlCount)),
      tags: snapshot.tags.map((t) => ({ ...t, path: tagValue.get(t.id) ?? t.name })),
    } as W3CNotebookExtension,
  };
  const page = { id: `urn:uuid:${stableGuid('page', snapshot.title, '0')}`, type: 'AnnotationPage' as const, startIndex: 0 as const };
  return { head, page, annotations };
}

/** The notebook as a W3C AnnotationCollection (a plain object: serialise with `serializeW3C`). */
export function exportW3C(
  snapshot: NotebookSnapshot,
  formatter: NoteFormatter,
  options: W3CExportOptions = {},
): W3CAnnotationCollection {
  const { head, page, annotations } = w3cParts(snapshot, formatter, options);
  const items = [...annotations()];
  return { ...head, total: items.length, first: { ...page, items } };
}

/**
 * The same collection as UTF-8 JSON bytes, ready to write: annotations are made, written and dropped one at a
 * time, so a 100,000-highlight export never holds them all (nor one huge string) in memory. This is the fast path
 * for writing files; `total` comes last, since it is known only at the end.
 */
export function exportW3CBytes(snapshot: NotebookSnapshot, formatter: NoteFormatter, options: W3CExportOptions = {}): Uint8Array {
  const { head, page, annotations } = w3cParts(snapshot, formatter, options);
  const sink = new Utf8Sink(4 << 20);
  const pageJson = JSON.stringify(page);
  sink.write(`${JSON.stringify(head).slice(0, -1)},"first":${pageJson.slice(0, -1)},"items":[`);
  let total = 0;
  for (const a of annotations()) {
    sink.write(total === 0 ? JSON.stringify(a) : `,${JSON.stringify(a)}`);
    total++;
  }
  sink.write(`]},"total":${total}}`);
  return sink.bytes();
}

/** How many exported sources have each URL: a web source is targeted by its address unless two share it. */
function urlCounts(snapshot: NotebookSnapshot): Map<string, number> {
  const urlCount = new Map<string, number>();
  for (const { meta } of snapshot.sources) if (meta.url) urlCount.set(meta.url, (urlCount.get(meta.url) ?? 0) + 1);
  return urlCount;
}

function targetIri(meta: SourceMeta, urlCount: ReadonlyMap<string, number>): string {
  return meta.url && urlCount.get(meta.url) === 1 ? meta.url : sourceIri(meta.id);
}

function extensionSource(meta: SourceMeta, text: string, urlCount: ReadonlyMap<string, number>): W3CNotebookSource {
  const facts = Object.fromEntries(
    (['kind', 'authors', 'url', 'language', 'dir', 'pageStarts'] as const).filter((k) => meta[k] !== undefined).map((k) => [k, meta[k]]),
  );
  return {
    ...facts,
    id: meta.id,
    iri: targetIri(meta, urlCount),
    title: meta.title,
    publisher: meta.publisher,
    date: meta.date,
    originalFile: meta.originalFile,
    contentHash: meta.contentHash,
    addedAt: meta.addedAt,
    furniture: meta.furniture,
    text,
  };
}

/** The collection as JSON-LD text. */
export function serializeW3C(collection: W3CAnnotationCollection, pretty = false): string {
  return JSON.stringify(collection, null, pretty ? 2 : undefined);
}
