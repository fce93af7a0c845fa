import { msg } from '../i18n';
/** Which note the notes pane shows: a highlight's note, a source's notebook, or the project notebook. */
export type NoteScope = { kind: 'highlight'; sourceId: string; highlightId: string } | { kind: 'source'; sourceId: string } | { kind: 'project' };

/** A stable key per document: editor states, scroll positions and pending saves are kept under it. */
export function scopeKey(scope: NoteScope): string {
  switch (scope.kind) {
    case 'highlight':
      return `highlight:${scope.sourceId}:${scope.highlightId}`;
    case 'source':
      return `source:${scope.sourceId}`;
    case 'project':
      return 'project';
  }
}

/** The accessible name of the editable area (tests and screen readers find the editor by it). */
export function scopeLabel(scope: NoteScope): string {
  return msg(({ highlight: 'notes.scope.highlight', source: 'notes.scope.source', project: 'notes.scope.project' } as const)[scope.kind]);
}

/** A short placeholder shown in an empty document. */
export function scopePlaceholder(scope: NoteScope): string {
  return msg(({ highlight: 'notes.placeholder.highlight', source: 'notes.placeholder.source', project: 'notes.placeholder.project' } as const)[scope.kind]);
}
