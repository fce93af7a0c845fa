import { msg } from '../i18n';
import { Byline } from '../byline';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import type { Command, EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { redo, undo } from 'prosemirror-history';
import type { Highlight, NoteDoc } from '../../core/model';
import { call } from '../api';
import { notesAutosaver, type SaveStatus } from '../editor/autosave';
import { setActivePane } from '../editor/active-pane';
import { CitationViews } from '../editor/citation-view';
import { citationAttrsFor, citationsStale, insertCitation, refreshNoteJSON, resolveCitation, type ResolvedHighlight } from '../editor/citations';
import { linkAround, normaliseHref, setLink } from '../editor/commands';
import { EDITOR_COMMANDS } from '../editor/plugins';
import { dropCitation, readHighlightDrag } from '../editor/drop';
import { appKeydown } from '../editor/keys';
import { handleLinkClick, linkMarkView } from '../editor/links';
import { sanitizePastedHTML } from '../editor/paste';
import { handlePlainKeyPress } from '../editor/typing';
import { createNoteState, getSession, putSession } from '../editor/sessions';
import { TOP, captureScroll, restoreScroll, type ScrollAnchor } from '../editor/scroll';
import { scopeKey, scopeLabel, scopePlaceholder, type NoteScope } from '../editor/scope';
import { ToolbarStore } from '../editor/toolbar-state';
import type { CitationAttrs } from '../editor/schema';
import { EditorToolbar, LinkPrompt, type ToolbarAction } from './EditorToolbar';
import { noteEditorChanged } from './note-ready';
import '../styles/editor.css';

export type { NoteScope } from '../editor/scope';
export { citeSelected, forgetNote, redoInNotes, undoInNotes } from '../editor/active-pane';
export { flushNotes } from '../editor/autosave';

export interface NotesPaneProps {
  /** Which document is shown. */
  scope: NoteScope;
  /** Tabs "Highlight" / "Source" / "Project" at the top of the pane. */
  onScopeChange(scope: NoteScope): void;
  /** The open source: the Source tab shows its notebook (disabled when no source is open). */
  sourceId: string | null;
  /** For the Highlight tab and for Ctrl/Cmd+Shift+C. */
  selectedHighlight: Highlight | null;
  /** Highlights of the open source: a fallback for citing one the resolver does not know yet. */
  highlights: Highlight[];
  resolveHighlight(id: string): ResolvedHighlight | null;
  /** Bumps when highlights or tags change anywhere: citations are redrawn and their stored attrs refreshed. */
  resolverVersion: number;
  loadDoc(scope: NoteScope): Promise<NoteDoc>;
  saveDoc(scope: NoteScope, doc: NoteDoc): Promise<void>;
  onOpenCitation(highlightId: string, sourceId: string): void;
  /** Who made or last changed the note shown, and when (issue 19): "by A. Petrova · 3 Dec". */
  authorship?: { creator?: string; lastEditor?: string; at?: string } | null;
}

type Phase = { kind: 'loading' } | { kind: 'ready' } | { kind: 'error'; message: string };

interface LinkPromptState {
  initial: string;
  editing: boolean;
  range: { from: number; to: number } | null;
}

const BLANK_STATE: EditorState = createNoteState(null);

/**
 * The right pane: one ProseMirror EditorView whose state is swapped per scope (a highlight's note, the source's
 * notebook, the project notebook). Each scope keeps its state (undo history, selection) and scroll position for the
 * app's lifetime. React renders only when the scope, the load phase, the save status kind or the toolbar's active
 * marks change: never per keystroke.
 */
export function NotesPane(props: NotesPaneProps) {
  const host = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const propsRef = useRef(props);
  useLayoutEffect(() => {
    propsRef.current = props;
  });
  /** The scope whose state is in the view (null while loading: nothing typed then belongs to any note). */
  const shown = useRef<{ key: string; scope: NoteScope } | null>(null);
  const editable = useRef(false);
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [reloads, setReloads] = useState(0);
  const [linkPrompt, setLinkPrompt] = useState<LinkPromptState | null>(null);
  const [toolbar] = useState(() => new ToolbarStore());
  const status = useSyncExternalStore(
    useCallback((onChange: () => void) => notesAutosaver.subscribe(onChange), []),
    () => notesAutosaver.getStatus(),
  );
  const [citations] = useState(
    () =>
      new CitationViews(() => ({
        resolve: (id) => propsRef.current.resolveHighlight(id),
        open: (highlightId, sourceId) => propsRef.current.onOpenCitation(highlightId, sourceId),
      })),
  );

  const key = scopeKey(props.scope);

  /** Queue a note for saving; its citations' stored attrs are brought up to date as it is serialised. */
  const markDirty = useCallback((noteKey: string, noteScope: NoteScope, state: EditorState) => {
    notesAutosaver.markDirty(noteKey, noteScope, state.doc, (s, doc) => propsRef.current.saveDoc(s, refreshNoteJSON(doc, (id) => propsRef.current.resolveHighlight(id))));
  }, []);

  /** Keep the shown note's state and scroll position, and save it now if it has changes. */
  const stash = useCallback(() => {
    const view = viewRef.current;
    const current = shown.current;
    if (!view || !current) return;
    putSession(current.key, { state: view.state, scroll: host.current ? captureScroll(view, host.current) : TOP });
    if (notesAutosaver.hasPending(current.key)) void notesAutosaver.flush(current.key);
  }, []);

  const cite = useCallback((): boolean => {
    const view = viewRef.current;
    const p = propsRef.current;
    const h = p.selectedHighlight;
    if (!view || !shown.current || !editable.current || !h) return false;
    const attrs = citationAttrsFor(h.id, p.resolveHighlight, h);
    if (!attrs) return false;
    view.dispatch(insertCitation(view.state, attrs));
    view.focus();
    return true;
  }, []);

  const editLink = useCallback(() => {
    const view = viewRef.current;
    if (!view || !editable.current) return;
    const around = linkAround(view.state);
    const { from, to, empty } = view.state.selection;
    setLinkPrompt({ initial: around?.href ?? '', editing: Boolean(around), range: around ?? (empty ? null : { from, to }) });
  }, []);

  // The one EditorView, for the pane's lifetime.
  useEffect(() => {
    const view: EditorView = new EditorView(host.current!, {
      state: BLANK_STATE,
      editable: () => editable.current,
      attributes: (state) => {
        const scope = shown.current?.scope ?? propsRef.current.scope;
        const first = state.doc.firstChild;
        const empty = state.doc.childCount === 1 && Boolean(first?.isTextblock) && first!.content.size === 0;
        return {
          'aria-label': scopeLabel(scope),
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-busy': shown.current ? 'false' : 'true',
          class: 'note-editor',
          spellcheck: 'true',
          'data-empty': empty ? 'true' : 'false',
          'data-placeholder': scopePlaceholder(scope),
        };
      },
      nodeViews: { citation: citations.nodeView },
      markViews: { link: linkMarkView },
      transformPastedHTML: sanitizePastedHTML,
      handleDOMEvents: { click: handleLinkClick, auxclick: handleLinkClick },
      handleKeyPress: handlePlainKeyPress,
      handleKeyDown: appKeydown(() => ({
        citeSelected: cite,
        editLink,
        openCitation: (a: CitationAttrs) => {
          const live = resolveCitation(propsRef.current.resolveHighlight, a.highlightId);
          if (live) propsRef.current.onOpenCitation(a.highlightId, live.sourceId || a.sourceId);
        },
      })),
      handleDrop: (v, event) => {
        const drag = readHighlightDrag(event.dataTransfer);
        if (!drag) return false;
        // A highlight drag is always ours: never let its text/html land in the note as plain text.
        if (!editable.current) return true;
        const p = propsRef.current;
        const fallback =
          p.highlights.find((h) => h.id === drag.highlightId) ??
          (p.selectedHighlight?.id === drag.highlightId ? p.selectedHighlight : null) ??
          (drag.quote !== undefined ? { sourceId: drag.sourceId, quote: { exact: drag.quote, prefix: '', suffix: '' } } : null);
        const attrs = citationAttrsFor(drag.highlightId, p.resolveHighlight, fallback);
        if (attrs) dropCitation(v, event, attrs);
        return true;
      },
      dispatchTransaction(tr) {
        const current = shown.current;
        view.updateState(view.state.apply(tr));
        toolbar.update(view.state);
        if (tr.docChanged && current) markDirty(current.key, current.scope, view.state);
      },
    });
    viewRef.current = view;
    const onHide = () => {
      if (document.visibilityState === 'hidden') {
        stash();
        void notesAutosaver.flush();
      }
    };
    const onUnload = () => {
      stash();
      void notesAutosaver.flush();
    };
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('beforeunload', onUnload);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('beforeunload', onUnload);
      stash();
      void notesAutosaver.flush();
      shown.current = null;
      viewRef.current = null;
      view.destroy();
    };
  }, [citations, toolbar, stash, cite, editLink, markDirty]);

  // App-wide commands (cite from the menu or a global shortcut, the menu's Undo/Redo) reach this pane.
  useEffect(() => {
    const inFocus = (command: Command) => () => {
      const view = viewRef.current;
      return Boolean(view && editable.current && view.hasFocus() && command(view.state, view.dispatch, view));
    };
    return setActivePane({ cite, undo: inFocus(undo), redo: inFocus(redo) });
  }, [cite]);

  // Show the scope's document: from the session cache, or loaded once.
  useEffect(() => {
    const view = viewRef.current;
    if (!view) return;
    let cancelled = false;
    if (shown.current?.key !== key) stash();
    setLinkPrompt(null);

    const show = (state: EditorState, scroll: ScrollAnchor) => {
      const scope = propsRef.current.scope;
      shown.current = { key, scope };
      editable.current = true;
      view.updateState(state);
      // The cited highlights may have changed while this note was not on screen: save their new state.
      if (citationsStale(view.state.doc, propsRef.current.resolveHighlight)) markDirty(key, scope, view.state);
      toolbar.update(view.state);
      if (host.current) restoreScroll(view, host.current, scroll);
      setPhase({ kind: 'ready' });
      // Already ready (another note from the cache): the DOM shows it now; otherwise the effect below tells.
      noteEditorChanged();
    };

    const cached = getSession(key);
    if (cached) {
      show(cached.state, cached.scroll);
    } else {
      shown.current = null;
      editable.current = false;
      view.updateState(BLANK_STATE);
      setPhase({ kind: 'loading' });
      propsRef.current.loadDoc(propsRef.current.scope).then(
        (doc) => {
          if (cancelled) return;
          // Another pane instance may have opened it meanwhile: its state (and history) wins.
          const session = getSession(key) ?? { state: createNoteState(doc), scroll: TOP };
          putSession(key, session);
          show(session.state, session.scroll);
        },
        (err: unknown) => {
          if (!cancelled) setPhase({ kind: 'error', message: (err as Error)?.message ?? String(err) });
        },
      );
    }
    return () => {
      cancelled = true;
    };
  }, [key, reloads, stash, toolbar, markDirty]);

  // The load phase reached the DOM: whoever waits to focus this note goes on.
  useEffect(() => noteEditorChanged(), [phase]);

  // Highlights or tags changed somewhere: redraw every citation, and save the note if its citations lag behind.
  useEffect(() => {
    const view = viewRef.current;
    const current = shown.current;
    if (!view || !current) return;
    citations.rerenderAll();
    if (citationsStale(view.state.doc, propsRef.current.resolveHighlight)) markDirty(current.key, current.scope, view.state);
  }, [props.resolverVersion, citations, markDirty]);

  const run = (command: Command) => {
    const view = viewRef.current;
    if (!view || !editable.current) return;
    command(view.state, view.dispatch, view);
    view.focus();
  };

  const onAction = (action: ToolbarAction) => {
    if (action === 'link') editLink();
    else if (action === 'cite') cite();
    else {
      const command = EDITOR_COMMANDS[action];
      if (command) run(command);
    }
  };

  const { scope, selectedHighlight, sourceId, onScopeChange } = props;
  const tabs: Array<{ kind: NoteScope['kind']; label: string; target: NoteScope | null; hint: string }> = [
    {
      kind: 'highlight',
      label: msg('notes.highlight'),
      target: selectedHighlight ? { kind: 'highlight', sourceId: selectedHighlight.sourceId, highlightId: selectedHighlight.id } : null,
      hint: selectedHighlight ? msg('notes.theNoteOfTheSelected') : msg('notes.selectAHighlightToWrite'),
    },
    { kind: 'source', label: msg('notes.source'), target: sourceId ? { kind: 'source', sourceId } : null, hint: msg('notes.theNotebookOfTheOpen') },
    { kind: 'project', label: msg('notes.project'), target: { kind: 'project' }, hint: msg('notes.theProjectNotebookAcrossAll') },
  ];
  const onTabKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    const enabled = tabs.filter((t) => t.target);
    const i = enabled.findIndex((t) => t.kind === scope.kind);
    const next = enabled[(i + (event.key === 'ArrowRight' ? 1 : enabled.length - 1)) % enabled.length];
    if (next?.target) {
      event.preventDefault();
      onScopeChange(next.target);
      event.currentTarget.querySelector<HTMLElement>(`[data-scope="${next.kind}"]`)?.focus();
    }
  };

  return (
    <aside className="pane editor" aria-label={msg('notes.notes')}>
      <header className="pane-header notes-header">
        <div className="scope-tabs" role="tablist" aria-label={msg('notes.whichNote')} onKeyDown={onTabKey}>
          {tabs.map((t) => (
            <button
              key={t.kind}
              type="button"
              role="tab"
              id={`notes-tab-${t.kind}`}
              data-scope={t.kind}
              aria-selected={scope.kind === t.kind}
              aria-controls="note-editor"
              tabIndex={scope.kind === t.kind ? 0 : -1}
              disabled={!t.target}
              title={t.hint}
              className="scope-tab"
              onClick={() => t.target && onScopeChange(t.target)}
            >
              {t.label}
            </button>
          ))}
        </div>
        {props.authorship && <Byline {...props.authorship} />}
        <SaveIndicator status={status} onRetry={() => void notesAutosaver.flush()} />
      </header>
      <EditorToolbar store={toolbar} disabled={phase.kind !== 'ready'} canCite={Boolean(selectedHighlight) && phase.kind === 'ready'} onAction={onAction} />
      {linkPrompt && (
        <LinkPrompt
          initial={linkPrompt.initial}
          editing={linkPrompt.editing}
          onApply={(value) => {
            const href = normaliseHref(value);
            if (!href) return msg('notes.useAWebAddressHttps');
            setLinkPrompt(null);
            run(setLink(href, linkPrompt.range ?? undefined));
            return null;
          }}
          onRemove={() => {
            setLinkPrompt(null);
            run(setLink(null, linkPrompt.range ?? undefined));
          }}
          onClose={() => {
            setLinkPrompt(null);
            viewRef.current?.focus();
          }}
        />
      )}
      <div className="editor-host" ref={host} id="note-editor" role="tabpanel" aria-labelledby={`notes-tab-${scope.kind}`} data-phase={phase.kind} />
      {phase.kind === 'loading' && <p className="editor-overlay">{msg('notes.openingTheNote')}</p>}
      {phase.kind === 'error' && (
        <div className="editor-overlay error" role="alert">
          <p>{msg('notes.couldNotOpenThisNote', { message: phase.message })}</p>
          <button type="button" onClick={() => setReloads((n) => n + 1)}>
            
            {msg('notes.tryAgain')}
          </button>
        </div>
      )}
    </aside>
  );
}

