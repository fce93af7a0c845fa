import { Zip, zipSync, type ZipInputFile, type Zippable } from 'fflate';
import type { NotebookSnapshot, SourceCollection, SourceMeta, Tag, TagGroup, TagKind, VariableDef } from '../model';
import { snapToCodePoint } from '../text';
import {
  APP_NAME,
  CodePointIndex,
  isIsoDate,
  isIsoDateTime,
  plainNote,
  stableGuid,
  tagsInTreeOrder,
  xmlAttr,
  xmlText,
  Utf8Sink,
  type NoteFormatter,
} from './common';

/**
 * REFI-QDA export (https://www.qdasoftware.org): a QDPX project (a zip of `project.qde` and a lowercase `sources/`
 * folder holding each text as `<guid>.txt`, referenced as `internal://<guid>.txt`) and a QDC codebook.
 * Both validate against the standard's Project.xsd and Codebook.xsd (1.0).
 *
 * - Tags are Codes (guid, name, colour `#RRGGBB`, isCodable) nested by the tag tree.
 * - Each anchored highlight is a PlainTextSelection with start and end in Unicode code points, one Coding per tag
 *   and a NoteRef to its note. Orphans have no valid position, so they are left out (and counted).
 * - Notes (highlights', sources' notebooks, the project notebook) are Notes with PlainTextContent.
 * - Our metadata travels in standard places other tools show: a tag's kind as membership of a Set
 *   "Tag kind: <kind>", its aliases as a last line "Aliases: a; b" of its Description, a source's publisher, date
 *   and original file name as document Variables.
 * GUIDs are derived from our ids (stableGuid), so exporting the same notebook twice gives the same files.
 */

export const PROJECT_NS = 'urn:QDA-XML:project:1.0';
export const CODEBOOK_NS = 'urn:QDA-XML:codebook:1.0';
export const KIND_SET_PREFIX = 'Tag kind: ';
export const ALIASES_PREFIX = 'Aliases: ';
export const VARIABLE_NAMES = { publisher: 'Publisher', date: 'Date', originalFile: 'Original file', authors: 'Authors', url: 'URL', language: 'Language' } as const;

export interface ZipEntry {
  /** Path inside the archive, with forward slashes: `project.qde` or `sources/<guid>.txt`. */
  path: string;
  data: Uint8Array;
}

export interface QdpxExport {
  /** The project.qde document as text (decoded from its entry on first use). */
  readonly projectXml: string;
  /** Every entry of the archive, project.qde first. */
  entries: ZipEntry[];
  /** Orphaned highlights left out because a PlainTextSelection needs a valid position. */
  skippedOrphans: number;
}

export interface RefiQdaOptions {
  /** The `origin` attribute: the app and its version. */
  origin?: string;
}

const sourceGuid = (id: string): string => stableGuid('source', id);
const tagGuid = (id: string): string => stableGuid('tag', id);
/** A GUID kept from an imported project, when it is one (else null): written back so the tool recognises its items. */
const kept = (guid: string | undefined): string | null => (guid && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(guid) ? guid : null);
/** Our tag's Code GUID: the one it came with, else derived from its id. */
export const codeGuidOf = (t: Pick<Tag, 'id' | 'guid'>): string => kept(t.guid) ?? tagGuid(t.id);
export const sourceGuidOf = (m: Pick<SourceMeta, 'id' | 'guid'>): string => kept(m.guid) ?? sourceGuid(m.id);

/** Tag description plus aliases, as the Code's Description (empty when both are). */
export function codeDescription(tag: Pick<Tag, 'description' | 'aliases'>): string {
  const parts: string[] = [];
  if (tag.description.trim()) parts.push(tag.description.trim());
  if (tag.aliases.length > 0) parts.push(ALIASES_PREFIX + tag.aliases.join('; '));
  return parts.join('\n\n');
}

/** `#RRGGBB` as the standard's examples write it; anything unusable is left out (the attribute is optional). */
function rgb(color: string): string | null {
  const m = /^#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$/.exec(color.trim());
  if (!m) return null;
  const hex = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  return `#${hex.toUpperCase()}`;
}

/** Where XML lines go: an array (small documents) or a UTF-8 sink (project.qde). */
interface Lines {
  push(...lines: string[]): void;
}

interface TagNode {
  tag: Tag;
  children: TagNode[];
}

