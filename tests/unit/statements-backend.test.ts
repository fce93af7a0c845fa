/** Statements and grades in the backend (issue 17): validation, undo records, persistence, suggestions, groups. */
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/backend/dispatch';
import type { NotebookService } from '../../electron/backend/service';
import { reopener } from './reopen';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'notebook-statements-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});
const open = reopener(() => dir);

const RT = '000_fef7c3c830cc015c';
const EFE = '002_3d6a35bbe9bd0c1a';
const FT = '003_66612958c2088e72';

async function highlight(service: NotebookService, sourceId: string, phrase: string) {
  const { text } = await service.getSource({ id: sourceId });
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`"${phrase}" not in ${sourceId}`);
  return service.createHighlight({ sourceId, start, end: start + phrase.length });
}

async function putinTag(service: NotebookService): Promise<string> {
  const { tags } = await service.listTags();
  const people = tags.find((t) => t.name === 'People')!;
  return (await service.createTag({ name: 'Vladimir Putin', kind: 'person', parentId: people.id })).tag.id;
}

describe('statements and grades', () => {
  it('marks a highlight a statement, grades it and its source, and keeps all of it across a restart', async () => {
    let service = await open();
    const putin = await putinTag(service);
    const h = await highlight(service, EFE, 'Terrorists are trying to penetrate CIS territory, including under the guise of refugees');
    const set = await service.setStatement({ sourceId: EFE, highlightId: h.id, statement: { speakerTagId: putin, dateSaid: '2021-10-15', occasion: 'CIS summit, online', mode: 'direct' } });
    expect(set.undo).toBeNull();
    expect(set.highlight.statement?.speakerTagId).toBe(putin);
    const graded = await service.setCredibility({ sourceId: EFE, highlightId: h.id, credibility: 3 });
    expect(graded.undo).toBeNull();
    const rel = await service.setSourceReliability({ sourceId: EFE, reliability: 'C' });
    expect(rel.source.reliability).toBe('C');
    service = await open();
    const again = await service.getSource({ id: EFE });
    const back = again.highlights.find((x) => x.id === h.id)!;
    expect(back.statement).toEqual({ speakerTagId: putin, dateSaid: '2021-10-15', occasion: 'CIS summit, online', mode: 'direct' });
    expect(back.credibility).toBe(3);
    expect(again.meta.reliability).toBe('C');
    expect((await service.listSources()).find((s) => s.id === EFE)?.reliability).toBe('C');
    // Undo: each change gave back what it replaced.
    await service.setCredibility({ sourceId: EFE, highlightId: h.id, credibility: null });
    await service.setStatement({ sourceId: EFE, highlightId: h.id, statement: null });
    await service.setSourceReliability({ sourceId: EFE, reliability: null });
    const plain = await service.getSource({ id: EFE });
    expect(plain.highlights.find((x) => x.id === h.id)?.statement).toBeUndefined();
    expect(plain.meta.reliability).toBeUndefined();
    const file = JSON.parse(await readFile(join(dir, 'sources', `${EFE}.json`), 'utf8'));
    expect(file.highlights[0].credibility).toBeUndefined();
  });

  it('refuses bad input with a clear message and changes nothing', async () => {
    const service = await open();
    const dispatch = createDispatcher(service);
    const h = await highlight(service, EFE, 'Terrorists are trying');
    const { tags } = await service.listTags();
    const theme = tags.find((t) => t.kind === 'theme')!;
    const before = await readFile(join(dir, 'sources', `${EFE}.json`), 'utf8');
    const bad = [
      ['setCredibility', { sourceId: EFE, highlightId: h.id, credibility: 7 }, /credibility grade is 1, 2, 3, 4, 5 or 6/],
      ['setSourceReliability', { sourceId: EFE, reliability: 'G' }, /reliability grade is A, B, C, D, E or F/],
      ['setStatement', { sourceId: EFE, highlightId: h.id, statement: { speakerTagId: null, dateSaid: '2021-10-15', occasion: '', mode: 'direct' } }, /needs a speaker/],
      ['setStatement', { sourceId: EFE, highlightId: h.id, statement: { speakerTagId: 'x', dateSaid: '2021-02-30', occasion: '', mode: 'direct' } }, /does not exist/],
      ['setStatement', { sourceId: EFE, highlightId: h.id, statement: { speakerTagId: theme.id, dateSaid: '2021-10-15', occasion: '', mode: 'direct' } }, /a speaker is a person or an organisation/],
      ['setStatement', { sourceId: EFE, highlightId: h.id, statement: { speakerTagId: 'nope', dateSaid: '2021-10-15', occasion: '', mode: 'quote' } }, /direct, paraphrase or outlet-claim/],
      ['mergeStatements', { refs: [{ sourceId: EFE, highlightId: h.id }] }, /at least two/],
    ] as const;
    for (const [channel, input, message] of bad) {
      const r = (await dispatch(channel, input)) as { ok: boolean; error?: { code: string; message: string } };
      expect(r.ok, channel).toBe(false);
      expect(r.error?.message).toMatch(message);
    }
    expect(await readFile(join(dir, 'sources', `${EFE}.json`), 'utf8')).toBe(before);
  });

  it('suggests attributions, accepts them as statements with new speaker tags, and remembers rejections', async () => {
    const service = await open();
    const { suggestions } = await service.suggestStatements({ sourceId: FT });
    const visas = suggestions.find((s) => s.text.startsWith('So they [refugees]'))!;
    expect(visas.speakerName).toBe('Vladimir Putin');
    expect(visas.dateSaid).toBe('2021-08-22');
    const accepted = await service.acceptStatementSuggestions({ sourceId: FT, suggestions: [{ key: visas.key, start: visas.start, end: visas.end, speakerName: visas.speakerName, speakerKind: visas.speakerKind, dateSaid: visas.dateSaid, mode: visas.mode }] });
    expect(accepted.createdTags.map((t) => [t.name, t.kind])).toEqual([['Vladimir Putin', 'person']]);
    expect(accepted.highlights[0].statement?.mode).toBe('direct');
    const peskov = suggestions.find((s) => s.speakerName === 'Dmitry Peskov')!;
    await service.rejectStatementSuggestion({ sourceId: FT, key: peskov.key, rejected: true });
    const after = await service.suggestStatements({ sourceId: FT });
    expect(after.suggestions.some((s) => s.key === peskov.key || s.key === visas.key)).toBe(false);
    expect(after.rejected).toBe(1);
    // The next suggestion of Putin finds his tag.
    expect(after.suggestions.find((s) => s.speakerName === 'Vladimir Putin')?.speakerTagId).toBe(accepted.createdTags[0].id);
  });

  it('groups the refugee claim across RT and EFE, offers FT as related, and keeps merges and splits', async () => {
    const service = await open();
    const putin = await putinTag(service);
    const mark = async (sourceId: string, phrase: string, date: string) => {
      const h = await highlight(service, sourceId, phrase);
      await service.setStatement({ sourceId, highlightId: h.id, statement: { speakerTagId: putin, dateSaid: date, occasion: '', mode: 'direct' } });
      return h.id;
    };
    const rt = await mark(RT, 'Terrorists are trying to penetrate the territory of the Commonwealth, including disguised as refugees', '2021-10-15');
    const efe = await mark(EFE, 'Terrorists are trying to penetrate CIS territory, including under the guise of refugees', '2021-10-15');
    const ft = await mark(FT, 'We don’t want militants coming here under the guise of refugees', '2021-08-22');
    let list = await service.listStatements();
    expect(list.rows).toHaveLength(3);
    expect(list.counts).toEqual({ [RT]: 1, [EFE]: 1, [FT]: 1 });
    const group = list.groups[0];
    expect(list.groups).toHaveLength(1);
    expect(group.outlets).toBe(2);
    expect(group.members.map((m) => m.highlightId).sort()).toEqual([rt, efe].sort());
    expect((await service.relatedStatements({ sourceId: RT, highlightId: rt })).related.map((r) => r.highlightId)).toEqual([ft]);
    // Merge FT in by hand; then split EFE out; undo puts the keys back.
    const merged = await service.mergeStatements({ refs: [{ sourceId: RT, highlightId: rt }, { sourceId: EFE, highlightId: efe }, { sourceId: FT, highlightId: ft }] });
    list = await service.listStatements();
    expect(list.groups[0].members).toHaveLength(3);
    expect(list.groups[0].manual).toBe(true);
    await service.splitStatements({ refs: [{ sourceId: EFE, highlightId: efe }] });
    list = await service.listStatements();
    expect(list.groups[0].members.map((m) => m.highlightId).sort()).toEqual([rt, ft].sort());
    await service.restoreGroupKeys({ keys: merged.undo });
    list = await service.listStatements();
    expect(list.groups[0].members.map((m) => m.highlightId).sort()).toEqual([rt, efe].sort());
    expect(list.rows.every((r) => r.speakerName === 'Vladimir Putin')).toBe(true);
  });

  it('opens a notebook written before statements existed', async () => {
    await cp(resolve('tests/fixtures/notebook-v1'), dir, { recursive: true });
    const service = await open();
    const list = await service.listStatements();
    expect(list.rows).toEqual([]);
    expect((await service.listSources()).length).toBeGreaterThan(0);
  });
});
