/** Who did what, blind coding and adjudication in the backend (issue 19). */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/backend/dispatch';
import type { NotebookService } from '../../electron/backend/service';
import { visibleHighlights } from '../../core/agreement/blind';
import { reopener } from './reopen';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'notebook-agreement-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});
const open = reopener(() => dir);
const RT = '000_fef7c3c830cc015c';

async function range(service: NotebookService, phrase: string) {
  const { text } = await service.getSource({ id: RT });
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`"${phrase}" not in the source`);
  return { start, end: start + phrase.length };
}
const onDisk = async () => JSON.parse(await readFile(join(dir, 'sources', `${RT}.json`), 'utf8')) as { highlights: Array<{ id: string; creator?: string; lastEditor?: string; tagIds: string[] }> };

describe('who did what', () => {
  it('the backend records the analyst as creator and last editor, on create and on update, and on disk', async () => {
    const service = await open();
    const call = createDispatcher(service);
    const before = await service.createHighlight({ sourceId: RT, ...(await range(service, 'Russia')) });
    expect(before.creator).toBeUndefined();
    // Through the dispatcher, as the window calls it: the name is tidied by the contract's schema.
    expect(await call('updateSettings', { analystName: '  Anna   Petrova ' })).toMatchObject({ ok: true });
    const h = await service.createHighlight({ sourceId: RT, ...(await range(service, 'refugees')) });
    expect([h.creator, h.lastEditor]).toEqual(['Anna Petrova', 'Anna Petrova']);
    await service.updateSettings({ analystName: 'Boris' });
    const noted = await service.setHighlightNote({ sourceId: RT, highlightId: h.id, note: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x' }] }] } });
    expect([noted.creator, noted.lastEditor]).toEqual(['Anna Petrova', 'Boris']);
    const stored = (await onDisk()).highlights.find((x) => x.id === h.id)!;
    expect([stored.creator, stored.lastEditor]).toEqual(['Anna Petrova', 'Boris']);
    // The old highlight without a creator is left alone by changes to others.
    expect((await onDisk()).highlights.find((x) => x.id === before.id)!.creator).toBeUndefined();
    const tag = (await service.createTag({ name: 'Borders', kind: 'theme' })).tag;
    expect([tag.creator, tag.lastEditor]).toEqual(['Boris', 'Boris']);
    await service.saveSourceNote({ sourceId: RT, doc: { type: 'doc', content: [{ type: 'paragraph' }] } });
    expect((await service.getSource({ id: RT })).noteEditedBy).toBe('Boris');
  });

  it('never takes a creator from the renderer: an undo of a delete puts back the one the backend recorded', async () => {
    const service = await open();
    const call = createDispatcher(service);
    await service.updateSettings({ analystName: 'Anna' });
    const h = await service.createHighlight({ sourceId: RT, ...(await range(service, 'refugees')) });
    expect((await call('createHighlight', { sourceId: RT, start: 0, end: 5, creator: 'Mallory' })).ok).toBe(false);
    const { deleted } = await service.deleteHighlight({ sourceId: RT, highlightId: h.id });
    await service.updateSettings({ analystName: 'Boris' });
    const back = await service.restoreHighlight({ highlight: { ...deleted, creator: 'Mallory' } });
    expect([back.creator, back.lastEditor]).toEqual(['Anna', 'Boris']);
  });

  it('refuses "Adjudicated", an empty name and control characters as the analyst’s name, changing nothing', async () => {
    const service = await open();
    const call = createDispatcher(service);
    for (const analystName of ['adjudicated', '   ', 'a\u0007b', 'x'.repeat(81)]) expect((await call('updateSettings', { analystName })).ok).toBe(false);
    expect((await service.getSettings()).analystName).toBeUndefined();
  });
});

describe('blind double-coding and adjudication', () => {
  it('each coder sees only their own coding until they submit; then the Agreement figures and the merged reading', async () => {
    const service = await open();
    const { tags } = await service.listTags();
    const code = tags.find((t) => t.kind === 'theme' && t.parentId !== null)!.id;
    await service.setCoding({ blind: true, assignments: [{ coder: 'Anna', sourceIds: [RT], tagIds: [code] }, { coder: 'Boris', sourceIds: [RT], tagIds: [code] }] });
    await service.updateSettings({ analystName: 'Anna' });
    const a = await service.createHighlight({ sourceId: RT, ...(await range(service, 'refugees')), tagIds: [code] });
    await service.updateSettings({ analystName: 'Boris' });
    expect((await service.getSource({ id: RT })).highlights.map((h) => h.id)).not.toContain(a.id);
    const b = await service.createHighlight({ sourceId: RT, ...(await range(service, 'Russia')), tagIds: [code] });
    await expect(service.computeAgreement({ coders: ['Anna', 'Boris'], tagIds: [code], unit: 'sentence' })).rejects.toThrow('Anna and Boris have not submitted');
    await service.submitCoding();
    // Boris has submitted, Anna has not: Boris still does not see Anna's coding; Anna does not see Boris's yet either.
    expect((await service.getSource({ id: RT })).highlights.map((h) => h.id)).toEqual([b.id]);
    await service.updateSettings({ analystName: 'Anna' });
    expect((await service.getSource({ id: RT })).highlights.map((h) => h.id)).toEqual([a.id]);
    await service.submitCoding();
    const seen = (await service.getSource({ id: RT })).highlights.map((h) => h.id);
    expect(seen).toContain(a.id);
    expect(seen).toContain(b.id);

    const report = await service.computeAgreement({ coders: ['Anna', 'Boris'], tagIds: [code], unit: 'sentence' });
    expect(report.disagreements.length).toBeGreaterThan(0);
    const d = report.disagreements.find((x) => x.sides[0].some((p) => p.highlightId === a.id))!;
    expect(d.sideQuotes[0]).toEqual(['refugees']);
    const done = await service.adjudicate({ sourceId: RT, tagId: code, start: d.start, end: d.end, coders: ['Anna', 'Boris'], choice: 'a' });
    expect(done.created.map((h) => [h.creator, h.start, h.end, h.tagIds])).toEqual([['Adjudicated', a.start, a.end, [code]]]);
    expect(done.created[0].lastEditor).toBe('Anna');
    // Pressing B after A replaces the decision: A's copy goes, B's (none in this sentence) comes.
    const again = await service.adjudicate({ sourceId: RT, tagId: code, start: d.start, end: d.end, coders: ['Anna', 'Boris'], choice: 'b' });
    expect((await onDisk()).highlights.filter((h) => h.creator === 'Adjudicated').map((h) => h.id)).toEqual(again.created.map((h) => h.id));
    const both = await service.adjudicate({ sourceId: RT, tagId: code, start: d.start, end: d.end, coders: ['Anna', 'Boris'], choice: 'both' });
    expect((await service.computeAgreement({ coders: ['Anna', 'Boris'], tagIds: [code], unit: 'sentence' })).disagreements.find((x) => x.key === d.key)?.decision).toBe('both');
    await service.undoAdjudication({ key: both.decision.key });
    expect((await onDisk()).highlights.filter((h) => h.creator === 'Adjudicated')).toEqual([]);
  });

  it('the blind filter: others’ unsubmitted coding is hidden from everyone; a coder still coding sees only their own', () => {
    const hs = [{ id: '1', creator: 'A' }, { id: '2', creator: 'B' }, { id: '3' }, { id: '4', creator: 'C' }];
    const setup = { blind: true, assignments: [{ coder: 'A', sourceIds: ['s'], tagIds: [] }, { coder: 'B', sourceIds: ['s'], tagIds: [], submittedAt: '2026-01-01T00:00:00Z' }] };
    expect(visibleHighlights(hs, setup, 'A', 's').map((h) => h.id)).toEqual(['1']);
    expect(visibleHighlights(hs, setup, 'B', 's').map((h) => h.id)).toEqual(['2', '3', '4']);
    expect(visibleHighlights(hs, setup, 'C', 's').map((h) => h.id)).toEqual(['2', '3', '4']);
    expect(visibleHighlights(hs, setup, 'C', 'other').map((h) => h.id)).toEqual(['1', '2', '3', '4']);
    expect(visibleHighlights(hs, { ...setup, blind: false }, 'A', 's').map((h) => h.id)).toEqual(['1', '2', '3', '4']);
  });
});