function tagForest(tags: readonly Tag[]): TagNode[] {
  const roots: TagNode[] = [];
  const stack: TagNode[] = [];
  for (const { tag, depth } of tagsInTreeOrder(tags)) {
    const node: TagNode = { tag, children: [] };
    stack.length = depth;
    if (depth === 0) roots.push(node);
    else stack[depth - 1].children.push(node);
    stack[depth] = node;
  }
  return roots;
}

function codesXml(tags: readonly Tag[], out: Lines): void {
  const emit = (node: TagNode, indent: string): void => {
    const t = node.tag;
    const color = rgb(t.color);
    const attrs = `guid="${codeGuidOf(t)}" name="${xmlAttr(t.name)}" isCodable="${t.isCodable === false ? 'false' : 'true'}"${color ? ` color="${color}"` : ''}`;
    const description = codeDescription(t);
    if (!description && node.children.length === 0) {
      out.push(`${indent}<Code ${attrs}/>`);
      return;
    }
    out.push(`${indent}<Code ${attrs}>`);
    if (description) out.push(`${indent}  <Description>${xmlText(description)}</Description>`);
    for (const child of node.children) emit(child, indent + '  ');
    out.push(`${indent}</Code>`);
  };
  for (const root of tagForest(tags)) emit(root, '      ');
}

/**
 * Project.xsd names a set member's reference `targetGUID`, Codebook.xsd names it `guid`. Collections of sources
 * (`sourceSets`: MAXQDA document sets) follow the tag-kind sets in the same <Sets>.
 */
function kindSetsXml(tags: readonly Tag[], out: Lines, indent: string, memberAttr: 'targetGUID' | 'guid', sourceSets: string[] = []): void {
  const byKind = new Map<TagKind, Tag[]>();
  for (const t of tags) byKind.set(t.kind, [...(byKind.get(t.kind) ?? []), t]);
  if (byKind.size === 0 && sourceSets.length === 0) return;
  out.push(`${indent}<Sets>`);
  for (const [kind, members] of byKind) {
    out.push(`${indent}  <Set guid="${stableGuid('kind-set', kind)}" name="${xmlAttr(KIND_SET_PREFIX + kind)}">`);
    out.push(`${indent}    <Description>Tags of kind ${xmlText(kind)} (${APP_NAME}).</Description>`);
    for (const t of members) out.push(`${indent}    <MemberCode ${memberAttr}="${codeGuidOf(t)}"/>`);
    out.push(`${indent}  </Set>`);
  }
  out.push(...sourceSets);
  out.push(`${indent}</Sets>`);
}

const tagGroupGuid = (g: TagGroup): string => kept(g.guid) ?? stableGuid('tag-group', g.id);

/** The snapshot's tag groups with members limited to its tags (a group of none left out). */
function tagGroupsOf(snapshot: Pick<NotebookSnapshot, 'tags' | 'tagGroups'>): TagGroup[] {
  const inSnapshot = new Set(snapshot.tags.map((t) => t.id));
  return (snapshot.tagGroups ?? []).map((g) => ({ ...g, tagIds: g.tagIds.filter((id) => inSnapshot.has(id)) })).filter((g) => g.tagIds.length > 0);
}

/** Tag groups as REFI-QDA Sets of codes (ATLAS.ti code groups), with the GUIDs they came in with. */
function tagGroupSetsXml(groups: readonly TagGroup[], tagGuids: ReadonlyMap<string, string>, indent: string, memberAttr: 'targetGUID' | 'guid'): string[] {
  const out: string[] = [];
  for (const g of groups) {
    out.push(`${indent}<Set guid="${tagGroupGuid(g)}" name="${xmlAttr(g.name)}">`);
    if (g.description) out.push(`${indent}  <Description>${xmlText(g.description)}</Description>`);
    for (const id of g.tagIds) out.push(`${indent}  <MemberCode ${memberAttr}="${tagGuids.get(id)}"/>`);
    out.push(`${indent}</Set>`);
  }
  return out;
}

const dateTimeAttr = (name: string, value: string): string => (isIsoDateTime(value) ? ` ${name}="${value}"` : '');

/** A short name for a selection or note: the start of its text on one line. */
function excerpt(s: string, max = 80): string {
  const one = s.slice(0, max * 2).replace(/\s+/g, ' ').trim();
  if (one.length <= max) return one;
  return one.slice(0, snapToCodePoint(one, max, 'back')) + '…';
}

