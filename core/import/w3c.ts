import { describeRange } from '../anchoring/describe';
import { DEFAULT_HIGHLIGHT_COLOR, TAG_KINDS, type NoteDoc, type Tag, type TagKind, type TextQuote } from '../model';
import { CodePointIndex, derivedId, isIsoDateTime } from '../export/common';
import { TAG_PATH_SEPARATOR } from '../export/w3c';
import { checkSize, decodeUtf8, ImportError, MAX_ANNOTATION_FILE_BYTES } from './errors';
import {
  contentHash,
  plainNoteParser,
  type ImportedHighlight,
  type ImportedNotebook,
  type ImportedSource,
  type ImportOptions,
} from './model';
import { htmlToText } from './text-sources';
import { sentence, type MessageText } from '../i18n/message-text';

/**
 * W3C Web Annotation import: an AnnotationCollection (with embedded pages), an AnnotationPage, one Annotation or an
 * array of Annotations, from this app or another tool (Hypothesis, Recogito and the like).
 *
 * - Our own export carries the sources' texts and the codebook in the collection's `notebook` property: sources,
 *   tags (kind, colour, tree, aliases) and ids come back exactly.
 * - From other tools: tags are made from the tagging bodies' values (`a/b` nests b under a), highlights keep their
 *   target IRI as `sourceRef` and are listed in `missingSources` for the backend to match.
 * - TextPositionSelector counts code points (the model says so); if the quote is found at the positions read as
 *   UTF-16 units instead (tools written in JavaScript often do that), those are used.
 */

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = <T>(v: T | T[] | undefined | null): T[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
const hasType = (v: unknown, type: string): boolean => isObject(v) && asArray(v.type as string | string[]).includes(type);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const idOf = (v: unknown): string => (typeof v === 'string' ? v : isObject(v) ? str(v.id) || str(v['@id']) : '');

function wrongShape(fileName: string, detail: MessageText): ImportError {
  return new ImportError(fileName, 'wrong-shape', sentence('backend.import.w3c.chooseExport', { detail }));
}

/** Line and column of a JSON.parse error, when the engine says where. */
function jsonErrorPlace(text: string, message: string, say: (place: { line: number; column: number }) => MessageText): MessageText | null {
  const m = /position (\d+)/.exec(message);
  if (!m) return null;
  const pos = Number(m[1]);
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const col = pos - before.lastIndexOf('\n');
  return say({ line, column: col });
}

function parseJson(fileName: string, bytes: Uint8Array): unknown {
  checkSize(fileName, bytes.length, MAX_ANNOTATION_FILE_BYTES);
  const text = decodeUtf8(fileName, bytes).replace(/^\uFEFF/, '');
  if (!text.trim()) throw new ImportError(fileName, 'empty', sentence('backend.import.emptyFile'));
  try {
    return JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw new ImportError(
      fileName,
      'malformed-json',
      jsonErrorPlace(text, message, (place) => sentence('backend.import.badJsonAt', { ...place, reason: message })) ?? sentence('backend.import.badJson', { reason: message }),
    );
  }
}

/** A row of Hypothesis's API (search results, or a user's export): it has `uri`, `target` and no W3C `type`. */
const isHypothesisRow = (v: unknown): v is Json =>
  isObject(v) && v.type === undefined && Array.isArray(v.target) && (typeof v.uri === 'string' || typeof v.id === 'string');

/**
 * A Hypothesis API row as a W3C Annotation: its tags as tagging bodies, its text (Markdown) as a commenting body,
 * each target's source (or the row's uri) with its selectors as they are. Replies (rows with `references`) are
 * notes on other annotations, not on the text: they are left out and counted.
 */
function hypothesisToW3C(row: Json): Json {
  const tags = Array.isArray(row.tags) ? row.tags.filter((t): t is string => typeof t === 'string') : [];
  const body: Json[] = tags.map((value) => ({ type: 'TextualBody', purpose: 'tagging', value }));
  if (typeof row.text === 'string' && row.text.trim()) body.push({ type: 'TextualBody', purpose: 'commenting', format: 'text/markdown', value: row.text });
  const uri = str(row.uri);
  const target = (row.target as unknown[]).filter(isObject).map((t) => ({ source: str(t.source) || uri, ...(t.selector !== undefined ? { selector: t.selector } : {}) }));
  const links = isObject(row.links) ? row.links : {};
  return {
    type: 'Annotation',
    id: str(links.html) || (str(row.id) ? `urn:hypothesis:${str(row.id)}` : ''),
    ...(typeof row.created === 'string' ? { created: row.created } : {}),
    ...(typeof row.updated === 'string' ? { modified: row.updated } : {}),
    body,
    target: target.length ? target : [{ source: uri }],
  };
}

/** The annotations of any accepted top-level shape, with the collection (if any) they came in. */
function annotationsOf(fileName: string, root: unknown): { collection: Json | null; items: unknown[]; replies?: number } {
  // Hypothesis API JSON: `{ total, rows: [...] }` or the rows alone.
  const rows = isObject(root) && Array.isArray(root.rows) && root.type === undefined ? root.rows : Array.isArray(root) && root.some(isHypothesisRow) ? root : null;
  if (rows) {
    const annotations = rows.filter((r) => isHypothesisRow(r) && !(Array.isArray(r.references) && r.references.length > 0));
    return { collection: null, items: annotations.map((r) => hypothesisToW3C(r as Json)), replies: rows.length - annotations.length };
  }
  if (Array.isArray(root)) return { collection: null, items: root };
  if (!isObject(root)) throw wrongShape(fileName, sentence('backend.import.w3c.singleValue'));
  if (hasType(root, 'AnnotationCollection')) {
    const items: unknown[] = [];
    if (Array.isArray(root.items)) items.push(...root.items);
    let page: unknown = root.first;
    const seen = new Set<unknown>();
    while (page !== undefined && page !== null && !seen.has(page)) {
      seen.add(page);
      if (typeof page === 'string') {
        throw wrongShape(fileName, sentence('backend.import.w3c.linkedPage', { page: String(page) }));
      }
      if (!isObject(page) || !Array.isArray(page.items)) {
        throw wrongShape(fileName, sentence('backend.import.w3c.pageNoItems'));
      }
      items.push(...page.items);
      page = isObject(page.next) ? page.next : undefined;
    }
    return { collection: root, items };
  }
  if (hasType(root, 'AnnotationPage')) {
    if (!Array.isArray(root.items)) throw wrongShape(fileName, sentence('backend.import.w3c.annotationPageNoItems'));
    return { collection: null, items: root.items };
  }
  if (hasType(root, 'Annotation')) return { collection: null, items: [root] };
  const type = root.type === undefined ? 'no "type"' : `"type" ${JSON.stringify(root.type)}`;
  throw wrongShape(fileName, sentence('backend.import.w3c.notAnnotations', { type }));
}

interface Extension {
  title: string;
  sources: ImportedSource[];
  /** Source IRI -> source id. */
  iris: Map<string, string>;
  tags: Tag[];
}

const KINDS = ['text', 'markdown', 'html', 'pdf', 'docx'] as const;

/** A source's document facts in our extension (kind, authors, URL, language, direction, page starts), when valid. */
function documentFacts(s: Record<string, unknown>): Pick<ImportedSource, 'document'> {
  const kind = KINDS.find((k) => k === s.kind);
  if (!kind) return {};
  const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const pageStarts = Array.isArray(s.pageStarts) && s.pageStarts.every((n) => Number.isInteger(n) && n >= 0) ? (s.pageStarts as number[]) : undefined;
  const authors = strings(s.authors);
  return {
    document: {
      kind,
      ...(authors.length ? { authors } : {}),
      ...(typeof s.url === 'string' && /^https?:\/\//i.test(s.url) ? { url: s.url } : {}),
      ...(typeof s.language === 'string' && s.language ? { language: s.language } : {}),
      ...(s.dir === 'rtl' || s.dir === 'ltr' ? { dir: s.dir } : {}),
      ...(pageStarts ? { pageStarts } : {}),
    },
  };
}

/** Our own `notebook` extension, checked field by field (a damaged one is refused, not half-read). */
function readExtension(fileName: string, ext: unknown, hash: (text: string) => string): Extension | null {
  if (ext === undefined) return null;
  const bad = (what: MessageText): ImportError => wrongShape(fileName, sentence('backend.import.w3c.damaged', { what }));
  if (!isObject(ext) || !Array.isArray(ext.sources) || !Array.isArray(ext.tags)) throw bad(sentence('backend.import.w3c.noSourcesOrTags'));
  const iris = new Map<string, string>();
  const ids = new Set<string>();
  const sources = ext.sources.map((s, i): ImportedSource => {
    if (!isObject(s) || typeof s.id !== 'string' || typeof s.text !== 'string' || typeof s.iri !== 'string') {
      throw bad(sentence('backend.import.w3c.sourceIncomplete', { n: i + 1 }));
    }
    if (ids.has(s.id)) throw bad(sentence('backend.import.w3c.sourceTwice', { id: String(s.id) }));
    ids.add(s.id);
    iris.set(s.iri, s.id);
    const furniture = Array.isArray(s.furniture)
      ? s.furniture.filter((r): r is [number, number] => Array.isArray(r) && r.length === 2 && r.every(Number.isInteger))
      : null;
    return {
      id: s.id,
      title: str(s.title) || `Source ${i + 1}`,
      publisher: str(s.publisher),
      date: str(s.date),
      originalFile: str(s.originalFile),
      text: s.text,
      contentHash: hash(s.text),
      note: null,
      addedAt: isIsoDateTime(s.addedAt) ? s.addedAt : null,
      furniture,
      ...documentFacts(s),
    };
  });
  const tagIds = new Set<string>();
  const rawTags = ext.tags.map((t, i) => {
    if (!isObject(t) || typeof t.id !== 'string' || typeof t.name !== 'string') throw bad(sentence('backend.import.w3c.tagIncomplete', { n: i + 1 }));
    if (tagIds.has(t.id)) throw bad(sentence('backend.import.w3c.tagTwice', { id: String(t.id) }));
    tagIds.add(t.id);
    return t;
  });
  const tags = rawTags.map(
    (t): Tag => ({
      id: t.id as string,
      name: t.name as string,
      kind: (TAG_KINDS as readonly string[]).includes(str(t.kind)) ? (t.kind as TagKind) : 'other',
      color: /^#[0-9a-fA-F]{6}$/.test(str(t.color)) ? str(t.color).toLowerCase() : DEFAULT_HIGHLIGHT_COLOR,
      parentId: typeof t.parentId === 'string' && tagIds.has(t.parentId) ? t.parentId : null,
      description: str(t.description),
      aliases: Array.isArray(t.aliases) ? t.aliases.filter((a): a is string => typeof a === 'string') : [],
      createdAt: str(t.createdAt),
    }),
  );
  return { title: str(ext.title), sources, iris, tags };
}

/** Tags by path (`a/b`), creating the missing ones (and their parents) as needed. */
class TagTable {
  readonly tags: Tag[];
  private readonly byPath = new Map<string, string>();

  constructor(
    initial: Tag[],
    private readonly now: string,
  ) {
    this.tags = [...initial];
    const byId = new Map(initial.map((t) => [t.id, t]));
    const pathOf = (t: Tag, depth = 0): string => {
      const parent = t.parentId ? byId.get(t.parentId) : undefined;
      return parent && depth < 64 ? `${pathOf(parent, depth + 1)}${TAG_PATH_SEPARATOR}${t.name}` : t.name;
    };
    for (const t of initial) if (!this.byPath.has(pathOf(t))) this.byPath.set(pathOf(t), t.id);
  }

  idFor(value: string): string | null {
    const v = value.trim();
    if (!v) return null;
    const known = this.byPath.get(v);
    if (known) return known;
    const names = v.split(TAG_PATH_SEPARATOR).map((n) => n.trim());
    const segments = names.every(Boolean) ? names : [v];
    let parentId: string | null = null;
    let path = '';
    for (const name of segments) {
      path = path ? `${path}${TAG_PATH_SEPARATOR}${name}` : name;
      let id = this.byPath.get(path);
      if (!id) {
        id = derivedId('t', `tag:${path}`);
        this.byPath.set(path, id);
        this.tags.push({
          id,
          name,
          kind: 'other',
          color: DEFAULT_HIGHLIGHT_COLOR,
          parentId,
          description: '',
          aliases: [],
          createdAt: this.now,
        });
      }
      parentId = id;
    }
    return parentId;
  }
}

/**
 * The text quote and position of a target, wherever they sit: listed among its selectors, nested in a RangeSelector
 * (its start and end selectors: a position runs from the start's start to the end's start, as the model defines a
 * range; of a pair of quotes the start's is the hint anchoring starts from), or in a selector's `refinedBy` (a quote refining a
 * CSS or XPath selector; a position there counts within that element, so it is used only without a quote).
 * Depth-bounded: a hostile chain of refinements cannot recurse for ever.
 */
export function textSelectors(selector: unknown): { quoteSel?: Json; posSel?: Json } {
  let quoteSel: Json | undefined;
  let posSel: Json | undefined;
  let relativePos: Json | undefined;
  const visit = (value: unknown, depth: number, refined: boolean): void => {
    if (depth > 16) return;
    for (const s of asArray(value as unknown).filter(isObject)) {
      if (hasType(s, 'TextQuoteSelector')) quoteSel ??= s;
      else if (hasType(s, 'TextPositionSelector')) {
        if (refined) relativePos ??= s;
        else posSel ??= s;
      } else if (hasType(s, 'RangeSelector')) {
        const a = isObject(s.startSelector) ? s.startSelector : undefined;
        const b = isObject(s.endSelector) ? s.endSelector : undefined;
        if (a && b && hasType(a, 'TextPositionSelector') && hasType(b, 'TextPositionSelector') && !refined) {
          posSel ??= { type: 'TextPositionSelector', start: a.start, end: b.start };
        } else if (a && b && hasType(a, 'TextQuoteSelector') && hasType(b, 'TextQuoteSelector')) {
          quoteSel ??= { type: 'TextQuoteSelector', exact: `${str(a.exact)}`, prefix: str(a.prefix), suffix: '' };
        } else {
          visit(a?.refinedBy, depth + 1, true);
        }
      }
      if (s.refinedBy !== undefined) visit(s.refinedBy, depth + 1, true);
    }
  };
  visit(selector, 0, false);
  return { quoteSel, posSel: posSel ?? (quoteSel ? undefined : relativePos) };
}

interface SourceText {
  text: string;
  index: CodePointIndex;
}

/** Positions from a TextPositionSelector (code points, or UTF-16 units if that is where the quote is). */
function placeHighlight(
  src: SourceText | undefined,
  quoteSel: Json | undefined,
  posSel: Json | undefined,
): { start: number; end: number; quote: TextQuote; unanchorable: boolean } {
  const quote: TextQuote | null = quoteSel
    ? { exact: str(quoteSel.exact), prefix: str(quoteSel.prefix), suffix: str(quoteSel.suffix) }
    : null;
  const s = posSel ? posSel.start : undefined;
  const e = posSel ? posSel.end : undefined;
  const hasPos = Number.isInteger(s) && Number.isInteger(e) && (s as number) >= 0 && (e as number) >= (s as number);
  if (!src) {
    return { start: hasPos ? (s as number) : 0, end: hasPos ? (e as number) : 0, quote: quote ?? { exact: '', prefix: '', suffix: '' }, unanchorable: !quote?.exact };
  }
  const { text, index } = src;
  if (hasPos) {
    const cpStart = s as number;
    const cpEnd = e as number;
    const inCodePoints = cpEnd <= index.codePointLength;
    const start = inCodePoints ? index.toUtf16(cpStart) : cpStart;
    const end = inCodePoints ? index.toUtf16(cpEnd) : cpEnd;
    if (quote?.exact) {
      if (text.slice(start, end) === quote.exact) return { start, end, quote, unanchorable: false };
      if (cpEnd <= text.length && text.slice(cpStart, cpEnd) === quote.exact) {
        return { start: cpStart, end: cpEnd, quote, unanchorable: false };
      }
      return { start: Math.min(start, text.length), end: Math.min(end, text.length), quote, unanchorable: false };
    }
    if (end <= text.length && end > start) return { ...describeRange(text, start, end), unanchorable: false };
    return { start: 0, end: 0, quote: { exact: '', prefix: '', suffix: '' }, unanchorable: true };
  }
  if (quote?.exact) {
    // No position: a hint where the quote (best with its context) occurs; anchoring decides.
    const withContext = text.indexOf(quote.prefix + quote.exact + quote.suffix);
    const at = withContext >= 0 ? withContext + quote.prefix.length : text.indexOf(quote.exact);
    return at >= 0
      ? { start: at, end: at + quote.exact.length, quote, unanchorable: false }
      : { start: 0, end: 0, quote, unanchorable: false };
  }
  return { start: 0, end: 0, quote: { exact: '', prefix: '', suffix: '' }, unanchorable: true };
}

/** A body's note text and tag values. */
interface BodyContent {
  tags: string[];
  notes: Array<{ text: string; format: string }>;
}

function readBodies(annotation: Json): BodyContent {
  const out: BodyContent = { tags: [], notes: [] };
  const motivation = asArray(annotation.motivation as string | string[]);
  const visit = (body: unknown): void => {
    if (!isObject(body)) return; // A bare IRI is an external resource: nothing to bring in.
    if (hasType(body, 'Choice') && Array.isArray(body.items)) return visit(body.items[0]);
    if (typeof body.value !== 'string') return;
    const purpose = asArray(body.purpose as string | string[]);
    const tagging = purpose.includes('tagging') || (purpose.length === 0 && motivation.includes('tagging'));
    if (tagging) out.tags.push(body.value);
    else out.notes.push({ text: body.value, format: str(body.format) || 'text/plain' });
  };
  for (const b of asArray(annotation.body)) visit(b);
  if (typeof annotation.bodyValue === 'string') out.notes.push({ text: annotation.bodyValue, format: 'text/plain' });
  return out;
}

export function importW3C(fileName: string, bytes: Uint8Array, options: ImportOptions = {}): ImportedNotebook {
  const now = options.now ?? new Date().toISOString();
  const parser = options.notes ?? plainNoteParser;
  const root = parseJson(fileName, bytes);
  const { collection, items, replies } = annotationsOf(fileName, root);
  const ext = collection ? readExtension(fileName, collection.notebook, options.hash ?? contentHash) : null;
  const sources = ext?.sources ?? [];
  const sourceById = new Map(sources.map((s) => [s.id, s]));
  const iris = ext?.iris ?? new Map<string, string>();
  const texts = new Map<string, SourceText>();
  const textOf = (id: string): SourceText | undefined => {
    let t = texts.get(id);
    const s = sourceById.get(id);
    if (!t && s) texts.set(id, (t = { text: s.text, index: new CodePointIndex(s.text) }));
    return t;
  };
  const tagTable = new TagTable(ext?.tags ?? [], now);
  const collectionId = collection ? idOf(collection) : '';
  const highlights: ImportedHighlight[] = [];
  const missing = new Set<string>();
  const warnings: string[] = [];
  let projectNote: NoteDoc | null = null;
  let wholeResourceSkipped = 0;
  let noSelectorSkipped = 0;

  const toNote = (notes: BodyContent['notes']): NoteDoc | null => {
    if (notes.length === 0) return null;
    const md = notes.some((n) => n.format === 'text/markdown');
    const text = notes
      .map((n) => (n.format === 'text/html' ? htmlToText(n.text).text : n.text))
      .filter((t) => t.trim())
      .join('\n\n');
    if (!text.trim()) return null;
    return md ? parser.fromMarkdown(text) : parser.fromPlainText(text);
  };

  items.forEach((a, i) => {
    const where = isObject(a) && typeof a.id === 'string' ? sentence('backend.import.w3c.annotationWithId', { n: i + 1, id: a.id }) : sentence('backend.import.w3c.annotation', { n: i + 1 });
    if (!hasType(a, 'Annotation') || !isObject(a)) throw wrongShape(fileName, sentence('backend.import.w3c.notAnnotation', { where }));
    if (a.target === undefined || a.target === null) throw wrongShape(fileName, sentence('backend.import.w3c.noTarget', { where }));
    const targets = asArray(a.target as unknown);
    const specific = targets.find((t) => isObject(t) && t.selector !== undefined && idOf(t.source)) as Json | undefined;
    const body = readBodies(a);

    if (!specific) {
      // A whole-resource target: a notebook note on a source, or on the project (the collection).
      const iri = idOf(targets[0]) || (isObject(targets[0]) ? idOf(targets[0].source) : '');
      const sourceId = iris.get(iri);
      const note = toNote(body.notes);
      if (iri && iri === collectionId) projectNote = note ?? projectNote;
      else if (sourceId && sourceById.get(sourceId)) {
        const s = sourceById.get(sourceId);
        if (s && note) s.note = note;
      } else wholeResourceSkipped++;
      return;
    }

    const sourceIri = idOf(specific.source);
    const sourceId = iris.get(sourceIri);
    const { quoteSel, posSel } = textSelectors(specific.selector);
    if (!quoteSel && !posSel) {
      noSelectorSkipped++;
      return;
    }
    if (!sourceId) missing.add(sourceIri);
    const placed = placeHighlight(sourceId ? textOf(sourceId) : undefined, quoteSel, posSel);
    const tagIds: string[] = [];
    for (const value of body.tags) {
      const id = tagTable.idFor(value);
      if (id && !tagIds.includes(id)) tagIds.push(id);
    }
    const created = isIsoDateTime(a.created) ? a.created : now;
    highlights.push({
      id: derivedId('h', typeof a.id === 'string' && a.id ? a.id : `${fileName}#${i}`),
      sourceRef: sourceId ?? sourceIri,
      start: placed.start,
      end: placed.end,
      quote: placed.quote,
      tagIds,
      note: toNote(body.notes),
      unanchorable: placed.unanchorable,
      createdAt: created,
      modifiedAt: isIsoDateTime(a.modified) ? a.modified : created,
      ...(agentName(a.creator) ? { creator: agentName(a.creator) } : {}),
    });
  });

  if (wholeResourceSkipped > 0) {
    warnings.push(`${wholeResourceSkipped} annotation(s) on whole web resources were skipped: only annotations on passages of text are imported.`);
  }
  if (noSelectorSkipped > 0) {
    warnings.push(`${noSelectorSkipped} annotation(s) without a text quote or text position were skipped.`);
  }
  if (replies) warnings.push(`${replies} repl${replies === 1 ? 'y to another annotation was' : 'ies to other annotations were'} skipped: only annotations on passages of text are imported.`);
  if (missing.size > 0) {
    warnings.push(`${missing.size} annotated document(s) are not included in the file; their highlights need a matching source.`);
  }
  return {
    format: 'w3c',
    fileName,
    title: ext?.title || (collection ? str(collection.label) : ''),
    sources,
    tags: tagTable.tags,
    highlights,
    projectNote,
    missingSources: [...missing],
    warnings,
  };
}

/** A W3C `creator` as a name (issue 19): an Agent's `name` (or `nickname`), a plain string, or the first of a list. */
function agentName(creator: unknown): string | undefined {
  const one = Array.isArray(creator) ? creator[0] : creator;
  const name = typeof one === 'string' ? (/^(https?|mailto|urn):/i.test(one) ? '' : one) : isObject(one) ? (typeof one.name === 'string' ? one.name : typeof one.nickname === 'string' ? one.nickname : '') : '';
  const tidy = name.replace(/\s+/g, ' ').trim();
  return tidy ? tidy.slice(0, 200) : undefined;
}
