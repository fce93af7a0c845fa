import { currentLanguage, messageText, msg, setInterfaceLanguage } from './i18n';
import { interfaceLanguage, type InterfaceLanguage } from '../core/i18n/catalog';
import { PaneBoundary } from './shell/PaneBoundary';
import { firstListArrived, takeFirstLoad, takeFirstSource } from './shell/first-load';
import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Group, Panel, Separator, useDefaultLayout } from 'react-resizable-panels';
import { DEFAULT_HIGHLIGHT_COLOR, FONT_SIZE, LINE_WIDTH, type Highlight, type ReaderSettings, type Settings, type SourceDocument, type SourceSummary } from '../core/model';
import { call } from './api';
import { useCommands, isTyping } from './use-commands';
import { useHighlights } from './highlights/use-highlights';
import { clearSessions } from './editor/sessions';
import { SourceList } from './sources/SourceList';
import { SourceStore, useSources } from './sources/source-store';
import { useSourceActions } from './sources/use-source-actions';
import { SourceDialogs } from './sources/SourceDialogs';
import { Reader, type ReaderHandle } from './reader/Reader';
import { NotesPane, citeSelected, flushNotes } from './notes/NoteEditor';
import { undoInNotes, redoInNotes } from './editor/active-pane';
import { useNotes } from './notes/use-notes';
import { BackupsDialog } from './shell/BackupsDialog';
import { HighlightsPanel } from './highlights/HighlightsPanel';
import { Toolbar } from './shell/Toolbar';
import { ShortcutsDialog } from './shell/ShortcutsDialog';
import { AboutDialog } from './shell/AboutDialog';
import { ErrorBanner } from './shell/ErrorBanner';
import { Notice } from './ui/Notice';
import { FirstSteps } from './shell/FirstSteps';
import { ReimportInput } from './sources/ReimportInput';
import { useWarmPdfJs } from './reader/pdf/use-warm-pdfjs';
import { useExchange } from './exchange/use-exchange';
import { ExchangeLayer } from './exchange/ExchangeLayer';
import type { CreateIntent } from './reader/SelectionPopover';
import { useTags } from './tags/use-tags';
import { TagPickerHost } from './tags/TagPickerHost';
import { startKeyBuffer } from './tags/key-buffer';
import { toggleCaretBrowsing } from './reader/caret-browsing';
import { showing, whenReader } from './reader/active-reader';
import { focusNotesWhenReady } from './notes/note-ready';
import { notesCitingHighlight } from './highlights/citing-notes';
import { DeleteCitedDialog } from './highlights/DeleteCitedDialog';
import { highlightAnchor, revealWhenReady, selectionAnchor } from './tags/reader-bridge';
import { PaneTabs } from './shell/PaneTabs';
import { CodebookPanel } from './tags/CodebookPanel';
import { RetrievalView, queryForTag } from './analysis/RetrievalView';
import { SuggestionsPanel } from './tags/SuggestionsPanel';
import { withShortcut } from './shell/Toolbar';
import { SearchPalette } from './search/SearchPalette';
import { FindBar } from './search/FindBar';
import { useFind } from './search/use-find';
import { requestedOffset, useOpenHit } from './search/open-hit';
import { AnalysisView } from './analysis/AnalysisView';
import { AgreementView } from './agreement/AgreementView';
import { NameDialog } from './agreement/NameDialog';
import { BilingualView } from './bilingual/BilingualView';
import { useStatements } from './statements/use-statements';
import { StatementDialog } from './statements/StatementDialog';
import { StatementsView } from './statements/StatementsView';
import { StatementSuggestionsPanel } from './statements/StatementSuggestionsPanel';
import { GradeHint } from './statements/GradeHint';
import { SyncLayer, useSyncUi } from './sync/SyncLayer';
import { SyncButton } from './sync/SyncButton';
import { RELIABILITY_GRADES, RELIABILITY_MEANING, isReliability } from '../core/statements/grading';

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));