/** The project.qde document and the archive's entries. */
export function exportQdpx(snapshot: NotebookSnapshot, formatter: NoteFormatter, options: RefiQdaOptions = {}): QdpxExport {
  const encoder = new TextEncoder();
  const tagGuids = new Map(snapshot.tags.map((t) => [t.id, codeGuidOf(t)]));
  const project = snapshot.project ?? {};
  const users = (project.users ?? []).filter((u) => kept(u.guid));
  // Who did what (issue 19): each analyst named as a creator or last editor is a User (the project's own, when it
  // lists that name, else one with a GUID made from the name).
  const userOfName = new Map(users.map((u) => [u.name, u.guid]));
  const guidOfName = (name: string | undefined): string | undefined => {
    if (!name) return undefined;
    let guid = userOfName.get(name);
    if (!guid) {
      guid = stableGuid('user', name);
      userOfName.set(name, guid);
      users.push({ guid, name });
    }
    return guid;
  };
  for (const source of snapshot.sources) {
    for (const h of source.highlights) {
      guidOfName(h.creator);
      guidOfName(h.lastEditor);
    }
  }
  const knownUsers = new Set(users.map((u) => u.guid));
  // A creating user is written only when the project lists it (Users), so every reference resolves.
  const user = (name: string, guid: string | undefined): string => (guid && knownUsers.has(guid) ? ` ${name}="${guid}"` : '');
  const notes: string[] = [];
  let skippedOrphans = 0;
  const addNote = (kind: string, id: string, name: () => string, text: string, created: string): string | null => {
    if (!text) return null;
    const guid = stableGuid(kind, id);
    notes.push(
      `    <Note guid="${guid}" name="${xmlAttr(name())}"${dateTimeAttr('creationDateTime', created)}>` +
        `<PlainTextContent>${xmlText(text)}</PlainTextContent></Note>`,
    );
    return guid;
  };

  // Written straight to UTF-8: a 100,000-highlight project.qde never exists as one string.
  const sink = new Utf8Sink();
  const out: Lines = {
    push(...lines: string[]) {
      for (const l of lines) sink.write(l + '\n');
    },
  };
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    `<Project xmlns="${PROJECT_NS}" name="${xmlAttr(project.name || snapshot.title || 'Notebook')}" origin="${xmlAttr(options.origin ?? APP_NAME)}"` +
      `${user('creatingUserGUID', project.creatingUser)}${dateTimeAttr('creationDateTime', project.createdAt ?? snapshot.exportedAt)}${dateTimeAttr('modifiedDateTime', snapshot.exportedAt)}>`,
  );
  if (users.length > 0) {
    out.push('  <Users>', ...users.map((u) => `    <User guid="${u.guid}" name="${xmlAttr(u.name)}"/>`), '  </Users>');
  }
  if (snapshot.tags.length > 0) {
    out.push('  <CodeBook>', '    <Codes>');
    codesXml(snapshot.tags, out);
    out.push('    </Codes>', '  </CodeBook>');
  }
  const variableGuid = {
    publisher: stableGuid('variable', 'publisher'),
    date: stableGuid('variable', 'date'),
    originalFile: stableGuid('variable', 'originalFile'),
    authors: stableGuid('variable', 'authors'),
    url: stableGuid('variable', 'url'),
    language: stableGuid('variable', 'language'),
  };
  const custom = customVariables(snapshot);
  if (snapshot.sources.length > 0) {
    out.push(
      '  <Variables>',
      ...custom.map((v) => `    <Variable guid="${v.guid}" name="${xmlAttr(v.name)}" typeOfVariable="${v.type}"${v.description ? `><Description>${xmlText(v.description)}</Description></Variable>` : '/>'}`),
      `    <Variable guid="${variableGuid.publisher}" name="${VARIABLE_NAMES.publisher}" typeOfVariable="Text"/>`,
      `    <Variable guid="${variableGuid.date}" name="${VARIABLE_NAMES.date}" typeOfVariable="Date"/>`,
      `    <Variable guid="${variableGuid.originalFile}" name="${VARIABLE_NAMES.originalFile}" typeOfVariable="Text"/>`,
      `    <Variable guid="${variableGuid.authors}" name="${VARIABLE_NAMES.authors}" typeOfVariable="Text"/>`,
      `    <Variable guid="${variableGuid.url}" name="${VARIABLE_NAMES.url}" typeOfVariable="Text"/>`,
      `    <Variable guid="${variableGuid.language}" name="${VARIABLE_NAMES.language}" typeOfVariable="Text"/>`,
      '  </Variables>',
    );
  }

  const inSnapshot = new Map(snapshot.sources.map((s) => [s.meta.id, sourceGuidOf(s.meta)]));
  const cases = (snapshot.collections ?? []).filter((c) => c.kind === 'case');
  if (cases.length > 0) {
    out.push('  <Cases>');
    for (const c of cases) {
      out.push(`    <Case guid="${collectionGuid(c)}" name="${xmlAttr(c.name)}">`);
      if (c.description) out.push(`      <Description>${xmlText(c.description)}</Description>`);
      out.push(...variableValues(c.variables, custom, '      '));
      for (const id of c.sourceIds) if (inSnapshot.has(id)) out.push(`      <SourceRef targetGUID="${inSnapshot.get(id)}"/>`);
      out.push('    </Case>');
    }
    out.push('  </Cases>');
  }

  const entries: ZipEntry[] = [];
  if (snapshot.sources.length > 0) out.push('  <Sources>');
  for (const source of snapshot.sources) {
    const { meta, text } = source;
    const guid = sourceGuidOf(meta);
    // A PDF source is a PDFSource whose Representation (a TextSource) holds the plain text and the selections;
    // the PDF itself goes in the archive when the snapshot carries it.
    const pdf = meta.kind === 'pdf';
    const textGuid = pdf ? stableGuid('pdf-representation', meta.id) : guid;
    entries.push({ path: `sources/${textGuid}.txt`, data: encoder.encode(text) });
    if (pdf) {
      if (source.original) entries.push({ path: `sources/${guid}.pdf`, data: source.original });
      out.push(
        `    <PDFSource guid="${guid}" name="${xmlAttr(meta.title)}"${source.original ? ` path="internal://${guid}.pdf"` : ''}` +
          `${user('creatingUser', meta.creatingUser)}${dateTimeAttr('creationDateTime', meta.addedAt)}>`,
        `      <Representation guid="${textGuid}" name="${xmlAttr(meta.title)}" plainTextPath="internal://${textGuid}.txt">`,
      );
    } else {
      out.push(
        `    <TextSource guid="${guid}" name="${xmlAttr(meta.title)}" plainTextPath="internal://${guid}.txt"` +
          `${user('creatingUser', meta.creatingUser)}${dateTimeAttr('creationDateTime', meta.addedAt)}>`,
      );
    }
    const index = new CodePointIndex(text);
    // Positions in the unit the project came in: NVivo gets back the UTF-16 units it wrote; everyone else code points.
    const position = project.offsetUnit === 'utf-16' ? (at: number): number => at : (at: number): number => index.toCodePoint(at);
    const sorted = [...source.highlights].sort((a, b) => a.start - b.start || b.end - a.end);
    for (const h of sorted) {
      if (h.orphan || h.end <= h.start || h.end > text.length) {
        skippedOrphans++;
        continue;
      }
      // One line per selection, no optional names: project.qde stays small enough to write and zip quickly.
      const noteGuid = addNote('highlight-note', h.id, () => `Note: ${excerpt(h.quote.exact, 60)}`, plainNote(formatter, h.note), h.createdAt);
      let line =
        `<PlainTextSelection guid="${kept(h.guid) ?? stableGuid('highlight', h.id)}" startPosition="${position(h.start)}"` +
        ` endPosition="${position(h.end)}"` +
        `${user('creatingUser', guidOfName(h.creator) ?? h.creatingUser)}${dateTimeAttr('creationDateTime', h.createdAt)}` +
        `${user('modifyingUser', guidOfName(h.lastEditor))}${dateTimeAttr('modifiedDateTime', h.modifiedAt)}`;
      let inner = '';
      for (const tagId of h.tagIds) {
        const code = tagGuids.get(tagId);
        const codingGuid = kept(h.codingGuids?.[tagId]) ?? stableGuid('coding', h.id, tagId);
        if (code) inner += `<Coding guid="${codingGuid}"${user('creatingUser', guidOfName(h.creator) ?? h.creatingUser)}><CodeRef targetGUID="${code}"/></Coding>`;
      }
      if (noteGuid) inner += `<NoteRef targetGUID="${noteGuid}"/>`;
      line += inner ? `>${inner}</PlainTextSelection>` : '/>';
      out.push(line);
    }
    if (pdf) out.push('      </Representation>');
    const sourceNote = addNote('source-note', meta.id, () => `Notebook: ${excerpt(meta.title, 60)}`, plainNote(formatter, source.note), snapshot.exportedAt);
    if (sourceNote) out.push(`      <NoteRef targetGUID="${sourceNote}"/>`);
    const value = (variable: string, element: 'TextValue' | 'DateValue', v: string): void => {
      out.push(`      <VariableValue><VariableRef targetGUID="${variable}"/><${element}>${xmlText(v)}</${element}></VariableValue>`);
    };
    if (meta.publisher) value(variableGuid.publisher, 'TextValue', meta.publisher);
    if (isIsoDate(meta.date)) value(variableGuid.date, 'DateValue', meta.date);
    if (meta.originalFile) value(variableGuid.originalFile, 'TextValue', meta.originalFile);
    if (meta.authors?.length) value(variableGuid.authors, 'TextValue', meta.authors.join('; '));
    if (meta.url) value(variableGuid.url, 'TextValue', meta.url);
    if (meta.language) value(variableGuid.language, 'TextValue', meta.language);
    out.push(...variableValues(meta.variables, custom, '      '));
    out.push(pdf ? '    </PDFSource>' : '    </TextSource>');
  }
  if (snapshot.sources.length > 0) out.push('  </Sources>');

  const projectNote = addNote('project-note', snapshot.title, () => 'Project notebook', plainNote(formatter, snapshot.projectNote), snapshot.exportedAt);
  if (notes.length > 0) out.push('  <Notes>', ...notes, '  </Notes>');
  const sourceSets: string[] = [];
  // A tag group that came in as one Set with a collection (same GUID) goes back out as that one Set.
  const groups = tagGroupsOf(snapshot);
  const groupOfGuid = new Map(groups.filter((g) => kept(g.guid)).map((g) => [kept(g.guid)!, g]));
  const joined = new Set<string>();
  for (const c of snapshot.collections ?? []) {
    if (c.kind === 'case') continue;
    const guid = collectionGuid(c);
    const group = groupOfGuid.get(guid);
    if (group) joined.add(group.id);
    sourceSets.push(`    <Set guid="${guid}" name="${xmlAttr(c.name)}">`);
    const description = c.description ?? group?.description;
    if (description) sourceSets.push(`      <Description>${xmlText(description)}</Description>`);
    for (const id of group?.tagIds ?? []) sourceSets.push(`      <MemberCode targetGUID="${tagGuids.get(id)}"/>`);
    for (const id of c.sourceIds) if (inSnapshot.has(id)) sourceSets.push(`      <MemberSource targetGUID="${inSnapshot.get(id)}"/>`);
    sourceSets.push('    </Set>');
  }
  const groupSets = tagGroupSetsXml(
    groups.filter((g) => !joined.has(g.id)),
    tagGuids,
    '    ',
    'targetGUID',
  );
  kindSetsXml(snapshot.tags, out, '  ', 'targetGUID', [...groupSets, ...sourceSets]);
  if (projectNote) out.push(`  <NoteRef targetGUID="${projectNote}"/>`);
  out.push('</Project>');

  const data = sink.bytes();
  entries.unshift({ path: 'project.qde', data });
  let xml: string | null = null;
  return {
    entries,
    skippedOrphans,
    get projectXml() {
      return (xml ??= new TextDecoder().decode(data));
    },
  };
}

