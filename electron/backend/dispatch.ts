import { isChannel, parseInput, unknownChannel, type Envelope } from '../../core/contract';
import { toChannelError } from './errors';
import type { NotebookService } from './service';
import { sentence, type MessageText } from '../../core/i18n/message-text';

/** What each channel does, in the words of an error message ("Could not save the notes: ..."). */
const ACTIONS: Partial<Record<string, MessageText>> = {
  saveSourceNote: sentence('backend.action.saveNotes'),
  updateSettings: sentence('backend.action.saveSettings'),
  getSource: sentence('backend.action.openSource'),
  listSources: sentence('backend.action.readNotebook'),
  commitImport: sentence('backend.action.importFiles'),
  startExport: sentence('backend.action.startExport'),
};

export type Dispatch = (channel: string, input: unknown) => Promise<Envelope<unknown>>;

/**
 * The one entry point for calls from the renderer (IPC in Electron, exposeBinding in tests, the CLI):
 * checks the channel, validates the input against the contract, calls the service, and turns failures into
 * a readable error. Invalid input never reaches the service, so it changes nothing.
 */
export function createDispatcher(service: NotebookService, log: (err: unknown) => void = console.error): Dispatch {
  return async (channel, input) => {
    if (!isChannel(channel)) return { ok: false, error: unknownChannel(channel) };
    const parsed = parseInput(channel, input);
    if (!parsed.ok) return parsed;
    try {
      const handler = service[channel] as (i: unknown) => Promise<unknown>;
      return { ok: true, value: await handler.call(service, parsed.value) };
    } catch (err) {
      return { ok: false, error: toChannelError(err, ACTIONS[channel] ?? sentence('backend.action.complete', { channel }), `The notebook could not complete "${channel}"`, log) };
    }
  };
}
