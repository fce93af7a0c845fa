import type { MessageText } from '../../../core/i18n/message-text';
import { parentPort } from 'node:worker_threads';
import { jobs, type JobContext, type JobKind, type JobReply, type JobRequest, type SerializedError } from './jobs';

/** The worker thread's side of pool.ts: runs one job per message and answers with its value or its error. */

function serialize(err: unknown): SerializedError {
  if (err instanceof Error) {
    const e = err as Error & { fileName?: string; problem?: string; detail?: string; text?: MessageText; detailText?: MessageText };
    return { name: e.name, message: e.message, text: e.text, fileName: e.fileName, problem: e.problem, detail: e.detail, detailText: e.detailText };
  }
  return { name: 'Error', message: String(err) };
}

const port = parentPort;
if (!port) throw new Error('workers/entry.ts runs only as a worker thread.');
port.on('message', async (request: JobRequest) => {
  let reply: JobReply;
  try {
    const run = jobs[request.kind as JobKind] as (input: unknown, context: JobContext) => Promise<unknown>;
    const context: JobContext = { progress: (value) => port.postMessage({ id: request.id, progress: value } satisfies JobReply) };
    reply = { id: request.id, ok: true, value: await run(request.input, context) };
  } catch (err) {
    reply = { id: request.id, ok: false, error: serialize(err) };
  }
  port.postMessage(reply);
});
