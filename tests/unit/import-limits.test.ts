import { strToU8, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import type { ImportPreview, ImportSummary } from '../../core/exchange/api';
import { applyImportLimits, MAX_TAG_DEPTH } from '../../core/import/limits';
import { MAX_NOTE_DEPTH, noteDepth } from '../../core/notes/depth';
import { tagsInTreeOrder } from '../../core/export/common';
import type { ImportedNotebook } from '../../core/import';
import type { NoteDoc, Tag } from '../../core/model';
import { call, cleanUp, emptyNotebook, fileInput, seededNotebook } from './exchange-helpers';

// Issue 11: imported data passes the channels' limits, and no input can overflow the stack.

afterAll(cleanUp);

const tag = (id: string, name: string, parentId: string | null): Tag => ({ id, name, kind: 'theme', color: '#aabbcc', parentId, description: '', aliases: [], createdAt: '2021-01-01T00:00:00.000Z' });

function deepNote(levels: number): NoteDoc {
  let node: Record<string, unknown> = { type: 'paragraph', content: [{ type: 'text', text: 'bottom' }] };
  for (let i = 0; i < levels; i++) node = { type: 'blockquote', content: [node] };
  return { type: 'doc', content: [node] };
}

function notebookWith(parts: Partial<ImportedNotebook>): ImportedNotebook {
  return { format: 'w3c', fileName: 'x.json', title: '', sources: [], tags: [], highlights: [], projectNote: null, missingSources: [], warnings: [], ...parts };
}

describe('applyImportLimits', () => {
  it('cuts long and empty tag names, bad dates and ranges, and says so', () => {
    const text = 'Some text of the source.';
    const out = applyImportLimits(
      notebookWith({
        tags: [tag('a', 'x'.repeat(20_000_000), null), tag('b', '', null), tag('c', 'A\u0000B', null)],
        sources: [{ id: 's', title: 'T', publisher: 'P', date: '<img onerror=alert(1)>', originalFile: 'x', text, contentHash: '', note: null, addedAt: 'yesterday', furniture: [[-5, 3], [2, 999], [0, 4]] }],
      }),
    );
    expect(out.tags.map((t) => t.name.length)).toEqual([200, 3]);
    expect(out.tags[1].name).toBe('A B');
    expect(out.sources[0].date).toBe('');
    expect(out.sources[0].addedAt).toBeNull();
    expect(out.sources[0].furniture).toEqual([[0, 4]]);
    expect(out.warnings.join(' ')).toMatch(/1 tag name\(s\) were cut to 200 characters.*1 tag\(s\) with an empty name were left out/s);
    expect(out.warnings.join(' ')).toMatch(/source date\(s\) were not yyyy-mm-dd/);
    expect(out.warnings.join(" ")).toMatch(/furniture range\(s\) outside the text were left out/);
  });

  it('a codebook 100,000 levels deep is cut at the cap without overflowing the stack', () => {
    const tags = Array.from({ length: 100_000 }, (_, i) => tag(`t${i}`, `Level ${i}`, i ? `t${i - 1}` : null));
    const out = applyImportLimits(notebookWith({ tags }));
    const depths = tagsInTreeOrder(out.tags).map((t) => t.depth);
    expect(Math.max(...depths.slice(0, 1000))).toBeLessThan(MAX_TAG_DEPTH);
    expect(tagsInTreeOrder(out.tags)).toHaveLength(100_000);
    expect(out.warnings.join(' ')).toMatch(/nested deeper than 32 levels were moved up/);
  });

  it('a note 100,000 levels deep is flattened at the cap, keeping its words', () => {
    const out = applyImportLimits(notebookWith({ projectNote: deepNote(100_000) }));
    expect(noteDepth(out.projectNote)).toBeLessThanOrEqual(MAX_NOTE_DEPTH);
    expect(JSON.stringify(out.projectNote)).toContain('bottom');
  });
});

describe('through the channels', () => {
  it('a note nested 100,000 deep is refused with a clear message, and the dispatcher keeps answering', async () => {
    const nb = await seededNotebook();
    const result = await nb.dispatch('saveProjectNote', { doc: deepNote(100_000) });
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ message: expect.stringMatching(/a note nests at most 64 levels deep/) }) });
    const fine = await nb.dispatch('saveProjectNote', { doc: deepNote(10) });
    expect(fine.ok).toBe(true);
  });

  it('createHighlight and restoreHighlight refuse tags that do not exist, forged ids and dates', async () => {
    const nb = await seededNotebook();
    const [source] = await nb.service.listSources();
    const made = await nb.dispatch('createHighlight', { sourceId: source.id, start: 0, end: 10, tagIds: ['no-such-tag'] });
    expect(made).toEqual({ ok: false, error: expect.objectContaining({ message: expect.stringMatching(/no tag with id "no-such-tag"/) }) });
    const good = await nb.service.createHighlight({ sourceId: source.id, start: 0, end: 10 });
    const { deleted } = await nb.service.deleteHighlight({ sourceId: source.id, highlightId: good.id });
    expect((await nb.dispatch('restoreHighlight', { highlight: { ...deleted, id: '../x' } })).ok).toBe(false);
    expect((await nb.dispatch('restoreHighlight', { highlight: { ...deleted, createdAt: '<img onerror=x>' } })).ok).toBe(false);
    expect((await nb.dispatch('restoreHighlight', { highlight: { ...deleted, tagIds: ['ghost'] } })).ok).toBe(false);
    expect((await nb.dispatch('restoreHighlight', { highlight: deleted })).ok).toBe(true);
  });

  it('a QDPX whose codebook is 100,000 levels deep imports, capped, and says so', async () => {
    let codes = '<Code guid="00000000-0000-0000-0000-000000000000" name="Leaf" isCodable="true"/>';
    for (let i = 1; i < 100_000; i++) {
      const guid = `00000000-0000-0000-0000-${i.toString(16).padStart(12, '0')}`;
      codes = `<Code guid="${guid}" name="L${i}" isCodable="true">${codes}</Code>`;
      if (codes.length > 12_000_000) break;
    }
    const qde = `<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="deep"><CodeBook><Codes>${codes}</Codes></CodeBook></Project>`;
    const nb = await emptyNotebook();
    const preview = await call<ImportPreview>(nb.dispatch, 'previewImport', { files: [fileInput('deep.qdpx', zipSync({ 'project.qde': strToU8(qde) }))] });
    expect(preview.files[0].ok).toBe(true);
    const summary = await call<ImportSummary>(nb.dispatch, 'commitImport', { previewId: preview.previewId, skipDuplicates: true });
    expect(summary.warnings.join(' ')).toMatch(/nested deeper than 32 levels were moved up/);
    const tags = (await nb.service.listTags()).tags;
    expect(tags.length).toBeGreaterThan(1000);
  }, 120_000);
});