function SaveIndicator({ status, onRetry }: { status: SaveStatus; onRetry(): void }) {
  const text = msg(({ saved: 'notes.status.saved', saving: 'notes.status.saving', dirty: 'notes.status.dirty', error: 'notes.status.error' } as const)[status.kind]);
  return (
    <span className="save-status-wrap">
      <span className={`save-status ${status.kind}`} role="status" aria-live="polite" title={status.kind === 'error' ? status.message : text}>
        {text}
        {status.kind === 'error' && <span className="save-error">: {status.message}</span>}
      </span>
      {status.kind === 'error' && (
        <button type="button" className="save-retry" onClick={onRetry}>
          
          {msg('notes.retryNow')}
        </button>
      )}
    </span>
  );
}

interface NoteEditorProps {
  sourceId: string;
  initialDoc: NoteDoc;
}

/**
 * The pane as App.tsx uses it until the scopes are wired: the open source's notebook, plus the project notebook,
 * saved through the contract directly. No highlight selection yet, so the Highlight tab stays disabled.
 */
export function NoteEditor({ sourceId, initialDoc }: NoteEditorProps) {
  const [scope, setScope] = useState<NoteScope>({ kind: 'source', sourceId });
  return (
    <NotesPane
      scope={scope}
      onScopeChange={setScope}
      sourceId={sourceId}
      selectedHighlight={null}
      highlights={[]}
      resolveHighlight={() => null}
      resolverVersion={0}
      loadDoc={async (s) => (s.kind === 'project' ? call('getProjectNote') : s.kind === 'source' && s.sourceId === sourceId ? initialDoc : (await call('getSource', { id: s.sourceId })).note)}
      saveDoc={async (s, doc) => {
        if (s.kind === 'project') await call('saveProjectNote', { doc });
        else if (s.kind === 'source') await call('saveSourceNote', { sourceId: s.sourceId, doc });
        else await call('setHighlightNote', { sourceId: s.sourceId, highlightId: s.highlightId, note: doc });
      }}
      onOpenCitation={() => undefined}
    />
  );
}