export function App() {
  // The sources pane's list lives outside React and changes entry by entry (renderer/sources/source-store.ts).
  const sourceStore = useMemo(() => new SourceStore(), []);
  const sources = useSources(sourceStore);
  useWarmPdfJs(sources ?? []);
  /** The order the sources pane shows (sorted, filtered): Alt+Up/Down follows it. */
  const sourceOrder = useRef<string[]>([]);
  const setSourceOrder = useCallback((ids: string[]) => {
    sourceOrder.current = ids;
  }, []);
  const [settings, setSettings] = useState<Settings | null>(null);
  /**
   * Reader preferences as last changed, while changes are on their way: a second key (Ctrl+= twice) builds on the
   * first, even before the window has drawn it or the shortcut has its new handler, and an early answer never sets
   * the toolbar back. The last answer, with nothing more on its way, is what the notebook holds.
   */
  const readerInFlight = useRef<{ reader: ReaderSettings; pending: number } | null>(null);
  /** Settings from an answer, keeping reader preferences that are still on their way. */
  const acceptSettings = useCallback((answer: Settings) => {
    const flight = readerInFlight.current;
    setSettings(flight ? { ...answer, reader: flight.reader } : answer);
  }, []);
  const [doc, setDoc] = useState<SourceDocument | null>(null);
  const [leftTab, setLeftTab] = useState('sources');
  const [sideTab, setSideTab] = useState('highlights');
  const [retrieval, setRetrieval] = useState<{ query: string; nonce: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'shortcuts' | 'about' | 'backups' | null>(null);
  const [startup, setStartup] = useState<{ notices: string[]; readOnly: boolean }>({ notices: [], readOnly: false });
  const [generation, setGeneration] = useState(0);
  const [alternatives, setAlternatives] = useState<string[]>([]);
  const [hasSelection, setHasSelection] = useState(false);
  const [suggestionsFocus, setSuggestionsFocus] = useState(0);
  const [confirmDelete, setConfirmDelete] = useState<{ id: string; quote: string; places: string[] } | null>(null);
  const opening = useRef(0);
  /** No source had a highlight when the app opened: the first-launch guide may show. */
  const newNotebook = useRef(false);
  const reader = useRef<ReaderHandle>(null);
  const reimport = useRef<HTMLInputElement>(null);
  const layout = useDefaultLayout({ id: 'main-panes', storage: localStorage });
  const sideLayout = useDefaultLayout({ id: 'side-panes', storage: localStorage });

  const report = useCallback((err: unknown) => setError((err as Error)?.message ?? String(err)), []);

  const onCountChange = useCallback((sourceId: string, live: number, orphans: number) => sourceStore.patch(sourceId, { highlightCount: live, orphanCount: orphans }), [sourceStore]);
  const hl = useHighlights(doc, report, onCountChange);
  // Counts of other sources that a change across sources touched: only their rows are fetched again, never the list.
  const sourcesChanged = useCallback((ids: string[]) => void call('sourceSummaries', { ids }).then((list) => sourceStore.upsert(list), report), [sourceStore, report]);
  const tagsApi = useTags({ report, notify: setNotice, undoStack: hl.undoStack, openSourceId: doc?.meta.id ?? null, openHighlights: hl.highlights, replaceHighlights: hl.replaceMany, dropHighlight: hl.drop, sourcesChanged });
  const tags = tagsApi.tags;
  const getPainter = useCallback(() => reader.current?.painter(), []);

  const tagsById = useMemo(() => new Map(tags.map((t) => [t.id, t])), [tags]);
  const notes = useNotes({ doc, byId: hl.byId, selectedId: hl.selectedId, tagsById, replaceHighlight: hl.replace, sources });
  const colorOf = useCallback((h: Highlight) => tagsById.get(h.tagIds[0])?.color ?? DEFAULT_HIGHLIGHT_COLOR, [tagsById]);
  // Search and analysis (issue 7): the palette, find in the article, the analysis view in place of the reader.
  const [searchOpen, setSearchOpen] = useState(false);
  const [analysisOpen, setAnalysisOpen] = useState(false);
  // Who did what and agreement (issue 19): the name dialog and the Agreement view (in place of the reader).
  const [agreementOpen, setAgreementOpen] = useState(false);
  const [nameOpen, setNameOpen] = useState(false);
  const [nameVersion, setNameVersion] = useState(0);
  /** Side-by-side reading with the open source's translation (issue 18). */
  const [sideBySide, setSideBySide] = useState(false);
  const find = useFind(doc?.text ?? null, doc?.meta.id ?? null);
  // Statements and grading (issue 17): renderer/statements/.
  const [statementsOpen, setStatementsOpen] = useState(false);
  const [statementFocus, setStatementFocus] = useState(0);
  const statements = useStatements({
    doc,
    selectedId: hl.selectedId,
    byId: hl.byId,
    tagsApi,
    undoStack: hl.undoStack,
    replaceHighlight: hl.replace,
    onSourceChanged: useCallback(
      (s: SourceSummary) => {
        sourceStore.patch(s.id, { reliability: s.reliability });
        setDoc((d) => (d && d.meta.id === s.id ? { ...d, meta: { ...d.meta, reliability: s.reliability } } : d));
      },
      [sourceStore],
    ),
    report,
    notify: setNotice,
  });
  const [findFocus, setFindFocus] = useState(0);

  const openSource = useCallback(
    async (id: string) => {
      const ticket = ++opening.current;
      try {
        const first = takeFirstSource(id);
        const loaded = await (first ?? call('getSource', { id }));
        if (ticket !== opening.current) return;
        performance.mark('nb-source-loaded', { detail: loaded.highlights.length });
        setDoc(loaded);
        setAlternatives([]);
        // The source the app opens on start is the one saved already: nothing to write.
        if (!first) acceptSettings(await call('updateSettings', { lastSourceId: id }));
      } catch (err) {
        report(err);
      }
    },
    [acceptSettings, report],
  );

  useEffect(() => {
    (async () => {
      const [list, s] = await takeFirstLoad();
      newNotebook.current = list.every((x) => x.highlightCount === 0 && x.orphanCount === 0);
      sourceStore.replaceAll(list);
      setSettings(s);
      firstListArrived();
      call('startupReport').then(setStartup, report);
      const first = list.find((x) => x.id === s.lastSourceId) ?? list[0];
      if (first) await openSource(first.id);
    })()
      .catch(report)
      // Whatever came of it: what waits for the list (the codebook) goes ahead.
      .finally(firstListArrived);
  }, [openSource, report, sourceStore]);

  // The reader's selection enables "Re-attach to selection" for orphans.
  useEffect(() => {
    // A transition: selection changes must never hold up the frame that paints a new highlight.
    const onChange = () => startTransition(() => setHasSelection(Boolean(reader.current?.selection())));
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, []);

  const updateReader = useCallback(
    (change: (r: ReaderSettings) => Partial<ReaderSettings>) => {
      const current = readerInFlight.current?.reader ?? settings?.reader;
      if (!current) return;
      const patch = change(current);
      const next = { ...current, ...patch };
      readerInFlight.current = { reader: next, pending: (readerInFlight.current?.pending ?? 0) + 1 };
      setSettings((s) => (s ? { ...s, reader: next } : s));
      const settle = (answer: Settings | null) => {
        const flight = readerInFlight.current;
        if (!flight) return;
        flight.pending--;
        if (flight.pending > 0) {
          if (answer) setSettings({ ...answer, reader: flight.reader });
          return;
        }
        readerInFlight.current = null;
        if (answer) setSettings(answer);
        // Refused: show what the notebook holds.
        else call('getSettings').then(setSettings, report);
      };
      call('updateSettings', { reader: patch }).then(settle, (err) => {
        report(err);
        settle(null);
      });
    },
    [settings, report],
  );

  const step = (delta: number) => {
    const order = sourceOrder.current.length ? sourceOrder.current : (sources ?? []).map((s) => s.id);
    if (!order.length) return;
    const i = doc ? order.indexOf(doc.meta.id) : -1;
    const next = i < 0 ? order[0] : order[clamp(i + delta, 0, order.length - 1)];
    if (next && next !== doc?.meta.id) void openSource(next);
  };

  const createFromSelection = async (range: { start: number; end: number }, intent: CreateIntent) => {
    const anchor = selectionAnchor();
    reader.current?.clearSelection();
    const created = await hl.create(range, [], (h) => reader.current?.paintNow(h));
    if (!created) return;
    if (intent === 'tag') tagsApi.openPicker({ target: { type: 'highlight', highlightId: created.id }, anchor: anchor ?? highlightAnchor(getPainter(), created.id) });
    if (intent === 'note') {
      notes.setScope({ kind: 'highlight', sourceId: created.sourceId, highlightId: created.id });
      void focusNotesWhenReady(msg('app.noteOnThisHighlight'));
    }
  };

  const withSelection = (intent: CreateIntent) => () => {
    const range = reader.current?.selection();
    if (!range) return false;
    void createFromSelection(range, intent);
  };

  /** Open a highlight's passage (from a citation): open its source if needed, scroll to it and flash it. */
  const revealHighlight = async (highlightId: string, sourceId: string) => {
    if (doc?.meta.id !== sourceId) await openSource(sourceId);
    hl.select(highlightId);
    // The source may still be painting: wait until the reader shows the highlight.
    if (await whenReader(showing(highlightId))) reader.current?.reveal(highlightId);
  };

  /** From the retrieval view: the passage in the reader, selected and flashed. */
  const openPassage = async (sourceId: string, highlightId: string) => {
    setRetrieval(null);
    if (doc?.meta.id !== sourceId) await openSource(sourceId);
    hl.select(highlightId);
    await revealWhenReady((id) => reader.current?.reveal(id), highlightId);
  };

  const selectHighlight = (id: string | null, others: string[] = []) => {
    hl.select(id);
    setAlternatives(others);
  };

  /** Deletes a highlight; when notes cite it, the analyst is told what that breaks and asked first. */
  const removeHighlight = async (id: string, confirmed = false) => {
    const h = hl.byId.get(id);
    if (h && !confirmed) {
      try {
        const places = await notesCitingHighlight(h);
        if (places.length > 0) return setConfirmDelete({ id, quote: h.quote.exact, places });
      } catch (err) {
        return report(err);
      }
    }
    if (h) notes.highlightDeleted(h);
    void hl.remove(id);
  };

  /**
   * After a restore from a backup: read everything again, as on start-up. After an import, only the sources it
   * added or touched (`changedIds`) are read again.
   */
  const reloadNotebook = async (message: string, changedIds?: string[]) => {
    setDialog(null);
    clearSessions();
    // The history's steps refer to the notebook as it was: after a restore or an import they could undo the wrong
    // thing, so it starts afresh, and the analyst is told.
    const hadHistory = hl.canUndo() || hl.canRedo();
    hl.undoStack.clear();
    if (hadHistory) message = msg('app.theUndoHistoryWasCleared', { message });
    setGeneration((g) => g + 1);
    if (changedIds) {
      const [changed, s] = await Promise.all([call('sourceSummaries', { ids: changedIds }), call('getSettings')]);
      sourceStore.upsert(changed);
      setSettings(s);
    } else {
      const [list, s] = await Promise.all([call('listSources'), call('getSettings')]);
      sourceStore.replaceAll(list);
      setSettings(s);
    }
    const list = sourceStore.list() ?? [];
    const current = list.find((x) => x.id === doc?.meta.id) ?? list[0];
    if (current) await openSource(current.id);
    setNotice(message);
  };

  // Sharing through git (issue 19): renderer/sync/.
  const syncUi = useSyncUi({ reloadNotebook: (message) => reloadNotebook(message), notify: setNotice });

  // Editing and deleting sources (issue 13): renderer/sources/. The reader and the notes' citations follow.
  const sourceActions = useSourceActions({
    store: sourceStore,
    undoStack: hl.undoStack,
    report,
    notify: setNotice,
    beforeDelete: flushNotes,
    onChanged: useCallback(
      ({ updated, deleted }: { updated?: SourceSummary[]; deleted?: string[] }) => {
        const openId = doc?.meta.id;
        const mine = updated?.find((u) => u.id === openId);
        if (mine) {
          // The whole of the edited metadata (a removed author list or address is gone from it too); what the list
          // does not carry (furniture, page starts, content hash: never edited here) stays as the reader has it.
          const { highlightCount: _h, orphanCount: _o, charCount: _c, ...listed } = mine;
          setDoc((d) => {
            if (!d || d.meta.id !== mine.id) return d;
            const { furniture, contentHash, pageStarts } = d.meta;
            return { ...d, meta: { ...listed, furniture, contentHash, ...(pageStarts ? { pageStarts } : {}) } };
          });
        }
        if (openId && deleted?.includes(openId)) {
          const order = sourceOrder.current;
          const gone = new Set(deleted);
          const at = order.indexOf(openId);
          const next = [...order.slice(at + 1), ...order.slice(0, Math.max(0, at)).reverse()].find((id) => !gone.has(id));
          if (next) void openSource(next);
          else setDoc(null);
        }
        notes.sourcesChanged([...(updated ?? []).map((u) => u.id), ...(deleted ?? [])]);
      },
      // eslint-disable-next-line react-hooks/exhaustive-deps
      [doc?.meta.id, openSource, notes.sourcesChanged],
    ),
  });

  const replaceText = async (text: string, fileName: string) => {
    if (!doc) return;
    try {
      const result = await call('updateSourceText', { sourceId: doc.meta.id, text });
      setDoc(result.source);
      const orphaned = result.orphaned.length;
      setNotice(
        msg('app.reImportedHighlightFollowedPassage', { fileName, reanchored: result.reanchored }) +
          (orphaned ? msg('app.couldNotBeFoundAnd', { orphaned }) : '.'),
      );
    } catch (err) {
      report(err);
    }
  };

  const reextract = async (mode: 'whole-page' | 'article') => {
    if (!doc) return;
    try {
      const result = await call('reextractSource', { sourceId: doc.meta.id, mode });
      setDoc(result.source);
      const orphaned = result.orphaned.length;
      setNotice(
        msg('app.highlightFollowedPassage', { value: mode === 'whole-page' ? msg('app.showingTheWholeSavedPage') : msg('app.showingTheArticle'), reanchored: result.reanchored }) +
          (orphaned ? msg('app.couldNotBeFoundAnd', { orphaned }) : '.'),
      );
    } catch (err) {
      report(err);
    }
  };

  // Export and import (issue 6): state in renderer/exchange/use-exchange.ts. After an import, read everything again
  // (notes may have been added to) and open the first source it added.
  const exchange = useExchange({
    beforeCommit: flushNotes,
    onImported: (summary) => {
      const warnings = summary.warnings.length ? ` ${summary.warnings.join(' ')}` : '';
      void reloadNotebook(messageText(summary) + warnings, summary.sourceIds)
        .then(() => (summary.firstSourceId ? openSource(summary.firstSourceId) : undefined))
        .catch(report);
    },
  });

  /** The interface in another language: stored with the settings, then every view shows itself again in it. */
  const switchLanguage = (lang: InterfaceLanguage) => {
    if (lang === currentLanguage()) return;
    void flushNotes()
      .then(() => call('updateSettings', { interfaceLanguage: lang }))
      .then((s) => {
        setSettings(s);
        setInterfaceLanguage(interfaceLanguage(s.interfaceLanguage));
      }, report);
  };

  const { openHit, openAt } = useOpenHit({ openId: doc?.meta.id ?? null, openSource, selectHighlight: hl.select, setNotesScope: notes.setScope, focusNotes: focusNotesWhenReady });

  useCommands({
    // The same in every pane, the notes editor included (its link key is another one).
    'search.open': () => setSearchOpen(true),
    'find.open': () => {
      if (!doc || analysisOpen) return false;
      find.setOpen(true);
      setFindFocus((n) => n + 1);
    },
    'find.next': () => (find.open ? find.next() : false),
    'find.previous': () => (find.open ? find.previous() : false),
    'view.analysis': () => setAnalysisOpen((o) => !o),
    'view.agreement': () => setAgreementOpen((o) => !o),
    'view.analystName': () => setNameOpen(true),
    'view.sideBySide': () => {
      if (!doc) return false;
      setSideBySide((o) => !o);
    },
    'view.interfaceLanguage': () => switchLanguage(currentLanguage() === 'en' ? 'ru' : 'en'),
    'view.translitMatching': () => {
      const on = settings?.translitMatching === false;
      call('updateSettings', { translitMatching: on }).then((s) => {
        setSettings(s);
        setNotice(on ? msg('app.namesMatchAcrossScriptsAgain') : msg('app.namesNowMatchOnlyAs'));
      }, report);
    },
    'view.fontLarger': () => updateReader((r) => ({ fontSize: clamp(r.fontSize + FONT_SIZE.step, FONT_SIZE.min, FONT_SIZE.max) })),
    'view.fontSmaller': () => updateReader((r) => ({ fontSize: clamp(r.fontSize - FONT_SIZE.step, FONT_SIZE.min, FONT_SIZE.max) })),
    'view.fontReset': () => updateReader(() => ({ fontSize: FONT_SIZE.default })),
    'view.linesWider': () => updateReader((r) => ({ lineWidth: clamp(r.lineWidth + LINE_WIDTH.step, LINE_WIDTH.min, LINE_WIDTH.max) })),
    'view.linesNarrower': () => updateReader((r) => ({ lineWidth: clamp(r.lineWidth - LINE_WIDTH.step, LINE_WIDTH.min, LINE_WIDTH.max) })),
    'view.caretBrowsing': () => {
      const on = toggleCaretBrowsing();
      setNotice(on ? msg('app.caretBrowsingIsOnClick') : msg('app.caretBrowsingIsOff'));
      if (on) document.getElementById('reader')?.focus();
    },
    'view.toggleSerif': () => updateReader((r) => ({ fontFamily: r.fontFamily === 'serif' ? 'sans' : 'serif' })),
    'view.pageView': () => reader.current?.toggleView(),
    'source.previous': () => step(-1),
    'source.next': () => step(1),
    'source.reimport': () => reimport.current?.click(),
    'edit.undo': () => {
      if (undoInNotes()) return;
      if (isTyping()) return void document.execCommand('undo');
      void hl.undo();
    },
    'edit.redo': () => {
      if (redoInNotes()) return;
      if (isTyping()) return void document.execCommand('redo');
      void hl.redo();
    },
    'notes.cite': () => citeSelected(),
    'file.backups': () => setDialog('backups'),
    ...syncUi.commands,
    'app.flushAndClose': () => {
      void flushNotes().finally(() => window.notebookShell?.readyToClose?.());
    },
    'highlight.create': withSelection('highlight'),
    'highlight.tag': () => {
      if (reader.current?.selection()) {
        startKeyBuffer();
        return withSelection('tag')();
      }
      if (!hl.selectedId) return false;
      startKeyBuffer();
      tagsApi.openPicker({ target: { type: 'highlight', highlightId: hl.selectedId }, anchor: highlightAnchor(getPainter(), hl.selectedId) });
    },
    'highlight.quickTag': (event) => {
      const tag = tagsApi.quick[(event ? Number(event.key) : 1) - 1];
      if (!hl.selectedId || !tag) return false;
      void tagsApi.toggle(hl.selectedId, tag.id);
    },
    'focus.codebook': () => {
      setLeftTab('codebook');
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.codebook-tree [tabindex="0"]')?.focus());
    },
    'focus.suggestions': () => {
      setSideTab('suggestions');
      setSuggestionsFocus((n) => n + 1);
    },
    'view.retrieve': () => setRetrieval((r) => ({ query: r?.query ?? '', nonce: Date.now() })),
    'statement.mark': () => {
      const range = reader.current?.selection();
      if (range) {
        reader.current?.clearSelection();
        void hl.create(range, [], (h) => reader.current?.paintNow(h)).then((created) => {
          if (!created) return;
          hl.select(created.id);
          statements.openEditor(created);
        });
        return;
      }
      if (!hl.selectedId) return false;
      return statements.openEditor(hl.selectedId) ? undefined : false;
    },
    'grade.start': () => {
      if (!doc) return false;
      statements.setGrading(true);
    },
    'view.statements': () => setStatementsOpen((o) => !o),
    'focus.statementSuggestions': () => {
      setSideTab('statements');
      setStatementFocus((n) => n + 1);
    },
    'highlight.note': withSelection('note'),
    'highlight.delete': () => {
      if (!hl.selectedId) return false;
      void removeHighlight(hl.selectedId);
    },
    'focus.sources': () => {
      setLeftTab('sources');
      requestAnimationFrame(() => document.querySelector<HTMLElement>('#source-list [tabindex="0"]')?.focus());
    },
    'focus.reader': () => document.getElementById('reader')?.focus(),
    'focus.highlights': () => {
      setSideTab('highlights');
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.highlight-list [tabindex="0"]')?.focus());
    },
    'focus.editor': () => document.querySelector<HTMLElement>('#note-editor .ProseMirror')?.focus(),
    'help.shortcuts': () => setDialog('shortcuts'),
    'help.about': () => setDialog('about'),
    'file.import': () => exchange.openImport(),
    'file.export': () => exchange.openExport(),
  });

  const savePosition = useCallback(
    (offset: number) => {
      if (doc) call('updateSettings', { readingPosition: { sourceId: doc.meta.id, offset } }).catch(report);
    },
    [doc, report],
  );

  if (!sources || !settings) {
    return (
      <div className="loading" role="status">
        {error ? <ErrorBanner message={error} onDismiss={() => setError(null)} /> : msg('app.openingTheNotebook')}
      </div>
    );
  }

  /** The find bar is over the reader (the reader stack makes room for it with a class). */
  const findBarShown = doc !== null && find.open && !analysisOpen;
  return (
    <div className="app">
      <Toolbar
        reader={settings.reader}
        onChange={(r) => updateReader(() => r)}
        onShortcuts={() => setDialog('shortcuts')}
        onImport={exchange.openImport}
        onExport={exchange.openExport}
        onSearch={() => setSearchOpen(true)}
        onAnalysis={() => setAnalysisOpen((o) => !o)}
        analysisOpen={analysisOpen}
        language={currentLanguage()}
        onLanguage={switchLanguage}
        sync={<SyncButton sync={syncUi.sync} onShare={() => syncUi.open('share')} />}
        onAgreement={() => setAgreementOpen((o) => !o)}
        agreementOpen={agreementOpen}
        analystName={settings.analystName}
        onName={() => setNameOpen(true)}
      />
      {startup.readOnly && (
        <div className="readonly-banner" role="alert">
          
          {msg('app.readOnlyThisNotebookWas')}
        </div>
      )}
      <Group className="panes" orientation="horizontal" id="main-panes" defaultLayout={layout.defaultLayout} onLayoutChanged={layout.onLayoutChanged}>
        <Panel id="pane-sources" defaultSize="20" minSize="236px">
          <PaneTabs
            label={msg('app.sourcesAndCodebook')}
            selected={leftTab}
            onSelect={setLeftTab}
            tabs={[
              { id: 'sources', label: msg('app.sources'), badge: sources.length, title: withShortcut(msg('app.sources'), 'focus.sources'), content: (
                  <PaneBoundary pane="Sources" onOpenBackups={() => setDialog('backups')}>
                  <SourceList
                    sources={sources}
                    currentId={doc?.meta.id ?? null}
                    onOpen={openSource}
                    onEdit={startup.readOnly ? undefined : sourceActions.setEditing}
                    onDelete={startup.readOnly ? undefined : sourceActions.setDeleting}
                    onExport={exchange.openExport}
                    onOrderChange={setSourceOrder}
                  />
                  </PaneBoundary>
                ),
              },
              {
                id: 'codebook',
                label: msg('app.codebook'),
                badge: tagsApi.loaded ? tags.length : undefined,
                title: withShortcut(msg('app.codebook'), 'focus.codebook'),
                content: (
                  <PaneBoundary pane="Codebook" onOpenBackups={() => setDialog('backups')}>
                    <CodebookPanel api={tagsApi} onRetrieve={(t) => setRetrieval({ query: queryForTag(tags, t), nonce: Date.now() })} />
                  </PaneBoundary>
                ),
              },
            ]}
          />
        </Panel>
        <Separator className="separator" aria-labelledby="resize-sources-label" />
        <Panel id="pane-reader" defaultSize="48" minSize="25">
          <PaneBoundary pane="Reader" onOpenBackups={() => setDialog('backups')} resetKey={doc?.meta.id}>
          {/* A class, not :has(.find-bar): a :has() rule made every change inside the reader restyle all of it. */}
          <div className={findBarShown ? 'reader-stack finding' : 'reader-stack'}>
            <div className="reader-slot" inert={retrieval !== null || analysisOpen || statementsOpen || agreementOpen}>
              {doc && sideBySide ? (
                <BilingualView
                  key={doc.meta.id}
                  sourceId={doc.meta.id}
                  sources={sources}
                  onError={report}
                  onHighlighted={(id) => {
                    if (id === doc.meta.id) void openSource(id);
                  }}
                  onClose={() => {
                    setSideBySide(false);
                    requestAnimationFrame(() => document.getElementById('reader')?.focus());
                  }}
                />
              ) : doc ? (
                <Reader
                  ref={reader}
                  key={doc.meta.id}
                  meta={doc.meta}
                  text={doc.text}
                  settings={settings.reader}
                  initialPosition={requestedOffset(doc.meta.id) ?? settings.readingPositions[doc.meta.id] ?? 0}
                  onPositionChange={savePosition}
                  highlights={hl.highlights}
                  colorOf={colorOf}
                  selectedId={hl.selectedId}
                  onSelect={selectHighlight}
                  onCreate={(range, intent) => void createFromSelection(range, intent)}
                  headerExtra={
                    <>
                      <button type="button" className="link-button" onClick={() => setSideBySide(true)} title={withShortcut(msg('app.readThisSourceAndIts'), 'view.sideBySide')}>
                        
                        {msg('app.sideBySide')}
                      </button>
                      <button type="button" className="link-button" onClick={() => sourceActions.setEditing(doc.meta.id)} title={msg('app.editThisSourceSTitle')}>
                        
                        {msg('app.editDetails')}
                      </button>
                      <label className="source-grade-control" title={msg('app.theSourceSReliabilityNato')}>
                        
                        {msg('app.reliability')}
                        <select
                          aria-label={msg('app.sourceReliability')}
                          value={doc.meta.reliability ?? ''}
                          onChange={(e) => {
                            const v = e.target.value;
                            if (isReliability(v)) void statements.grade(v);
                          }}
                        >
                          <option value="" disabled>
                            
                            {msg('app.notGraded')}
                          </option>
                          {RELIABILITY_GRADES.map((g) => (
                            <option key={g} value={g}>
                              {g} — {RELIABILITY_MEANING[g]}
                            </option>
                          ))}
                        </select>
                      </label>
                      <button type="button" className="link-button" onClick={() => setStatementsOpen(true)} title={withShortcut(msg('app.everyStatementWhoSaidWhat'), 'view.statements')}>
                        
                        {msg('app.statements')}
                      </button>
                      <button type="button" className="link-button" onClick={() => reimport.current?.click()} title={msg('app.replaceThisSourceSText')}>
                        
                        {msg('app.reImportText')}
                      </button>
                      {doc.meta.kind === 'html' && doc.meta.original && (
                        <button
                          type="button"
                          className="link-button"
                          onClick={() => void reextract(doc.meta.wholePage ? 'article' : 'whole-page')}
                          title={doc.meta.wholePage ? msg('app.showOnlyTheArticleFound') : msg('app.showEverythingOnTheSaved')}
                        >
                          {doc.meta.wholePage ? msg('app.showTheArticle') : msg('app.showTheWholePage')}
                        </button>
                      )}
                    </>
                  }
                />
              ) : (
                <main className="pane reader empty">{msg('app.noSourceIsOpen')}</main>
              )}
            </div>
            {findBarShown && <FindBar find={find} focusKey={findFocus} onHighlight={(range) => void hl.create(range, [], (h) => reader.current?.paintNow(h))} />}
            {analysisOpen && (
              <AnalysisView
                report={report}
                onClose={() => setAnalysisOpen(false)}
                onOpenPassage={(p) => {
                  setAnalysisOpen(false);
                  void openAt(p.sourceId, { start: p.start, end: p.end }, p.highlightId);
                }}
              />
            )}
            {agreementOpen && (
              <AgreementView
                tags={tags}
                sources={sources}
                report={report}
                nameVersion={nameVersion}
                onClose={() => {
                  setAgreementOpen(false);
                  requestAnimationFrame(() => document.getElementById('reader')?.focus());
                }}
                onChangeName={() => setNameOpen(true)}
                onCodingChanged={() => {
                  if (doc) void openSource(doc.meta.id);
                }}
                onOpenPassage={(sourceId, start, end) => {
                  setAgreementOpen(false);
                  void openAt(sourceId, { start, end }, null);
                }}
              />
            )}
            {statementsOpen && (
              <StatementsView
                tags={tags}
                sources={sources}
                version={statements.version}
                openSourceId={doc?.meta.id ?? null}
                report={report}
                onClose={() => setStatementsOpen(false)}
                onOpen={(row) => {
                  setStatementsOpen(false);
                  void openPassage(row.sourceId, row.highlightId);
                }}
              />
            )}
            {retrieval && (
              <RetrievalView api={tagsApi} sources={sources} request={retrieval} onOpen={(seg) => void openPassage(seg.sourceId, seg.highlight.id)} onClose={() => setRetrieval(null)} />
            )}
          </div>
          </PaneBoundary>
        </Panel>
        <Separator className="separator" aria-labelledby="resize-side-label" />
        <Panel id="pane-side" defaultSize="32" minSize="290px">
          <Group orientation="vertical" id="side-panes" defaultLayout={sideLayout.defaultLayout} onLayoutChanged={sideLayout.onLayoutChanged}>
            <Panel id="pane-highlights" defaultSize="42" minSize="15">
              <PaneBoundary pane="Highlights" onOpenBackups={() => setDialog('backups')} resetKey={doc?.meta.id}>
              <PaneTabs
                label={msg('app.highlightsAndSuggestions')}
                selected={sideTab}
                onSelect={setSideTab}
                tabs={[
                  {
                    id: 'highlights',
                    label: msg('app.highlights'),
                    badge: hl.highlights.filter((h) => !h.orphan).length,
                    title: withShortcut(msg('app.highlights'), 'focus.highlights'),
                    content: (
                      <HighlightsPanel
                        highlights={hl.highlights}
                        tagsById={tagsById}
                        colorOf={colorOf}
                        selectedId={hl.selectedId}
                        alternatives={alternatives}
                        canReattach={hasSelection}
                        onSelect={(id, reveal) => {
                          selectHighlight(id);
                          if (reveal) reader.current?.reveal(id);
                        }}
                        onDelete={(id) => void removeHighlight(id)}
                        onTag={(id, anchor) => tagsApi.openPicker({ target: { type: 'highlight', highlightId: id }, anchor })}
                        onBulkTag={(ids, mode, anchor) => tagsApi.openPicker({ target: { type: 'bulk', highlightIds: ids, mode }, anchor })}
                        quickTags={tagsApi.quick}
                        pinnedIds={tagsApi.pinnedIds}
                        onPin={(tagId, pinned) => void tagsApi.pin(tagId, pinned)}
                        onReattach={(id) => {
                          const range = reader.current?.selection();
                          if (range) void hl.reattach(id, range).then(() => reader.current?.clearSelection());
                        }}
                      />
                    ),
                  },
                  {
                    id: 'suggestions',
                    label: msg('app.suggestions'),
                    title: withShortcut(msg('app.entitySuggestions'), 'focus.suggestions'),
                    content: (
                      <SuggestionsPanel api={tagsApi} sourceId={doc?.meta.id ?? null} text={doc?.text ?? null} active={sideTab === 'suggestions'} highlights={hl.highlights} getPainter={getPainter} focusRequest={suggestionsFocus} />
                    ),
                  },
                  {
                    id: 'statements',
                    label: msg('app.statements2'),
                    title: withShortcut(msg('app.statementSuggestions'), 'focus.statementSuggestions'),
                    content: (
                      <StatementSuggestionsPanel
                        sourceId={doc?.meta.id ?? null}
                        active={sideTab === 'statements'}
                        highlights={hl.highlights}
                        speakers={statements.speakers}
                        focusRequest={statementFocus}
                        report={report}
                        onAccepted={(r) => {
                          for (const h of r.highlights) hl.replace(h);
                          if (r.createdIds.length) {
                            const ids = r.createdIds;
                            const sourceId = r.highlights[0]?.sourceId;
                            hl.undoStack.push({
                              label: msg('app.acceptStatement'),
                              undo: async () => {
                                for (const id of ids) await call('deleteHighlight', { sourceId, highlightId: id });
                                if (doc?.meta.id === sourceId) void openSource(sourceId);
                              },
                              redo: async () => {
                                for (const h of r.highlights.filter((x) => ids.includes(x.id))) await call('restoreHighlight', { highlight: h });
                                if (doc?.meta.id === sourceId) void openSource(sourceId);
                              },
                            });
                          }
                          void tagsApi.refresh();
                          statements.bump();
                        }}
                      />
                    ),
                  },
                ]}
              />
              </PaneBoundary>
            </Panel>
            <Separator className="separator horizontal" aria-labelledby="resize-notes-label" />
            <Panel id="pane-editor" defaultSize="58" minSize="20">
              <PaneBoundary pane="Notes" onOpenBackups={() => setDialog('backups')}>
              <NotesPane
                key={generation}
                scope={notes.scope}
                onScopeChange={notes.setScope}
                sourceId={doc?.meta.id ?? null}
                selectedHighlight={hl.selectedId ? (hl.byId.get(hl.selectedId) ?? null) : null}
                highlights={hl.highlights}
                resolveHighlight={notes.resolveHighlight}
                resolverVersion={notes.resolverVersion}
                loadDoc={notes.loadDoc}
                saveDoc={notes.saveDoc}
                onOpenCitation={(highlightId, sourceId) => void revealHighlight(highlightId, sourceId)}
                authorship={
                  notes.scope.kind === 'highlight'
                    ? (() => {
                        const h = hl.byId.get(notes.scope.highlightId);
                        return h?.note ? { creator: h.creator, lastEditor: h.lastEditor, at: h.modifiedAt } : null;
                      })()
                    : notes.scope.kind === 'source' && doc?.noteEditedBy
                      ? { lastEditor: doc.noteEditedBy, at: doc.noteEditedAt }
                      : null
                }
              />
              </PaneBoundary>
            </Panel>
          </Group>
        </Panel>
      </Group>
      {/* Messages float over the panes (bottom centre) instead of pushing the layout down as they come and go. */}
      <section className="message-stack" aria-label={msg('app.messages')}>
        {error && <ErrorBanner message={error} onDismiss={() => setError(null)} />}
        {notice && <Notice message={notice} onDismiss={() => setNotice(null)} />}
        {startup.notices
          .filter((n) => !startup.readOnly || !n.includes('read-only'))
          .map((n) => (
            <div key={n} className="error-banner" role="alert">
              <span className="error-text">{n}</span>
              <button type="button" onClick={() => setStartup((st) => ({ ...st, notices: st.notices.filter((x) => x !== n) }))}>
                
                {msg('app.dismiss')}
              </button>
            </div>
          ))}
      </section>
      {/* The separators' names, by reference: hidden text is no content outside the landmarks, an aria-label would be. */}
      <span hidden id="resize-sources-label">{msg('app.resizeSourcesPane')}</span>
      <span hidden id="resize-side-label">{msg('app.resizeSidePane')}</span>
      <span hidden id="resize-notes-label">{msg('app.resizeNotesPane')}</span>
      <FirstSteps key={generation} newNotebook={newNotebook.current} highlights={hl.highlights} />
      <ReimportInput ref={reimport} onText={(text, name) => void replaceText(text, name)} onError={setError} />
      <TagPickerHost tags={tagsApi} highlights={hl.highlights} />
      {statements.editing && (
        <StatementDialog
          quote={statements.editing.quote}
          speakers={statements.speakers}
          initial={statements.editing.initial}
          onClose={() => statements.setEditing(null)}
          onSave={(st) => void statements.saveStatement(st)}
          onRemove={statements.editing.isNew ? undefined : () => void statements.saveStatement(null)}
        />
      )}
      {statements.grading && <GradeHint hasHighlight={Boolean(hl.selectedId)} />}
      {searchOpen && (
        <SearchPalette
          report={report}
          onClose={() => setSearchOpen(false)}
          onOpen={(hit) => {
            setAnalysisOpen(false);
            void openHit(hit);
          }}
        />
      )}
      {confirmDelete && (
        <DeleteCitedDialog
          quote={confirmDelete.quote}
          places={confirmDelete.places}
          onCancel={() => setConfirmDelete(null)}
          onDelete={() => {
            setConfirmDelete(null);
            void removeHighlight(confirmDelete.id, true);
          }}
        />
      )}
      {dialog === 'shortcuts' && <ShortcutsDialog onClose={() => setDialog(null)} />}
      {dialog === 'about' && <AboutDialog onClose={() => setDialog(null)} />}
      {nameOpen && (
        <NameDialog
          current={settings.analystName}
          known={settings.analysts ?? []}
          onClose={() => setNameOpen(false)}
          onSaved={(s) => {
            setNameOpen(false);
            acceptSettings(s);
            setNameVersion((n) => n + 1);
            setNotice(`You are ${s.analystName}: what you make or change is recorded under this name.`);
            // Blind coding shows each coder their own coding: the open source is fetched again under the new name.
            if (doc) void openSource(doc.meta.id);
          }}
        />
      )}
      <ExchangeLayer exchange={exchange} currentSource={doc ? { id: doc.meta.id, title: doc.meta.title } : null} />
      <SourceDialogs store={sourceStore} actions={sourceActions} />
      <SyncLayer ui={syncUi} source={doc ? { id: doc.meta.id, title: doc.meta.title } : null} onRestored={(m) => void reloadNotebook(m, doc ? [doc.meta.id] : undefined)} />
      {dialog === 'backups' && <BackupsDialog onClose={() => setDialog(null)} onRestored={(m) => void reloadNotebook(m)} />}
    </div>
  );
}
