/**
 * The IPC contract: every channel the renderer may call, with its input and output schema.
 * The preload exposes one function per channel as window.notebook; the main process validates each input
 * against this table before calling the backend; the renderer's types come from it.
 */
import { z } from 'zod';
import type { Highlight, NoteDoc, Settings, SourceDocument, SourceSummary } from './model';
import { highlightId, highlightSchema, id, noteDoc, offset, settingsPatch, sourceText } from './schemas';

const none = z.undefined().optional();

/** A channel's entry: its input schema, and its output type (the backend's return value, trusted). */
function channel<O>() {
  return <I extends z.ZodType>(input: I) => ({ input, output: undefined as unknown as O });
}

export const contract = {
  listSources: channel<SourceSummary[]>()(none),
  getSource: channel<SourceDocument>()(z.object({ id }).strict()),
  saveSourceNote: channel<{ savedAt: string }>()(z.object({ sourceId: id, doc: noteDoc }).strict()),
  getSettings: channel<Settings>()(none),
  updateSettings: channel<Settings>()(settingsPatch),
  appInfo: channel<{ version: string; dataDir: string }>()(none),
  /** Highlight [start, end) of a source's stored text; the backend computes the quote and context. */
  createHighlight: channel<Highlight>()(
    z.object({ sourceId: id, start: offset, end: offset, tagIds: z.array(id).max(100).optional(), id: highlightId.optional() }).strict(),
  ),
  deleteHighlight: channel<{ deleted: Highlight }>()(z.object({ sourceId: id, highlightId: id }).strict()),
  /** Put back a deleted highlight as it was (undo of delete). */
  restoreHighlight: channel<Highlight>()(z.object({ highlight: highlightSchema }).strict()),
  setHighlightNote: channel<Highlight>()(z.object({ sourceId: id, highlightId: id, note: noteDoc.nullable() }).strict()),
  /** Re-attach an orphaned (or any) highlight to a new range of the current text. */
  reattachHighlight: channel<Highlight>()(z.object({ sourceId: id, highlightId: id, start: offset, end: offset }).strict()),
  /** Replace a source's text (an edit or a re-import): every highlight is re-anchored; what cannot be becomes an orphan. */
  updateSourceText: channel<{ source: SourceDocument; reanchored: number; orphaned: string[] }>()(
    z.object({ sourceId: id, text: sourceText }).strict(),
  ),
  getProjectNote: channel<NoteDoc>()(none),
  saveProjectNote: channel<{ savedAt: string }>()(z.object({ doc: noteDoc }).strict()),
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = Contract[C]['output'];

export const channels = Object.keys(contract) as Channel[];

/** What every call returns across the boundary: errors travel as data with a readable message. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: string };

/** The API the preload exposes as window.notebook: one function per channel. */
export type NotebookApi = {
  [C in Channel]: (input?: ChannelInput<C>) => Promise<Envelope<ChannelOutput<C>>>;
};

/** Validate a channel's input; returns a readable message naming what is wrong. */
export function parseInput<C extends Channel>(
  name: C,
  input: unknown,
): { ok: true; value: z.output<Contract[C]['input']> } | { ok: false; error: string } {
  if (!isChannel(name)) return { ok: false, error: `Unknown channel "${String(name).slice(0, 80)}".` };
  const entry = contract[name];
  const result = entry.input.safeParse(input);
  if (result.success) return { ok: true, value: result.data as z.output<Contract[C]['input']> };
  const issue = result.error.issues[0];
  const where = issue && issue.path.length ? ` (at ${issue.path.join('.')})` : '';
  return { ok: false, error: `Invalid input for ${String(name)}: ${issue?.message ?? 'malformed'}${where}.` };
}

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
