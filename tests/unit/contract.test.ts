import { describe, expect, it } from 'vitest';
import { channels, contract, parseInput } from '../../core/contract';
import { createDispatcher } from '../../electron/backend/dispatch';
import { NotebookService } from '../../electron/backend/service';

describe('contract validation', () => {
  it('every channel of the contract is a method of the backend service, and only those answer', async () => {
    const missing = channels.filter((c) => typeof (NotebookService.prototype as unknown as Record<string, unknown>)[c] !== 'function');
    expect(missing).toEqual([]);
    // A method of the service that is not a channel cannot be called from the renderer.
    const dispatch = createDispatcher({} as NotebookService, () => {});
    expect(await dispatch('close', undefined)).toEqual({ ok: false, error: expect.objectContaining({ message: 'Unknown channel "close".' }) });
    expect(await dispatch('constructor', undefined)).toMatchObject({ ok: false });
    expect(Object.keys(contract)).not.toContain('close');
  });
  it('accepts good input', () => {
    expect(parseInput('getSource', { id: 'abc' })).toEqual({ ok: true, value: { id: 'abc' } });
    expect(parseInput('listSources', undefined).ok).toBe(true);
    expect(parseInput('updateSettings', { reader: { fontSize: 20 } }).ok).toBe(true);
  });
  it('rejects bad input with a message naming the field', () => {
    const wrongType = parseInput('getSource', { id: 42 });
    expect(wrongType).toEqual({ ok: false, error: expect.objectContaining({ message: expect.stringMatching(/^Invalid input for getSource: .* \(at id\)\.$/) }) });
    expect(parseInput('getSource', {})).toMatchObject({ ok: false });
    expect(parseInput('getSource', { id: 'a', extra: true })).toMatchObject({ ok: false });
    expect(parseInput('updateSettings', { reader: { fontSize: 4 } })).toMatchObject({ ok: false, error: expect.objectContaining({ message: expect.stringContaining('reader.fontSize') }) });
    expect(parseInput('saveSourceNote', { sourceId: 'a', doc: { type: 'not-a-doc' } })).toMatchObject({ ok: false, error: expect.objectContaining({ message: expect.stringContaining('doc.type') }) });
    expect(parseInput('listSources', { anything: 1 })).toMatchObject({ ok: false });
  });
  it('refuses a note over 5 MB', () => {
    const huge = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x'.repeat(5 * 1024 * 1024) }] }] };
    expect(parseInput('saveSourceNote', { sourceId: 'a', doc: huge })).toMatchObject({ ok: false, error: expect.objectContaining({ message: expect.stringContaining('at most 5 MB') }) });
  });
  it('rejects unknown channels and prototype keys', () => {
    expect(parseInput('__proto__' as never, {})).toMatchObject({ ok: false });
    expect(parseInput('toString' as never, {})).toMatchObject({ ok: false });
  });
});

describe('text limits', () => {
  it('refuses a source text over 50 MB, a note over 5 MB and a tag name over 200 characters, with a message', () => {
    const big = 'a'.repeat(50 * 1024 * 1024 + 1);
    expect(parseInput('updateSourceText', { sourceId: 's', text: big })).toEqual({ ok: false, error: expect.objectContaining({ message: expect.stringContaining('a source is at most 50 MB') }) });
    expect(parseInput('updateSourceText', { sourceId: 's', text: 'a'.repeat(1000) }).ok).toBe(true);
    const note = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'n'.repeat(5 * 1024 * 1024) }] }] };
    expect(parseInput('setHighlightNote', { sourceId: 's', highlightId: 'h-abcd', note })).toEqual({ ok: false, error: expect.objectContaining({ message: expect.stringContaining('a note is at most 5 MB') }) });
    expect(parseInput('createTag', { name: 't'.repeat(201), kind: 'theme' })).toEqual({ ok: false, error: expect.objectContaining({ message: expect.stringContaining('a tag name is at most 200 characters') }) });
    expect(parseInput('createTag', { name: 't'.repeat(200), kind: 'theme' }).ok).toBe(true);
  });
});

describe('errors travel as { code, message, details? } (core/errors.ts)', () => {
  it('each kind of failure carries its code, and a thrown call keeps it on the calling side', async () => {
    const { seededNotebook, cleanUp } = await import('./exchange-helpers');
    const { CallError, isChannelError } = await import('../../core/errors');
    const nb = await seededNotebook();
    try {
      const failure = async (channel: string, input: unknown) => {
        const r = await nb.dispatch(channel, input);
        if (r.ok) throw new Error(`${channel} succeeded`);
        expect(isChannelError(r.error)).toBe(true);
        return r.error;
      };
      expect((await failure('nope', undefined)).code).toBe('unknown-channel');
      expect((await failure('getSource', { id: 42 })).code).toBe('invalid-input');
      expect(await failure('getSource', { id: 'missing-source' })).toMatchObject({ code: 'not-found', message: expect.stringMatching(/No source/) });
      await nb.dispatch('createCollection', { name: 'Kremlin' });
      expect(await failure('createCollection', { name: 'kremlin' })).toMatchObject({ code: 'refused', message: expect.stringMatching(/exists already/) });
      // On the renderer's side the Error keeps the code and details.
      const thrown = new CallError({ code: 'locked', message: 'The notebook is open in Research Notebook (pid 7).', details: { pid: 7 } });
      expect(thrown).toBeInstanceOf(Error);
      expect([thrown.code, thrown.details?.pid, thrown.message]).toEqual(['locked', 7, 'The notebook is open in Research Notebook (pid 7).']);
      expect(isChannelError({ code: 'no-such-code', message: 'x' })).toBe(false);
    } finally {
      await cleanUp();
    }
  });
});
