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
  return { highlight: 'Note on this highlight', source: 'Notes on this source', project: 'Project notebook' }[scope.kind];
}

/** A short placeholder shown in an empty document. */
export function scopePlaceholder(scope: NoteScope): string {
  return {
    highlight: 'Write about this passage…',
    source: 'Notes on this source: type, or drag a highlight here to cite it…',
    project: 'Synthesis across sources: cite highlights from any source…',
  }[scope.kind];
}
