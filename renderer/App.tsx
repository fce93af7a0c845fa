import { useCallback, useEffect, useRef, useState } from 'react';
import { Group, Panel, Separator, useDefaultLayout } from 'react-resizable-panels';
import { FONT_SIZE, LINE_WIDTH, type ReaderSettings, type Settings, type SourceDocument, type SourceSummary } from '../core/model';
import { call } from './api';
import { useCommands } from './use-commands';
import { SourceList } from './components/SourceList';
import { Reader } from './components/Reader';
import { NoteEditor } from './components/NoteEditor';
import { Toolbar } from './components/Toolbar';
import { ShortcutsDialog } from './components/ShortcutsDialog';
import { AboutDialog } from './components/AboutDialog';
import { ErrorBanner } from './components/ErrorBanner';

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

export function App() {
  const [sources, setSources] = useState<SourceSummary[] | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [doc, setDoc] = useState<SourceDocument | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'shortcuts' | 'about' | null>(null);
  const opening = useRef(0);
  const layout = useDefaultLayout({ id: 'main-panes', storage: localStorage });

  const report = useCallback((err: unknown) => setError((err as Error)?.message ?? String(err)), []);

  const openSource = useCallback(
    async (id: string) => {
      const ticket = ++opening.current;
      try {
        const loaded = await call('getSource', { id });
        if (ticket !== opening.current) return;
        setDoc(loaded);
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

  const updateReader = useCallback(
    (change: (r: ReaderSettings) => Partial<ReaderSettings>) => {
      if (!settings) return;
      const reader = change(settings.reader);
      setSettings({ ...settings, reader: { ...settings.reader, ...reader } });
      call('updateSettings', { reader }).then(setSettings, report);
    },
    [settings, report],
  );

  const step = (delta: number) => {
    if (!sources || !doc) return;
    const i = sources.findIndex((s) => s.id === doc.meta.id);
    const next = sources[clamp(i + delta, 0, sources.length - 1)];
    if (next && next.id !== doc.meta.id) void openSource(next.id);
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
    'focus.sources': () => document.querySelector<HTMLElement>('#source-list [tabindex="0"]')?.focus(),
    'focus.reader': () => document.getElementById('reader')?.focus(),
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
      <Group className="panes" orientation="horizontal" id="main-panes" defaultLayout={layout.defaultLayout} onLayoutChanged={layout.onLayoutChanged}>
        <Panel id="pane-sources" defaultSize="22" minSize="14">
          <SourceList sources={sources} currentId={doc?.meta.id ?? null} onOpen={openSource} />
        </Panel>
        <Separator className="separator" aria-label="Resize sources pane" />
        <Panel id="pane-reader" defaultSize="48" minSize="25">
          {doc ? (
            <Reader
              key={doc.meta.id}
              meta={doc.meta}
              text={doc.text}
              settings={settings.reader}
              initialPosition={settings.readingPositions[doc.meta.id] ?? 0}
              onPositionChange={savePosition}
            />
          ) : (
            <main className="pane reader empty">No source is open.</main>
          )}
        </Panel>
        <Separator className="separator" aria-label="Resize notes pane" />
        <Panel id="pane-editor" defaultSize="30" minSize="18">
          {doc && <NoteEditor key={doc.meta.id} sourceId={doc.meta.id} initialDoc={doc.note} />}
        </Panel>
      </Group>
      {dialog === 'shortcuts' && <ShortcutsDialog onClose={() => setDialog(null)} />}
      {dialog === 'about' && <AboutDialog onClose={() => setDialog(null)} />}
    </div>
  );
}
