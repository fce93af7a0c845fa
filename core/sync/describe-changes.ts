/**
 * Readable words for what a sync did (issue 19): a commit message derived from the files a commit changes ("3
 * highlights added, 1 tag renamed in “Title”"), and a sentence per merge conflict for the analyst. Pure.
 */
import type { FileConflict } from './merge-files';
import { sentence, type MessageText } from '../i18n/message-text';

interface Item {
  id: string;
  [k: string]: unknown;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const byId = (items: unknown): Map<string, Item> => new Map((Array.isArray(items) ? (items as Item[]) : []).map((x) => [x.id, x]));
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function parse(text: string | null): Record<string, unknown> | null {
  if (text === null) return null;
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return null;
  }
}

/** Added, removed and changed items between two lists of records with ids. */
function diffItems(before: unknown, after: unknown): { added: Item[]; removed: Item[]; changed: Array<[Item, Item]> } {
  const b = byId(before);
  const a = byId(after);
  const added = [...a.values()].filter((x) => !b.has(x.id));
  const removed = [...b.values()].filter((x) => !a.has(x.id));
  const changed: Array<[Item, Item]> = [];
  for (const [id, x] of a) {
    const old = b.get(id);
    if (old && !same(old, x)) changed.push([old, x]);
  }
  return { added, removed, changed };
}

/**
 * Highlights added, removed and changed between two versions of a source file, from its lines: the files are written
 * one highlight per line (core/stable-json.ts: an object at the start of a line is an item of the highlights array),
 * so only the lines that differ are parsed (a source of thousands of highlights is not, to say that one changed).
 */
function diffLines(before: string | null, after: string | null): { added: number; removed: number; changed: number; noteChanged: boolean } {
  // Without the comma that only says whether an item is the last.
  const b = before === null ? [] : before.split('\n').map((l) => l.replace(/,$/, ''));
  const a = after === null ? [] : after.split('\n').map((l) => l.replace(/,$/, ''));
  const bs = new Set(b);
  const as = new Set(a);
  const ids = (ls: string[]) =>
    ls.flatMap((l) => {
      if (!l.startsWith('{')) return [];
      const item = parse(l);
      return typeof item?.id === 'string' ? [item.id] : [];
    });
  const goneIds = ids(b.filter((l) => !as.has(l)));
  const comeIds = ids(a.filter((l) => !bs.has(l)));
  const goneSet = new Set(goneIds);
  const comeSet = new Set(comeIds);
  const noteOf = (ls: string[]) => ls.find((l) => l.startsWith('"note":'));
  return {
    added: comeIds.filter((id) => !goneSet.has(id)).length,
    removed: goneIds.filter((id) => !comeSet.has(id)).length,
    changed: comeIds.filter((id) => goneSet.has(id)).length,
    noteChanged: before !== null && after !== null && noteOf(b) !== noteOf(a),
  };
}

export interface FileChange {
  path: string;
  before: string | null;
  after: string | null;
}

/**
 * A commit message for these changes. `titleOf` names a source by id. At most a line of summary; the files that
 * changed are listed after it.
 */
export function describeChanges(changes: readonly FileChange[], titleOf: (sourceId: string) => string): string {
  let hAdded = 0;
  let hRemoved = 0;
  let hChanged = 0;
  let notes = 0;
  const touched: string[] = [];
  const catalogParts: string[] = [];
  for (const c of changes) {
    const m = /^sources\/(.+)\.json$/.exec(c.path);
    if (m) {
      const d = diffLines(c.before, c.after);
      hAdded += d.added;
      hRemoved += d.removed;
      hChanged += d.changed;
      // A new source's note is part of the new source, not an edit.
      if (d.noteChanged) notes++;
      touched.push(titleOf(m[1]));
      continue;
    }
    if (c.path === 'catalog.shared.json') {
      const b = parse(c.before);
      const a = parse(c.after);
      const tags = diffItems(b?.tags, a?.tags);
      const renamed = tags.changed.filter(([x, y]) => x.name !== y.name).length;
      if (tags.added.length) catalogParts.push(`${plural(tags.added.length, 'tag')} added`);
      if (renamed) catalogParts.push(`${plural(renamed, 'tag')} renamed`);
      if (tags.changed.length - renamed) catalogParts.push(`${plural(tags.changed.length - renamed, 'tag')} changed`);
      if (tags.removed.length) catalogParts.push(`${plural(tags.removed.length, 'tag')} deleted`);
      const sources = diffItems(b?.sources, a?.sources);
      if (sources.added.length) catalogParts.push(`${plural(sources.added.length, 'source')} added`);
      if (sources.removed.length) catalogParts.push(`${plural(sources.removed.length, 'source')} deleted`);
      if (sources.changed.length) catalogParts.push(`${plural(sources.changed.length, 'source')} renamed or re-dated`);
      if (!same(b?.projectNote, a?.projectNote)) catalogParts.push('project notes edited');
    }
  }
  const sourceParts: string[] = [];
  if (hAdded) sourceParts.push(`${plural(hAdded, 'highlight')} added`);
  if (hChanged) sourceParts.push(`${plural(hChanged, 'highlight')} changed`);
  if (hRemoved) sourceParts.push(`${plural(hRemoved, 'highlight')} deleted`);
  if (notes) sourceParts.push(`${notes === 1 ? 'notes' : plural(notes, 'source note')} edited`);
  const where = touched.length === 1 ? ` in “${touched[0]}”` : touched.length > 1 ? ` in ${plural(touched.length, 'source')}` : '';
  const summary = [sourceParts.length ? `${sourceParts.join(', ')}${where}` : '', catalogParts.join(', ')].filter(Boolean).join('; ');
  const head = summary || `${plural(changes.length, 'file')} changed`;
  const files = changes.map((c) => `${c.after === null ? 'deleted' : c.before === null ? 'added' : 'changed'}: ${c.path}`);
  return `${head.charAt(0).toUpperCase()}${head.slice(1)}\n\n${files.slice(0, 200).join('\n')}${files.length > 200 ? `\n… and ${files.length - 200} more` : ''}\n`;
}

