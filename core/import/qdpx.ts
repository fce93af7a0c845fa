import { listZipEntries } from './zip-entries';
import { inflateEntries } from './zip-inflate';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { describeRange } from '../anchoring/describe';
import { CodePointIndex, derivedId, isIsoDate, isIsoDateTime, GUID_PATTERN } from '../export/common';
import { ALIASES_PREFIX, KIND_SET_PREFIX, VARIABLE_NAMES } from '../export/refi-qda';
import { DEFAULT_HIGHLIGHT_COLOR, TAG_KINDS, type NoteDoc, type Tag, type TagKind } from '../model';
import {
  checkSize,
  decodeUtf8,
  formatBytes,
  ImportError,
  MAX_ANNOTATION_FILE_BYTES,
  MAX_UNZIPPED_BYTES,
} from './errors';
import { decideOffsetUnit, describeUnit, readSelection, selectionFits } from './qdpx-offsets';
import type { ProjectIdentity, VariableDef, VariableType } from '../model';
import { VARIABLE_TYPES } from '../model';
import { contentHash, plainNoteParser, type ImportedCollection, type ImportedTagGroup, type ImportedHighlight, type ImportedNotebook, type ImportedSource, type ImportOptions } from './model';
import { sentence, type MessageText, type TextValue } from '../i18n/message-text';

/**
 * REFI-QDA project import (.qdpx): from this app or another QDA tool (ATLAS.ti, MAXQDA, NVivo, QualCoder ...).
 *
 * The zip is opened with limits, all checked from its central directory before anything is inflated: every entry
 * must stay inside the archive's folder (no `..`, no absolute paths), the sizes its headers declare must add up to at
 * most 500 MB (a zip bomb is refused before it expands), every byte inflated is counted (an entry that yields more
 * than it declared is stopped there: headers can lie), and
 * `project.qde` must be there. The XML is read by saxes, a strict (well-formedness checking) non-validating parser
 * that resolves no external entities; a DOCTYPE or ENTITY declaration is refused outright, since REFI-QDA never needs
 * one and it is how XXE and billion-laughs attacks start.
 *
 * Text sources come from `sources/<file>` (`internal://` paths) or inline PlainTextContent; selections' code point
 * positions become UTF-16 offsets with their quote read from the text; codes become tags (kind from our
 * "Tag kind: …" sets, else theme), and notes referenced from selections, codings, sources and the project become
 * notes. Unreferenced notes (other tools' memos) are added to the project notebook so nothing is lost.
 */

const textOf = (d: Uint8Array, fileName: string, what: TextValue): string => {
  try {
    return decodeUtf8(fileName, d).replace(/^\uFEFF/, '');
  } catch (e) {
    if (e instanceof ImportError) throw new ImportError(fileName, 'invalid-utf8', sentence('backend.import.qdpx.notUtf8', { what }));
    throw e;
  }
};

/** Why a zip entry's name is unsafe to extract, or null. */
function unsafeEntry(name: string): MessageText | null {
  const n = name.replace(/\\/g, '/');
  if (n.startsWith('/') || /^[A-Za-z]:/.test(n)) return sentence('backend.import.qdpx.absolutePath');
  if (n.split('/').some((seg) => seg === '..')) return sentence('backend.import.qdpx.climbsOut');
  if (n.includes('\u0000')) return sentence('backend.import.qdpx.nul');
  return null;
}

