/** A user-facing failure: its message is shown to the analyst as it is. */
export class NotebookError extends Error {
  override name = 'NotebookError';
}