/** Names for the things a conflict is about. */
export interface ConflictNames {
  source(id: string): string;
  tag(id: string): string;
  /** A few words of the highlight's passage. */
  highlight(sourceId: string, highlightId: string): string;
}

const show = (v: unknown) => (typeof v === 'string' ? `“${v.slice(0, 80)}”` : JSON.stringify(v)?.slice(0, 80) ?? 'nothing');

/** The tag, source, collection or tag group that a catalog conflict is about, named. */
function itemWhat(c: { item: string; id: string; label?: string }, names: ConflictNames): MessageText {
  if (c.item === 'tag') return sentence('backend.conflict.tag', { name: names.tag(c.id) });
  if (c.item === 'source') return sentence('backend.conflict.source', { title: names.source(c.id) });
  return sentence(c.item === 'collection' ? 'backend.conflict.collection' : 'backend.conflict.tagGroup', { name: c.label || c.id });
}

/**
 * One sentence an analyst can read per conflict: what both sides did and what the merge kept. A message (worded in
 * the interface language by the window; in English for the merge commit).
 */
export function describeConflict(c: FileConflict, names: ConflictNames): MessageText {
  const sourceId = /^sources\/(.+)\.json$/.exec(c.path)?.[1] ?? '';
  const source = sourceId ? names.source(sourceId) : '';
  // A highlight, in its source when the path names one.
  const highlight = (id: string) => (source ? sentence('backend.conflict.highlightIn', { highlight: names.highlight(sourceId, id), source }) : sentence('backend.conflict.highlight', { highlight: names.highlight(sourceId, id) }));
  const by = (deletedBy: 'ours' | 'theirs') => (deletedBy === 'ours' ? 'You' : 'They');
  switch (c.kind) {
    case 'field':
      if ('item' in c) {
        return sentence('backend.conflict.field', { field: c.field, what: itemWhat(c, names), ours: show(c.ours), theirs: show(c.theirs) });
      }
      return sentence('backend.conflict.highlightField', { field: c.field, what: highlight(c.highlightId), theirs: show(c.theirs) });
    case 'kept-over-delete':
      if ('item' in c) return sentence(`backend.conflict.keptOverDelete${by(c.deletedBy)}`, { what: itemWhat(c, names) });
      return sentence(`backend.conflict.keptOverDelete${by(c.deletedBy)}`, { what: highlight(c.highlightId) });
    case 'tag-in-use':
      return sentence(`backend.conflict.tagInUse${by(c.deletedBy)}`, { name: names.tag(c.id) });
    case 'duplicate-name':
      return sentence('backend.conflict.duplicateName', { name: c.name });
    case 'note':
      if (c.where === 'project') return sentence('backend.conflict.projectNote');
      if (c.where === 'highlight') return sentence('backend.conflict.highlightNote', { what: highlight(c.highlightId ?? '') });
      return source ? sentence('backend.conflict.sourceNote', { source }) : sentence('backend.conflict.notes');
    case 'text':
      return source ? sentence('backend.conflict.text', { source }) : sentence('backend.conflict.textOfASource');
    case 'file':
      return sentence('backend.conflict.file', { path: c.path, detail: c.detail });
  }
}