function openZip(fileName: string, bytes: Uint8Array): Record<string, Uint8Array> {
  checkSize(fileName, bytes.length, MAX_ANNOTATION_FILE_BYTES);
  // A first pass over the central directory only: every entry listed, none inflated.
  const infos = listZipEntries(bytes);
  if (!infos) throw new ImportError(fileName, 'not-qdpx', sentence('backend.import.qdpx.notZip'));
  let total = 0;
  for (const f of infos) {
    const why = unsafeEntry(f.name);
    if (why) {
      throw new ImportError(fileName, 'unsafe-path', sentence('backend.import.qdpx.unsafeEntry', { entry: f.name, why }));
    }
    total += f.declaredSize;
  }
  if (total > MAX_UNZIPPED_BYTES) {
    throw new ImportError(
      fileName,
      'zip-bomb',
      sentence('backend.import.wouldExpand', { size: formatBytes(total), limit: formatBytes(MAX_UNZIPPED_BYTES) }),
    );
  }
  const project = infos.find((f) => f.name.toLowerCase() === 'project.qde');
  if (!project) {
    throw new ImportError(fileName, 'not-qdpx', sentence('backend.import.qdpx.noProject'));
  }
  // Streamed and counted: an entry whose header understates its size is stopped at the byte that betrays it.
  return inflateEntries(
    fileName,
    bytes,
    infos,
    (f) => f.name === project.name || f.name.replace(/\\/g, '/').toLowerCase().startsWith('sources/'),
    MAX_UNZIPPED_BYTES,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Reading project.qde

interface QdeCode {
  guid: string;
  parentGuid: string | null;
  name: string;
  color: string;
  description: string;
  isCodable: boolean;
}
interface QdeSelection {
  guid: string;
  start: number;
  end: number;
  created: string;
  modified: string;
  codes: string[];
  /** Coding GUIDs by code GUID. */
  codings: Map<string, string>;
  notes: string[];
  name: string;
  description: string;
  creatingUser: string;
  modifyingUser: string;
}
/** A Set of sources (MAXQDA document set) or a Case. */
interface QdeGroup {
  guid: string;
  name: string;
  description: string;
  sources: string[];
  /** Code GUIDs of a Set (ATLAS.ti code groups). */
  codes: string[];
  variables: Array<{ ref: string; value: string }>;
}
interface QdeVariable {
  name: string;
  type: string;
  description: string;
}
interface QdeSource {
  guid: string;
  name: string;
  plainTextPath: string;
  inlineText: string | null;
  created: string;
  selections: QdeSelection[];
  notes: string[];
  variables: Array<{ ref: string; value: string }>;
  wholeCodings: number;
  creatingUser: string;
  /** A PDFSource: the PDF's path in the archive ('' when it has none); the text is its Representation's. */
  pdfPath?: string;
}
interface QdeNote {
  guid: string;
  name: string;
  plainTextPath: string;
  inlineText: string | null;
}
interface Qde {
  name: string;
  origin: string;
  creatingUser: string;
  created: string;
  users: Array<{ guid: string; name: string }>;
  sets: QdeGroup[];
  cases: QdeGroup[];
  variableDefs: Map<string, QdeVariable>;
  codes: QdeCode[];
  /** Code guid -> kind, from our "Tag kind: …" sets. */
  kinds: Map<string, TagKind>;
  variables: Map<string, string>;
  sources: QdeSource[];
  notes: QdeNote[];
  projectNotes: string[];
  otherSources: number;
}

const local = (name: string): string => name.slice(name.indexOf(':') + 1);
const NON_TEXT_SOURCES = new Set(['PictureSource', 'AudioSource', 'VideoSource']);
/** Elements whose children are a source's selections, codings, notes and variables: a TextSource, or a PDFSource and its text Representation. */
const SOURCE_ELEMENTS = new Set(['TextSource', 'Representation', 'PDFSource']);

/** A source's document facts from our variables (authors, URL, language) and, for a PDFSource, its PDF. */
function documentOf(s: QdeSource, variable: (name: string) => string, files: Record<string, Uint8Array>): Pick<ImportedSource, 'document'> {
  const authors = variable(VARIABLE_NAMES.authors).split(/\s*;\s*/).filter(Boolean);
  const url = variable(VARIABLE_NAMES.url);
  const language = variable(VARIABLE_NAMES.language);
  const pdfBytes = s.pdfPath ? entryFor(files, s.pdfPath) : undefined;
  if (s.pdfPath === undefined && !authors.length && !url && !language) return {};
  return {
    document: {
      kind: s.pdfPath !== undefined ? 'pdf' : 'text',
      ...(authors.length ? { authors } : {}),
      ...(/^https?:\/\//i.test(url) ? { url } : {}),
      ...(language ? { language } : {}),
      ...(pdfBytes ? { original: { bytes: pdfBytes, extension: 'pdf' } } : {}),
    },
  };
}

function readQde(fileName: string, xml: string, what: TextValue = 'project.qde'): Qde {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
    throw new ImportError(
      fileName,
      'xml-entities',
      sentence('backend.import.qdpx.entities', { what }),
    );
  }
  const q: Qde = {
    name: '',
    origin: '',
    creatingUser: '',
    created: '',
    users: [],
    sets: [],
    cases: [],
    variableDefs: new Map(),
    codes: [],
    kinds: new Map(),
    variables: new Map(),
    sources: [],
    notes: [],
    projectNotes: [],
    otherSources: 0,
  };
  const stack: string[] = [];
  const codeStack: QdeCode[] = [];
  let source: QdeSource | null = null;
  let pdf: { guid: string; name: string; path: string; created: string; creatingUser: string } | null = null;
  let selection: QdeSelection | null = null;
  let coding: { codes: string[]; guid: string } | null = null;
  let note: QdeNote | null = null;
  let kindSet: TagKind | null = null;
  let group: QdeGroup | null = null;
  let variableDef: QdeVariable | null = null;
  let variableValue: { ref: string; value: string } | null = null;
  let skipDepth = 0;
  let text = '';

  const parser = new SaxesParser<{ position: true; xmlns: false }>({ position: true, xmlns: false });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const name = local(tag.name);
    const parent = stack[stack.length - 1];
    stack.push(name);
    text = '';
    if (skipDepth > 0) {
      skipDepth++;
      return;
    }
    const a = tag.attributes;
    switch (name) {
      case 'Project':
        if (stack.length === 1) {
          q.name = a.name ?? '';
          q.origin = a.origin ?? '';
          q.creatingUser = a.creatingUserGUID ?? '';
          q.created = a.creationDateTime ?? '';
        }
        break;
      case 'User':
        if (parent === 'Users' && a.guid) q.users.push({ guid: a.guid, name: a.name ?? a.id ?? '' });
        break;
      case 'Case':
        if (parent === 'Cases') {
          group = { guid: a.guid ?? '', name: a.name ?? '', description: '', sources: [], codes: [], variables: [] };
          q.cases.push(group);
        }
        break;
      case 'SourceRef':
        if (group && parent === 'Case' && a.targetGUID) group.sources.push(a.targetGUID);
        break;
      case 'MemberSource':
        if (group && parent === 'Set' && (a.targetGUID || a.guid)) group.sources.push(a.targetGUID ?? a.guid);
        break;
      case 'Code': {
        const code: QdeCode = {
          guid: a.guid ?? '',
          parentGuid: codeStack.length > 0 ? codeStack[codeStack.length - 1].guid : null,
          name: a.name ?? '',
          color: a.color ?? '',
          description: '',
          isCodable: a.isCodable !== 'false' && a.isCodable !== '0',
        };
        q.codes.push(code);
        codeStack.push(code);
        break;
      }
      case 'Set': {
        const setName = a.name ?? '';
        const kind = setName.startsWith(KIND_SET_PREFIX) ? setName.slice(KIND_SET_PREFIX.length).trim() : '';
        kindSet = (TAG_KINDS as readonly string[]).includes(kind) ? (kind as TagKind) : null;
        if (!kindSet && parent === 'Sets') {
          group = { guid: a.guid ?? '', name: setName, description: '', sources: [], codes: [], variables: [] };
          q.sets.push(group);
        }
        break;
      }
      case 'MemberCode':
        if (kindSet && (a.targetGUID || a.guid)) q.kinds.set(canonicalGuid(a.targetGUID ?? a.guid), kindSet);
        else if (group && parent === 'Set' && (a.targetGUID || a.guid)) group.codes.push(a.targetGUID ?? a.guid);
        break;
      case 'Variable':
        if (parent === 'Variables' && a.guid) {
          q.variables.set(a.guid, a.name ?? '');
          variableDef = { name: a.name ?? '', type: a.typeOfVariable ?? 'Text', description: '' };
          q.variableDefs.set(a.guid, variableDef);
        }
        break;
      case 'TextSource':
        if (parent === 'Sources') {
          source = {
            guid: a.guid ?? '',
            name: a.name ?? '',
            plainTextPath: a.plainTextPath ?? '',
            inlineText: null,
            created: a.creationDateTime ?? '',
            selections: [],
            notes: [],
            variables: [],
            wholeCodings: 0,
            creatingUser: a.creatingUser ?? '',
          };
          q.sources.push(source);
        }
        break;
      case 'PDFSource':
        if (parent === 'Sources') pdf = { guid: a.guid ?? '', name: a.name ?? '', path: a.path ?? '', created: a.creationDateTime ?? '', creatingUser: a.creatingUser ?? '' };
        break;
      case 'Representation':
        if (pdf && parent === 'PDFSource') {
          source = {
            guid: pdf.guid,
            name: pdf.name || (a.name ?? ''),
            plainTextPath: a.plainTextPath ?? '',
            inlineText: null,
            created: pdf.created,
            selections: [],
            notes: [],
            variables: [],
            wholeCodings: 0,
            creatingUser: pdf.creatingUser,
            pdfPath: pdf.path,
          };
          q.sources.push(source);
        }
        break;
      case 'Note':
        if (parent === 'Notes') {
          note = { guid: a.guid ?? '', name: a.name ?? '', plainTextPath: a.plainTextPath ?? '', inlineText: null };
          q.notes.push(note);
        }
        break;
      case 'PlainTextSelection':
        if (source && (parent === 'TextSource' || parent === 'Representation')) {
          selection = {
            guid: a.guid ?? '',
            start: Number(a.startPosition),
            end: Number(a.endPosition),
            created: a.creationDateTime ?? '',
            modified: a.modifiedDateTime ?? '',
            codes: [],
            codings: new Map(),
            notes: [],
            name: a.name ?? '',
            description: '',
            creatingUser: a.creatingUser ?? '',
            modifyingUser: a.modifyingUser ?? '',
          };
          source.selections.push(selection);
        }
        break;
      case 'Coding':
        if (selection && parent === 'PlainTextSelection') coding = { codes: selection.codes, guid: a.guid ?? '' };
        else if (source && SOURCE_ELEMENTS.has(parent)) source.wholeCodings++;
        break;
      case 'CodeRef':
        if (coding && parent === 'Coding' && a.targetGUID) {
          coding.codes.push(a.targetGUID);
          if (coding.guid && selection) selection.codings.set(a.targetGUID, coding.guid);
        }
        break;
      case 'NoteRef': {
        const target = a.targetGUID;
        if (!target) break;
        if (selection && (parent === 'PlainTextSelection' || parent === 'Coding')) selection.notes.push(target);
        else if (source && SOURCE_ELEMENTS.has(parent)) source.notes.push(target);
        else if (parent === 'Project') q.projectNotes.push(target);
        break;
      }
      case 'VariableValue':
        if (source && SOURCE_ELEMENTS.has(parent)) {
          variableValue = { ref: '', value: '' };
          source.variables.push(variableValue);
        } else if (group && parent === 'Case') {
          variableValue = { ref: '', value: '' };
          group.variables.push(variableValue);
        }
        break;
      case 'VariableRef':
        if (variableValue && parent === 'VariableValue') variableValue.ref = a.targetGUID ?? '';
        break;
      default:
        if (NON_TEXT_SOURCES.has(name) && parent === 'Sources') {
          q.otherSources++;
          skipDepth = 1;
        }
    }
  });
  parser.on('text', (t) => {
    if (skipDepth === 0) text += t;
  });
  parser.on('cdata', (t) => {
    if (skipDepth === 0) text += t;
  });
  parser.on('closetag', (tag: SaxesTagPlain) => {
    const name = local(tag.name);
    stack.pop();
    const parent = stack[stack.length - 1];
    if (skipDepth > 0) {
      skipDepth--;
      return;
    }
    switch (name) {
      case 'Code':
        codeStack.pop();
        break;
      case 'Description':
        if (parent === 'Code' && codeStack.length > 0) codeStack[codeStack.length - 1].description = text;
        else if (parent === 'PlainTextSelection' && selection) selection.description = text;
        else if ((parent === 'Set' || parent === 'Case') && group) group.description = text.trim();
        else if (parent === 'Variable' && variableDef) variableDef.description = text.trim();
        break;
      case 'Set':
        kindSet = null;
        group = null;
        break;
      case 'Case':
        group = null;
        break;
      case 'Variable':
        variableDef = null;
        break;
      case 'PlainTextContent':
        if (note && parent === 'Note') note.inlineText = text;
        else if (source && (parent === 'TextSource' || parent === 'Representation')) source.inlineText = text;
        break;
      case 'TextValue':
      case 'DateValue':
      case 'DateTimeValue':
      case 'IntegerValue':
      case 'FloatValue':
      case 'BooleanValue':
        if (variableValue && parent === 'VariableValue') variableValue.value = text.trim();
        break;
      case 'VariableValue':
        variableValue = null;
        break;
      case 'Coding':
        coding = null;
        break;
      case 'PlainTextSelection':
        selection = null;
        break;
      case 'TextSource':
        if (parent === 'Sources') source = null;
        break;
      case 'PDFSource':
        if (parent === 'Sources') {
          // A PDF without a text Representation has nothing this app can read: skipped, and said so.
          if (!source) q.otherSources++;
          source = null;
          pdf = null;
        }
        break;
      case 'Note':
        if (parent === 'Notes') note = null;
        break;
    }
    text = '';
  });
  try {
    parser.write(xml).close();
  } catch (e) {
    const raw = e instanceof Error ? e.message : String(e);
    const m = /(\d+):(\d+): (.*?)\.?$/.exec(raw);
    const where = m ? sentence('backend.import.qdpx.xmlPlace', { line: m[1], column: m[2], reason: m[3] }) : raw;
    throw new ImportError(fileName, 'malformed-xml', sentence('backend.import.qdpx.badXml', { what, where }));
  }
  return q;
}