/** Raw DEFLATE (RFC 1951, no zlib header) of some bytes, e.g. Node's `zlib.deflateRawSync`. */
export type DeflateRaw = (data: Uint8Array) => Uint8Array;

export interface ZipOptions {
  /** fflate's deflate level when no `deflateRaw` is given. Default 1: nearly level 6's size at a fraction of the time. */
  level?: 0 | 1 | 6 | 9;
  /**
   * A faster (native) raw deflate to use instead of fflate's. The backend passes `zlib.deflateRawSync`, which halves
   * the time of a large export; core stays pure, the archive is the same format either way.
   */
  deflateRaw?: DeflateRaw;
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

/** CRC-32 (ISO-HDLC, as zip uses). */
export function crc32(data: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** The entries as a zip archive (fflate: pure JS). */
export function zipEntries(entries: readonly ZipEntry[], options: ZipOptions = {}): Uint8Array {
  const level = options.level ?? 1;
  const deflateRaw = options.deflateRaw;
  if (!deflateRaw) {
    const files: Zippable = {};
    for (const e of entries) files[e.path] = [e.data, { level }];
    return zipSync(files, { level });
  }
  // fflate writes the zip structure around data compressed elsewhere (its streaming API takes any compressor).
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failure = err;
    else chunks.push(chunk);
  });
  for (const e of entries) {
    const file: ZipInputFile = { filename: e.path, size: e.data.length, crc: crc32(e.data), compression: 8 };
    zip.add(file);
    file.ondata?.(null, deflateRaw(e.data) as Uint8Array<ArrayBuffer>, true);
  }
  zip.end();
  if (failure) throw failure;
  let total = 0;
  for (const c of chunks) total += c.length;
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The whole QDPX file. */
export function exportQdpxArchive(
  snapshot: NotebookSnapshot,
  formatter: NoteFormatter,
  options: RefiQdaOptions & ZipOptions = {},
): { bytes: Uint8Array; skippedOrphans: number } {
  const { entries, skippedOrphans } = exportQdpx(snapshot, formatter, options);
  return { bytes: zipEntries(entries, options), skippedOrphans };
}

/**
 * The codebook alone as a QDC document. Codebook.xsd needs at least one Code, so a notebook without tags has no
 * codebook to export: that throws, with a message for the user.
 */
export function exportQdc(snapshot: Pick<NotebookSnapshot, 'tags' | 'tagGroups'>, options: RefiQdaOptions = {}): string {
  if (snapshot.tags.length === 0) {
    throw new Error('The notebook has no tags yet, so there is no codebook to export. Create a tag first.');
  }
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(`<CodeBook xmlns="${CODEBOOK_NS}" origin="${xmlAttr(options.origin ?? APP_NAME)}">`);
  out.push('  <Codes>');
  const inner: string[] = [];
  codesXml(snapshot.tags, inner);
  out.push(...inner.map((l) => l.slice(2)));
  out.push('  </Codes>');
  const tagGuids = new Map(snapshot.tags.map((t) => [t.id, codeGuidOf(t)]));
  kindSetsXml(snapshot.tags, out, '  ', 'guid', tagGroupSetsXml(tagGroupsOf(snapshot), tagGuids, '    ', 'guid'));
  out.push('</CodeBook>', '');
  return out.join('\n');
}

const collectionGuid = (c: SourceCollection): string => kept(c.guid) ?? stableGuid('collection', c.id);

/** The attributes of the snapshot (the project's own definitions first, then names only values use), each with a GUID. */
function customVariables(snapshot: NotebookSnapshot): Array<VariableDef & { guid: string }> {
  const out = new Map<string, VariableDef & { guid: string }>();
  const own = new Set(Object.values(VARIABLE_NAMES).map((n) => n.toLowerCase()));
  for (const v of snapshot.project?.variables ?? []) {
    if (!own.has(v.name.toLowerCase())) out.set(v.name, { ...v, guid: kept(v.guid) ?? stableGuid('variable', 'custom', v.name) });
  }
  const use = (vars: Record<string, string> | undefined): void => {
    for (const name of Object.keys(vars ?? {})) {
      if (!out.has(name) && !own.has(name.toLowerCase())) out.set(name, { name, type: 'Text', guid: stableGuid('variable', 'custom', name) });
    }
  };
  for (const s of snapshot.sources) use(s.meta.variables);
  for (const c of snapshot.collections ?? []) if (c.kind === 'case') use(c.variables);
  return [...out.values()];
}

const VALUE_ELEMENT = { Text: 'TextValue', Boolean: 'BooleanValue', Integer: 'IntegerValue', Float: 'FloatValue', Date: 'DateValue', DateTime: 'DateTimeValue' } as const;

/** A value as its variable's type allows (xsd), else null (left out rather than making the file invalid). */
function typedValue(type: VariableDef['type'], v: string): string | null {
  const t = v.trim();
  switch (type) {
    case 'Boolean':
      return /^(true|false|1|0)$/i.test(t) ? t.toLowerCase() : null;
    case 'Integer':
      return /^[+-]?\d+$/.test(t) ? t : null;
    case 'Float':
      return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t) ? t : null;
    case 'Date':
      return isIsoDate(t) ? t : null;
    case 'DateTime':
      return isIsoDateTime(t) ? t : null;
    default:
      return v;
  }
}

function variableValues(vars: Record<string, string> | undefined, defs: ReadonlyArray<VariableDef & { guid: string }>, indent: string): string[] {
  const out: string[] = [];
  for (const def of defs) {
    const raw = vars?.[def.name];
    if (raw === undefined) continue;
    const value = typedValue(def.type, raw);
    const element = value === null ? 'TextValue' : VALUE_ELEMENT[def.type];
    // A value that does not fit its declared type would make the file invalid: it goes as text only for Text variables.
    if (value === null && def.type !== 'Text') continue;
    out.push(`${indent}<VariableValue><VariableRef targetGUID="${def.guid}"/><${element}>${xmlText(value ?? raw)}</${element}></VariableValue>`);
  }
  return out;
}
