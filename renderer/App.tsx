import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Group, Panel, Separator, useDefaultLayout } from 'react-resizable-panels';
import { DEFAULT_HIGHLIGHT_COLOR, FONT_SIZE, LINE_WIDTH, type Highlight, type ReaderSettings, type Settings, type SourceDocument, type SourceSummary, type Tag } from '../core/model';
import { call } from './api';
import { useCommands, isTyping } from './use-commands';
import { useHighlights } from './highlights/use-highlights';
import { SourceList } from './components/SourceList';
import { Reader, type ReaderHandle } from './components/Reader';
import { NoteEditor } from './components/NoteEditor';
import { HighlightsPanel } from './components/HighlightsPanel';
import { Toolbar } from './components/Toolbar';
import { ShortcutsDialog } from './components/ShortcutsDialog';
import { AboutDialog } from './components/AboutDialog';
import { ErrorBanner } from './components/ErrorBanner';
import { Notice } from './components/Notice';
import { ReimportInput } from './components/ReimportInput';
import type { CreateIntent } from './reader/SelectionPopover';

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

export function App() {
  const [sources, setSources] = useState<SourceSummary[] | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [doc, setDoc] = useState<SourceDocument | null>(null);
  const [tags] = useState<Tag[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'shortcuts' | 'about' | null>(null);
  const [alternatives, setAlternatives] = useState<string[]>([]);
  const [hasSelection, setHasSelection] = useState(false);
  const opening = useRef(0);
  const reader = useRef<ReaderHandle>(null);
  const reimport = useRef<HTMLInputElement>(null);
  const layout = useDefaultLayout({ id: 'main-panes', storage: localStorage });
  const sideLayout = useDefaultLayout({ id: 'side-panes', storage: localStorage });

  const report = useCallback((err: unknown) => setError((err as Error)?.message ?? String(err)), []);

  const onCountChange = useCallback((sourceId: string, live: number, orphans: number) => {
    setSources((list) => list?.map((s) => (s.id === sourceId && (s.highlightCount !== live || s.orphanCount !== orphans) ? { ...s, highlightCount: live, orphanCount: orphans } : s)) ?? list);
  }, []);
  const hl = useHighlights(doc, report, onCountChange);

  const tagsById = useMemo(() => new Map(tags.map((t) => [t.id, t])), [tags]);
  const colorOf = useCallback((h: Highlight) => tagsById.get(h.tagIds[0])?.color ?? DEFAULT_HIGHLIGHT_COLOR, [tagsById]);

  const openSource = useCallback(
    async (id: string) => {
      const ticket = ++opening.current;
      try {
        const loaded = await call('getSource', { id });
        if (ticket !== opening.current) return;
        performance.mark('nb-source-loaded', { detail: loaded.highlights.length });
        setDoc(loaded);
        setAlternatives([]);
        setSettings(await call('updateSettings', { lastSourceId: id }));
      } catch (err) {
        report(err);
      }
    },
    [report],
  );

  useEffect(() => {
    (async () => {
      const [list, s] = await Promise.all([call('listSources'), call('getSettings')]);
      setSources(list);
      setSettings(s);
      const first = list.find((x) => x.id === s.lastSourceId) ?? list[0];
      if (first) await openSource(first.id);
    })().catch(report);
  }, [openSource, report]);

  // The reader's selection enables "Re-attach to selection" for orphans.
  useEffect(() => {
    const onChange = () => setHasSelection(Boolean(reader.current?.selection()));
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, []);

  const updateReader = useCallback(
    (change: (r: ReaderSettings) => Partial<ReaderSettings>) => {
      if (!settings) return;
      const patch = change(settings.reader);
      setSettings({ ...settings, reader: { ...settings.reader, ...patch } });
      call('updateSettings', { reader: patch }).then(setSettings, report);
    },
    [settings, report],
  );

  const step = (delta: number) => {
    if (!sources || !doc) return;
    const i = sources.findIndex((s) => s.id === doc.meta.id);
    const next = sources[clamp(i + delta, 0, sources.length - 1)];
    if (next && next.id !== doc.meta.id) void openSource(next.id);
  };

  const createFromSelection = async (range: { start: number; end: number }, intent: CreateIntent) => {
    reader.current?.clearSelection();
    const created = await hl.create(range, [], (h) => reader.current?.paintNow(h));
    if (!created) return;
    if (intent === 'note') document.querySelector<HTMLElement>('#note-editor .ProseMirror')?.focus();
  };

  const withSelection = (intent: CreateIntent) => () => {
    const range = reader.current?.selection();
    if (!range) return false;
    void createFromSelection(range, intent);
  };

  const selectHighlight = (id: string | null, others: string[] = []) => {
    hl.select(id);
    setAlternatives(others);
  };

  const replaceText = async (text: string, fileName: string) => {
    if (!doc) return;
    try {
      const result = await call('updateSourceText', { sourceId: doc.meta.id, text });
      setDoc(result.source);
      const orphaned = result.orphaned.length;
      setNotice(
        `Re-imported ${fileName}: ${result.reanchored} highlight${result.reanchored === 1 ? '' : 's'} followed ${result.reanchored === 1 ? 'its' : 'their'} passage` +
          (orphaned ? `; ${orphaned} could not be found and ${orphaned === 1 ? 'is' : 'are'} listed as orphaned.` : '.'),
      );
    } catch (err) {
      report(err);
    }
  };

  useCommands({
    'view.fontLarger': () => updateReader((r) => ({ fontSize: clamp(r.fontSize + FONT_SIZE.step, FONT_SIZE.min, FONT_SIZE.max) })),
    'view.fontSmaller': () => updateReader((r) => ({ fontSize: clamp(r.fontSize - FONT_SIZE.step, FONT_SIZE.min, FONT_SIZE.max) })),
    'view.fontReset': () => updateReader(() => ({ fontSize: FONT_SIZE.default })),
    'view.linesWider': () => updateReader((r) => ({ lineWidth: clamp(r.lineWidth + LINE_WIDTH.step, LINE_WIDTH.min, LINE_WIDTH.max) })),
    'view.linesNarrower': () => updateReader((r) => ({ lineWidth: clamp(r.lineWidth - LINE_WIDTH.step, LINE_WIDTH.min, LINE_WIDTH.max) })),
    'view.toggleSerif': () => updateReader((r) => ({ fontFamily: r.fontFamily === 'serif' ? 'sans' : 'serif' })),
    'source.previous': () => step(-1),
    'source.next': () => step(1),
    'source.reimport': () => reimport.current?.click(),
    'edit.undo': () => {
      if (isTyping()) return void document.execCommand('undo');
      void hl.undo();
    },
    'edit.redo': () => {
      if (isTyping()) return void document.execCommand('redo');
      void hl.redo();
    },
    'highlight.create': withSelection('highlight'),
    'highlight.tag': withSelection('tag'),
    'highlight.note': withSelection('note'),
    'highlight.delete': () => {
      if (!hl.selectedId) return false;
      void hl.remove(hl.selectedId);
    },
    'focus.sources': () => document.querySelector<HTMLElement>('#source-list [tabindex="0"]')?.focus(),
    'focus.reader': () => document.getElementById('reader')?.focus(),
    'focus.highlights': () => document.querySelector<HTMLElement>('.highlight-list [tabindex="0"]')?.focus(),
    'focus.editor': () => document.querySelector<HTMLElement>('#note-editor .ProseMirror')?.focus(),
    'help.shortcuts': () => setDialog('shortcuts'),
    'help.about': () => setDialog('about'),
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
        {error ? <ErrorBanner message={error} onDismiss={() => setError(null)} /> : 'Opening the notebook…'}
      </div>
    );
  }

  return (
    <div className="app">
      <Toolbar reader={settings.reader} onChange={(r) => updateReader(() => r)} onShortcuts={() => setDialog('shortcuts')} />
      {error && <ErrorBanner message={error} onDismiss={() => setError(null)} />}
      {notice && <Notice message={notice} onDismiss={() => setNotice(null)} />}
      <Group className="panes" orientation="horizontal" id="main-panes" defaultLayout={layout.defaultLayout} onLayoutChanged={layout.onLayoutChanged}>
        <Panel id="pane-sources" defaultSize="20" minSize="12">
          <SourceList sources={sources} currentId={doc?.meta.id ?? null} onOpen={openSource} />
        </Panel>
        <Separator className="separator" aria-label="Resize sources pane" />
        <Panel id="pane-reader" defaultSize="48" minSize="25">
          {doc ? (
            <Reader
              ref={reader}
              key={doc.meta.id}
              meta={doc.meta}
              text={doc.text}
              settings={settings.reader}
              initialPosition={settings.readingPositions[doc.meta.id] ?? 0}
              onPositionChange={savePosition}
              highlights={hl.highlights}
              colorOf={colorOf}
              selectedId={hl.selectedId}
              onSelect={selectHighlight}
              onCreate={(range, intent) => void createFromSelection(range, intent)}
              headerExtra={
                <button type="button" className="link-button" onClick={() => reimport.current?.click()} title="Replace this source's text with a new version of the file; highlights follow their passages">
                  Re-import text…
                </button>
              }
            />
          ) : (
            <main className="pane reader empty">No source is open.</main>
          )}
        </Panel>
        <Separator className="separator" aria-label="Resize side pane" />
        <Panel id="pane-side" defaultSize="32" minSize="18">
          <Group orientation="vertical" id="side-panes" defaultLayout={sideLayout.defaultLayout} onLayoutChanged={sideLayout.onLayoutChanged}>
            <Panel id="pane-highlights" defaultSize="42" minSize="15">
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
                onDelete={(id) => void hl.remove(id)}
                onReattach={(id) => {
                  const range = reader.current?.selection();
                  if (range) void hl.reattach(id, range).then(() => reader.current?.clearSelection());
                }}
              />
            </Panel>
            <Separator className="separator horizontal" aria-label="Resize notes pane" />
            <Panel id="pane-editor" defaultSize="58" minSize="20">
              {doc && <NoteEditor key={doc.meta.id} sourceId={doc.meta.id} initialDoc={doc.note} />}
            </Panel>
          </Group>
        </Panel>
      </Group>
      <ReimportInput ref={reimport} onText={(text, name) => void replaceText(text, name)} onError={setError} />
      {dialog === 'shortcuts' && <ShortcutsDialog onClose={() => setDialog(null)} />}
      {dialog === 'about' && <AboutDialog onClose={() => setDialog(null)} />}
    </div>
  );
}