/** The root element's local name, to tell a REFI-QDA project from any other XML. */
function rootName(xml: string): string {
  const m = /<(?!\?|!)([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/.exec(xml);
  return m ? m[2] : '';
}

/** `#abc` and `#AABBCC` to `#aabbcc`; anything else to the default colour. */
function normaliseColor(c: string): string {
  const m = /^#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$/.exec(c.trim());
  if (!m) return DEFAULT_HIGHLIGHT_COLOR;
  const hex = m[1].length === 3 ? [...m[1]].map((x) => x + x).join('') : m[1];
  return `#${hex.toLowerCase()}`;
}

/** A Code's Description split into our description and aliases (the "Aliases: a; b" last paragraph). */
function splitDescription(d: string): { description: string; aliases: string[] } {
  const text = d.replace(/\r\n?/g, '\n').trim();
  const at = text.lastIndexOf(ALIASES_PREFIX);
  if (at >= 0 && (at === 0 || text.slice(0, at).endsWith('\n\n')) && !text.slice(at).includes('\n')) {
    const aliases = text
      .slice(at + ALIASES_PREFIX.length)
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean);
    return { description: text.slice(0, at).trim(), aliases };
  }
  return { description: text, aliases: [] };
}

/** The archive entry an internal:// path names (`internal://x.txt` is `sources/x.txt`). */
function entryFor(files: Record<string, Uint8Array>, path: string): Uint8Array | undefined {
  if (!path.startsWith('internal://')) return undefined;
  const want = `sources/${path.slice('internal://'.length)}`;
  if (files[want]) return files[want];
  const lower = want.toLowerCase();
  const key = Object.keys(files).find((k) => k.replace(/\\/g, '/').toLowerCase() === lower);
  return key ? files[key] : undefined;
}

/** Codes -> tags (kind from our "Tag kind: …" sets), each keeping its GUID and isCodable. */
function tagsOf(fileName: string, q: Qde, now: string, what: TextValue): { tagIdOf: Map<string, string>; tags: Tag[] } {
  const tagIdOf = new Map<string, string>();
  for (const c of q.codes) {
    if (!GUID_PATTERN.test(c.guid)) throw new ImportError(fileName, 'wrong-shape', sentence('backend.import.qdpx.badGuid', { what, code: c.name }));
    tagIdOf.set(canonicalGuid(c.guid), derivedId('t', canonicalGuid(c.guid)));
  }
  const tags: Tag[] = q.codes.map((c) => {
    const { description, aliases } = splitDescription(c.description);
    return {
      id: tagIdOf.get(canonicalGuid(c.guid)) as string,
      name: c.name || 'Unnamed code',
      kind: q.kinds.get(canonicalGuid(c.guid)) ?? 'theme',
      color: normaliseColor(c.color),
      parentId: c.parentGuid ? (tagIdOf.get(canonicalGuid(c.parentGuid)) ?? null) : null,
      description,
      aliases,
      createdAt: now,
      guid: canonicalGuid(c.guid),
      ...(c.isCodable ? {} : { isCodable: false }),
    };
  });
  return { tagIdOf, tags };
}

/**
 * A REFI-QDA codebook (.qdc: ATLAS.ti, Taguette, MAXQDA, NVivo): its codes become tags (tree, colours, descriptions,
 * GUIDs kept); the backend merges them into the notebook's tree by path (and by GUID), with a preview of what is new,
 * renamed or in conflict.
 */
export function importQdc(fileName: string, bytes: Uint8Array, options: ImportOptions = {}): ImportedNotebook {
  const now = options.now ?? new Date().toISOString();
  checkSize(fileName, bytes.length, MAX_ANNOTATION_FILE_BYTES);
  const codebook = sentence('backend.import.qdpx.theCodebook');
  const xml = textOf(bytes, fileName, codebook);
  if (rootName(xml) !== 'CodeBook') {
    throw new ImportError(fileName, 'wrong-shape', sentence('backend.import.qdpx.notCodebook', { root: rootName(xml) || '?' }));
  }
  const q = readQde(fileName, xml, codebook);
  if (q.codes.length === 0) throw new ImportError(fileName, 'empty', sentence('backend.import.qdpx.noCodes'));
  const { tags, tagIdOf } = tagsOf(fileName, q, now, codebook);
  const tagGroups = tagGroupsOf(q, tagIdOf);
  return { format: 'qdc', fileName, title: '', sources: [], tags, highlights: [], projectNote: null, missingSources: [], warnings: [], ...(tagGroups.length ? { tagGroups } : {}) };
}

export function importQdpx(fileName: string, bytes: Uint8Array, options: ImportOptions = {}): ImportedNotebook {
  const now = options.now ?? new Date().toISOString();
  const parser = options.notes ?? plainNoteParser;
  const hash = options.hash ?? contentHash;
  const files = openZip(fileName, bytes);
  const projectEntry = Object.keys(files).find((k) => k.toLowerCase() === 'project.qde') ?? 'project.qde';
  const xml = textOf(files[projectEntry], fileName, 'project.qde');
  if (rootName(xml) !== 'Project') {
    throw new ImportError(fileName, 'not-qdpx', sentence('backend.import.qdpx.notProject', { root: rootName(xml) || '?' }));
  }
  const q = readQde(fileName, xml);
  const warnings: string[] = [];

  const { tagIdOf, tags } = tagsOf(fileName, q, now, 'project.qde');

  // Notes, read lazily by guid.
  const notesByGuid = new Map(q.notes.map((n) => [n.guid, n]));
  const usedNotes = new Set<string>();
  const noteText = (guid: string): string => {
    const n = notesByGuid.get(guid);
    if (!n) return '';
    usedNotes.add(guid);
    if (n.inlineText !== null) return n.inlineText.trim();
    const data = entryFor(files, n.plainTextPath);
    return data ? textOf(data, fileName, `the note "${n.name}"`).trim() : '';
  };
  const noteFrom = (guids: readonly string[]): NoteDoc | null => {
    if (guids.length === 0) return null;
    const text = guids.map(noteText).filter(Boolean).join('\n\n');
    return text ? parser.fromPlainText(text) : null;
  };

  const sources: ImportedSource[] = [];
  const highlights: ImportedHighlight[] = [];
  const userNames = new Map(q.users.map((u) => [u.guid.toLowerCase(), u.name.trim().slice(0, 200)]));
  const userName = (guid: string): string | undefined => (guid ? userNames.get(guid.toLowerCase()) || undefined : undefined);
  const sourceIdOfGuid = new Map<string, string>();
  let unknownCodes = 0;
  let wholeCodings = 0;
  let unreadable = 0;
  let misfits = 0;
  // Texts first: the unit of the positions is decided over the whole project before any selection is placed.
  const texts: Array<{ s: QdeSource; text: string }> = [];
  for (const s of q.sources) {
    if (s.inlineText !== null) texts.push({ s, text: s.inlineText });
    else {
      const data = entryFor(files, s.plainTextPath);
      if (!data) {
        unreadable++;
        continue;
      }
      texts.push({ s, text: textOf(data, fileName, `the text of source "${s.name}" (${s.plainTextPath})`) });
    }
  }
  const storedQuote = (sel: QdeSelection): string => (sel.description.trim() || sel.name).trim();
  const unit = decideOffsetUnit(
    texts.map(({ s, text }) => ({ text, selections: s.selections.map((sel) => ({ start: sel.start, end: sel.end, storedQuote: storedQuote(sel) })) })),
    q.origin,
  );
  const customVariables = new Set(
    [...q.variableDefs.entries()].filter(([, d]) => !OWN_VARIABLES.has(d.name.toLowerCase())).map(([guid]) => guid),
  );
  for (const { s, text } of texts) {
    const id = derivedId('src', (s.guid || s.name).toLowerCase());
    if (s.guid) sourceIdOfGuid.set(canonicalGuid(s.guid), id);
    const variable = (wanted: string): string => {
      for (const v of s.variables) if ((q.variables.get(v.ref) ?? '').toLowerCase() === wanted.toLowerCase()) return v.value;
      return '';
    };
    const date = variable(VARIABLE_NAMES.date).slice(0, 10);
    sources.push({
      id,
      title: s.name || `Source ${sources.length + 1}`,
      publisher: variable(VARIABLE_NAMES.publisher),
      date: isIsoDate(date) ? date : '',
      originalFile: variable(VARIABLE_NAMES.originalFile),
      text,
      contentHash: hash(text),
      note: noteFrom(s.notes),
      addedAt: isIsoDateTime(s.created) ? s.created : null,
      furniture: null,
      ...documentOf(s, variable, files),
      ...(s.guid && GUID_PATTERN.test(s.guid) ? { guid: canonicalGuid(s.guid) } : {}),
      ...(s.creatingUser ? { creatingUser: canonicalGuid(s.creatingUser) } : {}),
      ...variablesOf(s.variables, q, customVariables),
    });
    wholeCodings += s.wholeCodings;
    const index = new CodePointIndex(text);
    for (const sel of s.selections) {
      const tagIds: string[] = [];
      const codingGuids: Record<string, string> = {};
      for (const g of sel.codes) {
        const t = tagIdOf.get(canonicalGuid(g));
        if (!t) unknownCodes++;
        else if (!tagIds.includes(t)) {
          tagIds.push(t);
          const cg = sel.codings.get(g);
          if (cg && GUID_PATTERN.test(cg)) codingGuids[t] = canonicalGuid(cg);
        }
      }
      const created = isIsoDateTime(sel.created) ? sel.created : now;
      const range = readSelection(text, index, sel, unit.unit);
      // A coding is shown anchored only when its text fits: a position outside the text, one that splits a character,
      // or a passage that is not the quote the file stores, is kept as an orphan (never on the wrong words).
      const fits = selectionFits(text, range, storedQuote(sel));
      if (range && !fits) misfits++;
      const d = range && fits ? describeRange(text, range.start, range.end) : null;
      const quoted = storedQuote(sel);
      highlights.push({
        id: derivedId('h', (sel.guid || `${s.guid}:${sel.start}:${sel.end}`).toLowerCase()),
        sourceRef: id,
        start: d ? d.start : 0,
        end: d ? d.end : 0,
        quote: d ? d.quote : { exact: quoted, prefix: '', suffix: '' },
        tagIds,
        note: noteFrom(sel.notes),
        // A position outside the text (and REFI-QDA carries no quote) leaves nothing to anchor by.
        unanchorable: !d,
        createdAt: created,
        modifiedAt: isIsoDateTime(sel.modified) ? sel.modified : created,
        ...(sel.guid && GUID_PATTERN.test(sel.guid) ? { guid: canonicalGuid(sel.guid) } : {}),
        ...(sel.creatingUser ? { creatingUser: canonicalGuid(sel.creatingUser) } : {}),
        ...(Object.keys(codingGuids).length ? { codingGuids } : {}),
        // Who did what (issue 19): the project's users by GUID give the names.
        ...(userName(sel.creatingUser) ? { creator: userName(sel.creatingUser) } : {}),
        ...(userName(sel.modifyingUser) ? { lastEditor: userName(sel.modifyingUser) } : {}),
      });
    }
  }

  const projectNote = noteFrom(q.projectNotes);
  // Memos no selection, source or project points at: kept in the project notebook under their names.
  const loose = q.notes.filter((n) => !usedNotes.has(n.guid));
  const looseText = loose
    .map((n) => {
      const t = noteText(n.guid);
      return t ? (n.name ? `${n.name}\n${t}` : t) : '';
    })
    .filter(Boolean);
  let project = projectNote;
  if (looseText.length > 0) {
    const projectText = q.projectNotes.map((g) => noteText(g)).filter(Boolean);
    project = parser.fromPlainText([...projectText, ...looseText].join('\n\n'));
    warnings.push(`${looseText.length} note(s) not attached to anything were added to the project notebook.`);
  }
  if (q.otherSources > 0) warnings.push(`${q.otherSources} picture, PDF, audio or video source(s) were skipped: only text sources are imported.`);
  if (unreadable > 0) warnings.push(`${unreadable} text source(s) were skipped: their text is not inside the project file.`);
  if (wholeCodings > 0) warnings.push(`${wholeCodings} coding(s) of whole documents were skipped: only codings of passages are imported.`);
  if (unknownCodes > 0) warnings.push(`${unknownCodes} coding(s) refer to codes missing from the codebook and were left out.`);
  const offsetUnit = describeUnit(unit, q.origin);
  if (misfits > 0) warnings.push(`${misfits} coding(s) whose text does not fit their position were kept as orphans.`);
  const collections = groupsOf(q, sourceIdOfGuid, customVariables);
  const tagGroups = tagGroupsOf(q, tagIdOf);
  return {
    offsetUnit,
    collections,
    ...(tagGroups.length ? { tagGroups } : {}),
    project: { ...projectOf(q), offsetUnit: unit.unit },
    format: 'qdpx',
    fileName,
    title: q.name,
    sources,
    tags,
    highlights,
    projectNote: project,
    missingSources: [],
    warnings,
  };
}

/** Our own document variables (publisher, date, …): they map to source fields, not to attributes. */
const OWN_VARIABLES = new Set(Object.values(VARIABLE_NAMES).map((n) => n.toLowerCase()));

/** A GUID as we keep it: lowercase, without braces (NVivo writes some in braces). */
export function canonicalGuid(g: string): string {
  const m = GUID_PATTERN.exec(g.trim());
  return m ? m[1].toLowerCase() : g.trim().toLowerCase();
}

/** A source's or case's attributes: the values of the project's own (not our) variables, by name. */
function variablesOf(values: ReadonlyArray<{ ref: string; value: string }>, q: Qde, custom: ReadonlySet<string>): { variables?: Record<string, string> } {
  const out: Record<string, string> = {};
  for (const v of values) {
    if (!custom.has(v.ref)) continue;
    const name = q.variableDefs.get(v.ref)?.name;
    if (name) out[name] = v.value;
  }
  return Object.keys(out).length ? { variables: out } : {};
}

function groupsOf(q: Qde, sourceIdOfGuid: ReadonlyMap<string, string>, custom: ReadonlySet<string>): ImportedCollection[] {
  const out: ImportedCollection[] = [];
  const add = (g: QdeGroup, kind: 'set' | 'case'): void => {
    const sourceRefs = [...new Set(g.sources.map((x) => sourceIdOfGuid.get(canonicalGuid(x))).filter((x): x is string => Boolean(x)))];
    out.push({
      name: g.name.trim() || (kind === 'case' ? 'Case' : 'Set'),
      kind,
      sourceRefs,
      ...(g.description ? { description: g.description } : {}),
      ...(kind === 'case' ? variablesOf(g.variables, q, custom) : {}),
      ...(GUID_PATTERN.test(g.guid) ? { guid: canonicalGuid(g.guid) } : {}),
    });
  };
  for (const g of q.sets) if (g.sources.length > 0) add(g, 'set');
  for (const g of q.cases) add(g, 'case');
  return out;
}

/** Sets of codes (ATLAS.ti code groups) -> tag groups, members mapped to this file's tags; a Set of sources only is not one. */
function tagGroupsOf(q: Qde, tagIdOf: ReadonlyMap<string, string>): ImportedTagGroup[] {
  const out: ImportedTagGroup[] = [];
  for (const g of q.sets) {
    if (g.codes.length === 0) continue;
    const tagRefs = [...new Set(g.codes.map((x) => tagIdOf.get(canonicalGuid(x))).filter((x): x is string => Boolean(x)))];
    out.push({
      name: g.name.trim() || 'Code group',
      tagRefs,
      ...(g.description ? { description: g.description } : {}),
      ...(GUID_PATTERN.test(g.guid) ? { guid: canonicalGuid(g.guid) } : {}),
    });
  }
  return out;
}

function projectOf(q: Qde): ProjectIdentity {
  const variables: VariableDef[] = [];
  for (const [guid, d] of q.variableDefs) {
    if (OWN_VARIABLES.has(d.name.toLowerCase()) || !d.name) continue;
    const type = (VARIABLE_TYPES as readonly string[]).includes(d.type) ? (d.type as VariableType) : 'Text';
    variables.push({ name: d.name, type, ...(GUID_PATTERN.test(guid) ? { guid: canonicalGuid(guid) } : {}), ...(d.description ? { description: d.description } : {}) });
  }
  return {
    ...(q.name ? { name: q.name } : {}),
    ...(q.origin ? { origin: q.origin } : {}),
    ...(q.creatingUser && GUID_PATTERN.test(q.creatingUser) ? { creatingUser: canonicalGuid(q.creatingUser) } : {}),
    ...(isIsoDateTime(q.created) ? { createdAt: q.created } : {}),
    ...(q.users.length ? { users: q.users.filter((u) => GUID_PATTERN.test(u.guid)).map((u) => ({ guid: canonicalGuid(u.guid), name: u.name })) } : {}),
    ...(variables.length ? { variables } : {}),
  };
}
