/** A user-facing failure: its message is shown to the analyst as it is. */
export class NotebookError extends Error {
  override name = 'NotebookError';
}

/** The notebook cannot be opened at all, not even read-only (e.g. its sources folder is a file): a backup can help. */
export class UnopenableNotebookError extends NotebookError {
  override name = 'UnopenableNotebookError';
}
