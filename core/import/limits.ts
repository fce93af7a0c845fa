/**
 * Imported data passes the same limits as the channels (issue 11): tag names, dates, ranges, tree depth and the size
 * of notes. What does not fit is cut or refused here, and each cut is said in the import summary, per file.
 * Every walk is iterative: no file can overflow the stack.
 */
import { TAG_NAME_MAX } from '../tags/codebook';
import { MAX_NOTE_DEPTH, noteDepth } from '../notes/depth';
import { walkNote } from '../notes/walk';
import type { NoteDoc, Tag } from '../model';
import type { ImportedNotebook } from './model';

/** The deepest a codebook may go (People > Politicians > ... ): deeper tags are moved up to this level. */
export const MAX_TAG_DEPTH = 32;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const STAMP = /^\d{4}-\d{2}-\d{2}(T[0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;
const MAX_TITLE = 2000;

/** Clean one imported notebook in place of a copy; returns it with what was cut added to its warnings. */
export function applyImportLimits(n: ImportedNotebook): ImportedNotebook {
  const cuts = new Map<string, number>();
  const cut = (what: string): void => void cuts.set(what, (cuts.get(what) ?? 0) + 1);

  const tags: Tag[] = [];
  for (const t of n.tags) {
    let name = t.name.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
    if (!name) {
      cut('tag(s) with an empty name were left out');
      continue;
    }
    if (name !== t.name.trim()) cut('tag name(s) held control characters, replaced by spaces');
    if (name.length > TAG_NAME_MAX) {
      name = name.slice(0, TAG_NAME_MAX);
      cut(`tag name(s) were cut to ${TAG_NAME_MAX} characters`);
    }
    tags.push({ ...t, name, aliases: (t.aliases ?? []).filter((a) => a && a.length <= TAG_NAME_MAX).slice(0, 100), description: (t.description ?? '').slice(0, 100_000) });
  }
  const kept = new Set(tags.map((t) => t.id));
  const parentOf = new Map(tags.map((t) => [t.id, t.parentId && kept.has(t.parentId) ? t.parentId : null]));
  for (const t of tags) {
    // Depth, walked upwards without recursion; a cycle or a chain past the cap is cut at the cap.
    let depth = 1;
    let at = parentOf.get(t.id) ?? null;
    const seen = new Set<string>([t.id]);
    while (at && depth < MAX_TAG_DEPTH + 1 && !seen.has(at)) {
      seen.add(at);
      depth++;
      at = parentOf.get(at) ?? null;
    }
    if (at && seen.has(at)) {
      t.parentId = null;
      parentOf.set(t.id, null);
      cut('tag(s) were their own ancestor and moved to the top');
    } else if (depth > MAX_TAG_DEPTH) {
      // Attach to the ancestor at the cap's level.
      const chain: string[] = [];
      let p = parentOf.get(t.id) ?? null;
      while (p && chain.length < MAX_TAG_DEPTH * 2) {
        chain.push(p);
        p = parentOf.get(p) ?? null;
      }
      const target = chain[chain.length - (MAX_TAG_DEPTH - 1)] ?? null;
      t.parentId = target;
      parentOf.set(t.id, target);
      cut(`tag(s) nested deeper than ${MAX_TAG_DEPTH} levels were moved up`);
    } else {
      t.parentId = parentOf.get(t.id) ?? null;
    }
  }

  const sources = n.sources.map((s) => {
    let date = s.date;
    if (date && !DAY.test(date)) {
      date = '';
      cut('source date(s) were not yyyy-mm-dd and were left out');
    }
    let furniture = s.furniture;
    if (furniture) {
      const valid = furniture.filter(([a, b]) => Number.isInteger(a) && Number.isInteger(b) && a >= 0 && a < b && b <= s.text.length);
      if (valid.length !== furniture.length) cut('furniture range(s) outside the text were left out');
      furniture = valid;
    }
    return {
      ...s,
      title: clip(s.title, MAX_TITLE, () => cut('title(s) were cut')),
      publisher: clip(s.publisher, MAX_TITLE, () => cut('publisher name(s) were cut')),
      date,
      furniture,
      addedAt: s.addedAt && STAMP.test(s.addedAt) ? s.addedAt : null,
      note: s.note ? limitNoteDepth(s.note, () => cut(`note(s) nested deeper than ${MAX_NOTE_DEPTH} levels were flattened`)) : null,
    };
  });

  const now = new Date(0).toISOString();
  const highlights = n.highlights.map((h) => ({
    ...h,
    tagIds: h.tagIds.filter((id) => kept.has(id)),
    note: h.note ? limitNoteDepth(h.note, () => cut(`note(s) nested deeper than ${MAX_NOTE_DEPTH} levels were flattened`)) : null,
    createdAt: STAMP.test(h.createdAt) ? h.createdAt : (cut('highlight date(s) were not dates and were reset'), now),
    modifiedAt: STAMP.test(h.modifiedAt) ? h.modifiedAt : now,
  }));

  const projectNote = n.projectNote ? limitNoteDepth(n.projectNote, () => cut(`note(s) nested deeper than ${MAX_NOTE_DEPTH} levels were flattened`)) : null;
  const warnings = [...n.warnings, ...[...cuts].map(([what, count]) => `${count} ${what}.`)];
  return { ...n, tags, sources, highlights, projectNote, warnings };
}

function clip(value: string, max: number, onCut: () => void): string {
  if (value.length <= max) return value;
  onCut();
  return value.slice(0, max);
}

/**
 * A copy of the note whose nodes nest at most MAX_NOTE_DEPTH deep: the content below the cap is replaced by its text
 * as one paragraph, so no words are lost. Iterative, so a note 100,000 levels deep is handled like any other.
 */
export function limitNoteDepth(doc: NoteDoc, onCut: () => void = () => {}): NoteDoc {
  if (noteDepth(doc) <= MAX_NOTE_DEPTH) return doc;
  onCut();
  const root = { ...doc } as { content?: unknown[] };
  const stack: Array<[{ content?: unknown[] }, number]> = [[root, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (!Array.isArray(node.content)) continue;
    if (depth >= MAX_NOTE_DEPTH - 2) {
      const text = plainText(node.content);
      node.content = text ? [{ type: 'paragraph', content: [{ type: 'text', text }] }] : [{ type: 'paragraph' }];
      continue;
    }
    node.content = node.content.map((child) => {
      if (!child || typeof child !== 'object') return child;
      const copy = { ...(child as object) } as { content?: unknown[] };
      stack.push([copy, depth + 1]);
      return copy;
    });
  }
  return root as NoteDoc;
}

function plainText(content: unknown[]): string {
  const parts: string[] = [];
  walkNote({ content }, (node) => {
    if (typeof node.text === 'string') parts.push(node.text);
  });
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}
