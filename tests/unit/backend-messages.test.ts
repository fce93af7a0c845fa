/**
 * A refused call carries its message as data (a catalog key and values) beside the English `message`; a summary
 * does the same; the window words both in the interface language.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/backend/dispatch';
import { CallError, isChannelError, textError } from '../../core/errors';
import { englishText, messageTextSchema, sentence, wordText } from '../../core/i18n/message-text';
import { ImportError } from '../../core/import/errors';
import { describeConflict } from '../../core/sync/describe-changes';
import { reopener } from './reopen';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'notebook-messages-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});
const open = reopener(() => dir);
const EFE = '002_3d6a35bbe9bd0c1a';

describe('backend messages as data', () => {
  it('a refused rename returns the key and values, and the English message', async () => {
    const dispatch = createDispatcher(await open());
    const r = await dispatch('updateTag', { tagId: 'tag-theme-drugs', name: 'Border' });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'refused',
        message: 'A tag named "Border" already exists under Themes.',
        text: { key: 'backend.codebook.nameTaken', values: { name: 'Border', where: { key: 'backend.codebook.under', values: { path: 'Themes' } } } },
      },
    });
    if (r.ok) return;
    expect(isChannelError(r.error)).toBe(true);
    expect(wordText('ru', r.error.text!)).toBe('Метка «Border» уже есть в Themes.');
    // The calling side keeps the data.
    expect(new CallError(r.error).text).toEqual(r.error.text);
  });

  it('an invalid tag query is refused with its column, in either language', async () => {
    const dispatch = createDispatcher(await open());
    const r = await dispatch('retrieve', { query: 'Terrorism AND' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toBe('Expected a tag name after "AND" at column 14.');
    expect(r.error.text?.key).toBe('backend.query.atColumn');
    expect(wordText('ru', r.error.text!)).toBe('После «AND» ожидается название метки (позиция 14).');
  });

  it('a missing source is "not-found" with the id as a value', async () => {
    const dispatch = createDispatcher(await open());
    const r = await dispatch('getSource', { id: 'no-such-source' });
    expect(r).toEqual({ ok: false, error: { code: 'not-found', message: 'No source with id "no-such-source" in this notebook.', text: { key: 'backend.source.notFound', values: { id: 'no-such-source' } } } });
  });

  it('"tag all mentions" returns its summary as data, with Russian plural forms', async () => {
    const service = await open();
    const { text } = await service.getSource({ id: EFE });
    const starts = [...text.matchAll(/Taliban/g)].map((m) => m.index);
    expect(starts.length).toBeGreaterThan(1);
    const passages = starts.map((start) => ({ sourceId: EFE, start, end: start + 'Taliban'.length }));
    const result = await service.tagPassages({ tagId: 'tag-theme-drugs', passages });
    const n = passages.length;
    expect(result.summaryText).toEqual({ key: 'backend.tags.tagged', values: { count: n } });
    expect(result.summary).toBe(`Tagged ${n} passages.`);
    const ru = (count: number) => wordText('ru', sentence('backend.tags.tagged', { count }));
    expect(ru(n)).toBe(wordText('ru', result.summaryText));
    expect([1, 2, 5, 21].map(ru)).toEqual(['Размечен 1 фрагмент.', 'Размечено 2 фрагмента.', 'Размечено 5 фрагментов.', 'Размечен 21 фрагмент.']);
  });

  it('the shape is checked where it crosses: a key the catalog lacks, or a bad value, is not a message', () => {
    expect(messageTextSchema.safeParse({ key: 'backend.tag.gone', values: { id: 'x' } }).success).toBe(true);
    expect(messageTextSchema.safeParse({ key: 'no.such.key' }).success).toBe(false);
    expect(messageTextSchema.safeParse({ key: 'backend.tag.gone', values: { id: { nested: true } } }).success).toBe(false);
    expect(isChannelError({ code: 'refused', message: 'x', text: { key: 'no.such.key' } })).toBe(false);
    const e = textError('refused', sentence('backend.tags.pinnedFull', { count: 9 }));
    expect(e.message).toBe('9 tags are pinned already (keys 1–9): unpin one first.');
    expect(isChannelError(e)).toBe(true);
    expect(wordText('ru', e.text!)).toBe('Уже закреплено 9 меток (клавиши 1–9): сначала открепите одну.');
    expect(englishText(sentence('backend.readOnly.noSync', { reason: sentence('backend.readOnly.flag') }))).toBe(
      'The notebook was opened read-only (--read-only): nothing is written. It cannot be synced.',
    );
  });

  it('an import refusal and a sync conflict carry their message as data', () => {
    const e = new ImportError('notes.json', 'empty', sentence('backend.import.emptyFile'));
    expect(e.message).toBe('notes.json: the file is empty.');
    expect(e.detail).toBe('the file is empty.');
    expect(wordText('ru', e.text)).toBe('notes.json: файл пуст.');
    const names = { source: () => 'Putin warns', tag: () => 'Border', highlight: () => '“Islamic State”' };
    const tagKept = describeConflict({ path: 'catalog.json', kind: 'tag-in-use', id: 'tag-theme-border', deletedBy: 'theirs' }, names);
    expect(englishText(tagKept)).toBe('They deleted the tag “Border”, which the other side still uses: it was kept.');
    expect(wordText('ru', tagKept)).toBe('Другая сторона удалила метку «Border», которую вы ещё используете: метка оставлена.');
    const note = describeConflict({ path: 'sources/002_x.json', kind: 'note', where: 'source' } as Parameters<typeof describeConflict>[0], names);
    expect(englishText(note)).toBe('Both of you edited the same part of the notes in “Putin warns”: both versions were kept, marked “Merge conflict”, for you to settle.');
    expect(wordText('ru', note)).toMatch(/^Вы оба изменили одну и ту же часть заметок в «Putin warns»/);
  });
});
