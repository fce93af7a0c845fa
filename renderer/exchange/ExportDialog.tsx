import { counted, currentLocale, messageText, msg } from '../i18n';
import type { MessageKey } from '../../core/i18n/catalog';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import {
  EXPORT_FORMATS,
  FORMAT_INFO,
  writesFolder,
  type ExportChoices,
  type PositionUnit,
  type ExportFormat,
  type ExportJob,
  type ExportScope,
  type MarkdownLayout,
} from '../../core/exchange/api';
import { call } from '../api';
import { Modal } from '../ui/Modal';
import type { SourceCollection } from '../../core/model';

type ScopeKind = ExportScope['kind'];

interface Props {
  /** The source open in the reader, for "This source". */
  currentSource: { id: string; title: string } | null;
  /** Sources selected in the sources pane, for "Selected sources" (chosen when given). */
  selectedSources?: string[] | null;
  onClose(): void;
}

/** A file name from a title: no characters a file system or a sync tool objects to. */
function fileStem(title: string): string {
  return title.replace(/[\\/:*?"<>|#^[\]\u0000-\u001F]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 100).trim() || msg('exchange.export');
}

const count = (n: number): string => n.toLocaleString(currentLocale());

/** A PDF is printed from the HTML report; the rest are written by the backend as jobs. */
type Progress = ExportJob | { jobId: null; state: 'running' | 'done' | 'failed'; message: string; messageText?: undefined; error?: string; errorText?: undefined; paths: string[]; warnings: string[]; done: 0; total: 0; phase: 'formatting' | 'finished' };

export function ExportDialog({ currentSource, selectedSources, onClose }: Props) {
  const shell = window.notebookShell;
  const canChoose = Boolean(shell?.chooseSavePath);
  const canPdf = Boolean(shell?.printToPdf);
  const [choices, setChoices] = useState<ExportChoices | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [scopeKind, setScopeKind] = useState<ScopeKind>(selectedSources?.length ? 'sources' : 'notebook');
  const [tagIds, setTagIds] = useState<string[]>([]);
  const [collections, setCollections] = useState<SourceCollection[]>([]);
  const [collectionIds, setCollectionIds] = useState<string[]>([]);
  const [format, setFormat] = useState<ExportFormat>('markdown');
  const [layout, setLayout] = useState<MarkdownLayout>('per-source');
  // REFI-QDA positions: the unit of the project the notebook came from until the analyst picks the target tool.
  const [positions, setPositions] = useState<PositionUnit | null>(null);
  const positionUnit: PositionUnit = positions ?? choices?.positions ?? 'code-points';
  const [path, setPath] = useState('');
  const [pathEdited, setPathEdited] = useState(false);
  /** The native save dialog asked about replacing the file already. */
  const [confirmed, setConfirmed] = useState(false);
  const [exists, setExists] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const running = progress?.state === 'running';
  const pathInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    call('exportChoices').then(setChoices, (err: Error) => setLoadError(err.message));
    call('listCollections').then(setCollections, () => setCollections([]));
  }, []);

  const folder = writesFolder(format, layout);
  const info = FORMAT_INFO[format];
  const scope: ExportScope | null =
    scopeKind === 'notebook'
      ? { kind: 'notebook' }
      : scopeKind === 'source'
        ? currentSource
          ? { kind: 'source', sourceId: currentSource.id }
          : null
        : scopeKind === 'sources'
          ? selectedSources?.length
            ? { kind: 'sources', sourceIds: selectedSources }
            : null
          : scopeKind === 'collections'
            ? collectionIds.length > 0
              ? { kind: 'collections', collectionIds }
              : null
            : tagIds.length > 0
              ? { kind: 'tags', tagIds }
              : null;

  const defaultName = useMemo(() => {
    const stem =
      scopeKind === 'source' && currentSource
        ? fileStem(currentSource.title)
        : scopeKind === 'sources' && selectedSources?.length
          ? `${choices?.title ?? msg('exchange.researchNotebook')} - ${selectedSources.length} sources`
          : scopeKind === 'tags'
          ? `${choices?.title ?? msg('exchange.researchNotebook')} - ${fileStem(
              choices?.tags
                .filter((t) => tagIds.includes(t.id))
                .slice(0, 3)
                .map((t) => t.name)
                .join(', ') ?? 'tags',
            )}`
          : scopeKind === 'collections'
            ? `${choices?.title ?? msg('exchange.researchNotebook')} - ${fileStem(
                collections
                  .filter((c) => collectionIds.includes(c.id))
                  .slice(0, 3)
                  .map((c) => c.name)
                  .join(', ') || 'collections',
              )}`
            : (choices?.title ?? msg('exchange.researchNotebook'));
    return folder ? stem : `${stem}.${info.extensions[0]}`;
  }, [scopeKind, currentSource, selectedSources, choices, tagIds, collections, collectionIds, folder, info]);

  // The destination follows the choices until the analyst edits it; then only its extension follows the format.
  useEffect(() => {
    if (!choices) return;
    if (!pathEdited) {
      setPath(`${choices.defaultDir}${choices.pathSeparator}${defaultName}`);
      return;
    }
    setPath((p) => {
      const known = EXPORT_FORMATS.flatMap((f) => FORMAT_INFO[f].extensions);
      const m = /\.([A-Za-z0-9]+)$/.exec(p);
      const stem = m && known.includes(m[1].toLowerCase()) ? p.slice(0, -m[0].length) : p;
      return folder ? stem : `${stem}.${info.extensions[0]}`;
    });
  }, [choices, defaultName, pathEdited, folder, info]);

  // Poll a running export job.
  const jobId = progress && progress.jobId && running ? progress.jobId : null;
  useEffect(() => {
    if (!jobId) return;
    let stopped = false;
    const timer = setInterval(async () => {
      try {
        const job = await call('exportProgress', { jobId });
        if (!stopped) setProgress(job);
      } catch (err) {
        if (!stopped) setProgress((p) => (p ? { ...p, state: 'failed', error: (err as Error).message, errorText: undefined, message: (err as Error).message } : p));
      }
    }, 150);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [jobId]);

  /** The native save dialog: the shell writes only where it answered. Opens at the path in the field. */
  const choose = async (): Promise<string | null> => {
    const chosen = await shell?.chooseSavePath?.({
      defaultName,
      defaultPath: path.trim() || undefined,
      filters: folder ? [] : [{ name: info.filterName, extensions: [...info.extensions] }],
    });
    if (chosen) {
      setPath(chosen);
      setPathEdited(true);
      setConfirmed(true);
      setExists(null);
    }
    return chosen ?? null;
  };

  const start = async (overwrite: boolean) => {
    if (!scope) return;
    setError(null);
    setExists(null);
    try {
      // In the app, a destination typed in the field is confirmed in the save dialog first.
      let target = path;
      let justChosen = false;
      if (canChoose && !confirmed) {
        const chosen = await choose();
        if (!chosen) return;
        target = chosen;
        justChosen = true;
      }
      if (format === 'pdf') {
        // The shell asks the backend for the report itself: the renderer sends the scope, never the HTML to print.
        setProgress({ jobId: null, state: 'running', phase: 'formatting', message: msg('exchange.printingTheReportToPdf'), paths: [], warnings: [], done: 0, total: 0 });
        await shell!.printToPdf!({ scope, path: target });
        setProgress({ jobId: null, state: 'done', phase: 'finished', message: msg('exchange.savedThePdfReportTo', { target }), paths: [target], warnings: [], done: 0, total: 0 });
        return;
      }
      const result = await call('startExport', { scope, format, path: target, layout: format === 'markdown' ? layout : undefined, positions: format === 'qdpx' ? positionUnit : undefined, overwrite: overwrite || confirmed || (justChosen && !folder) });
      if (!result.jobId) {
        setExists(result.path);
        return;
      }
      setPath(result.path);
      setProgress(await call('exportProgress', { jobId: result.jobId }));
    } catch (err) {
      setProgress(null);
      setError(messageText(err as Error));
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!running) void start(false);
  };

  const cancelJob = () => {
    if (progress?.jobId) void call('cancelExport', { jobId: progress.jobId }).then(setProgress, () => {});
  };

  const close = () => {
    if (running) cancelJob();
    onClose();
  };

  const finished = progress && progress.state !== 'running';
  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : null;

  return (
    <Modal title={msg('exchange.export')} onClose={close}>
      <form className="exchange-form export-dialog" onSubmit={submit} aria-busy={running}>
        {loadError && (
          <p className="dialog-error" role="alert">
            {loadError}
          </p>
        )}
        <div className="export-columns">
          <fieldset className="export-scope" disabled={running}>
            <legend>{msg('exchange.whatToExport')}</legend>
            <label className="choice">
              <input type="radio" name="scope" value="source" checked={scopeKind === 'source'} disabled={!currentSource} onChange={() => setScopeKind('source')} />
              <span>
                
                {msg('exchange.thisSource')}
                <span className="hint">{currentSource ? currentSource.title : msg('exchange.noSourceIsOpen')}</span>
              </span>
            </label>
            {selectedSources && selectedSources.length > 0 && (
              <label className="choice">
                <input type="radio" name="scope" value="sources" checked={scopeKind === 'sources'} onChange={() => setScopeKind('sources')} />
                <span>
                  
                  {msg('exchange.selectedSources')}
                  <span className="hint">
                    {msg('exchange.chosenInTheListWith', { sources: counted('source', selectedSources.length) })}
                  </span>
                </span>
              </label>
            )}
            <label className="choice">
              <input type="radio" name="scope" value="tags" checked={scopeKind === 'tags'} disabled={!choices?.tags.length} onChange={() => setScopeKind('tags')} />
              <span>
                
                {msg('exchange.chosenTags')}
                <span className="hint">{msg('exchange.highlightsWithTheseTagsOr')}</span>
              </span>
            </label>
            {scopeKind === 'tags' && choices && (
              <ul className="tag-choices" aria-label={msg('exchange.tagsToExport')}>
                {choices.tags.map((t) => (
                  <li key={t.id} style={{ paddingLeft: `${t.depth * 16}px` }}>
                    <label>
                      <input
                        type="checkbox"
                        checked={tagIds.includes(t.id)}
                        onChange={(e) => {
                          const on = e.currentTarget.checked;
                          setTagIds((ids) => (on ? [...ids, t.id] : ids.filter((x) => x !== t.id)));
                        }}
                      />
                      <span className="swatch" style={{ background: t.color }} aria-hidden="true" />
                      <span className="tag-choice-name">{t.name}</span>
                      <span className="tag-choice-count" aria-label={counted('highlight', t.highlights)}>
                        {count(t.highlights)}
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            )}
            <label className="choice">
              <input type="radio" name="scope" value="collections" checked={scopeKind === 'collections'} disabled={collections.length === 0} onChange={() => setScopeKind('collections')} />
              <span>
                
                {msg('exchange.chosenCollections')}
                <span className="hint">{collections.length ? msg('exchange.theirSourcesWithAllTheir') : msg('exchange.noCollectionYetCreateOne')}</span>
              </span>
            </label>
            {scopeKind === 'collections' && (
              <ul className="tag-choices" aria-label={msg('exchange.collectionsToExport')}>
                {collections.map((c) => (
                  <li key={c.id}>
                    <label>
                      <input
                        type="checkbox"
                        checked={collectionIds.includes(c.id)}
                        onChange={(e) => {
                          const on = e.currentTarget.checked;
                          setCollectionIds((ids) => (on ? [...ids, c.id] : ids.filter((x) => x !== c.id)));
                        }}
                      />
                      <span className="tag-choice-name">{c.name}</span>
                      <span className="tag-choice-count" aria-label={counted('source', c.sourceIds.length)}>
                        {count(c.sourceIds.length)}
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            )}
            <label className="choice">
              <input type="radio" name="scope" value="notebook" checked={scopeKind === 'notebook'} onChange={() => setScopeKind('notebook')} />
              <span>
                
                {msg('exchange.wholeNotebook')}
                <span className="hint">
                  {choices ? msg('exchange.sourcesHighlightsTagsAllNotes', { count: choices.sources, count2: choices.highlights, count3: choices.tags.length }) : msg('exchange.counting')}
                </span>
              </span>
            </label>
          </fieldset>

          <fieldset className="export-format" disabled={running}>
            <legend>{msg('exchange.format')}</legend>
            <div className="format-list" role="radiogroup" aria-label={msg('exchange.format')}>
              {EXPORT_FORMATS.map((f) => {
                const disabled = f === 'pdf' && !canPdf;
                return (
                  <label key={f} className={`format-choice ${format === f ? 'selected' : ''} ${disabled ? 'disabled' : ''}`}>
                    <input type="radio" name="format" value={f} checked={format === f} disabled={disabled} onChange={() => setFormat(f)} />
                    <span>
                      <span className="format-label">{msg(`exchange.formatInfo.${f.replace('-', '')}.label` as MessageKey)}</span>
                      <span className="hint">{disabled ? msg('exchange.inTheDesktopAppHere') : msg(`exchange.formatInfo.${f.replace('-', '')}.hint` as MessageKey)}</span>
                    </span>
                  </label>
                );
              })}
            </div>
            {format === 'markdown' && (
              <div className="layout-choice" role="radiogroup" aria-label={msg('exchange.markdownFiles')}>
                <label>
                  <input type="radio" name="layout" checked={layout === 'per-source'} onChange={() => setLayout('per-source')} />{' '}{msg('exchange.oneFilePerSource')}
                </label>
                <label>
                  <input type="radio" name="layout" checked={layout === 'combined'} onChange={() => setLayout('combined')} />{' '}{msg('exchange.oneCombinedFile')}
                </label>
              </div>
            )}
            {format === 'qdpx' && (
              <div className="layout-choice" role="radiogroup" aria-label={msg('exchange.textPositionsFor')}>
                <label>
                  <input type="radio" name="positions" checked={positionUnit === 'code-points'} onChange={() => setPositions('code-points')} />{' '}{msg('exchange.maxqdaAtlasTiQualcoderCode')}
                </label>
                <label>
                  <input type="radio" name="positions" checked={positionUnit === 'utf-16'} onChange={() => setPositions('utf-16')} />{' '}{msg('exchange.nvivoUtf16Units')}
                </label>
              </div>
            )}
          </fieldset>
        </div>

        <div className="destination">
          <label htmlFor="export-path">{folder ? msg('exchange.saveToFolder') : msg('exchange.saveTo')}</label>
          <div className="destination-row">
            <input
              ref={pathInput}
              id="export-path"
              type="text"
              spellCheck={false}
              value={path}
              disabled={running}
              onChange={(e) => {
                setPath(e.currentTarget.value);
                setPathEdited(true);
                setConfirmed(false);
                setExists(null);
              }}
            />
            {canChoose && (
              <button type="button" onClick={() => void choose()} disabled={running}>
                
                {msg('exchange.choose')}
              </button>
            )}
          </div>
          {folder && <p className="hint">{msg('exchange.oneMarkdownFilePerSource')}</p>}
        </div>

        {exists && (
          <div className="exists-prompt" role="alert">
            <span>
              {exists}{' '}{msg('exchange.alreadyExists')}{folder ? msg('exchange.andHasFilesInIt') : ''}.
            </span>
            <button type="button" onClick={() => void start(true)}>
              
              {msg('exchange.replace')}
            </button>
          </div>
        )}
        {error && (
          <p className="dialog-error" role="alert">
            {error}
          </p>
        )}

        {progress && (
          <div className={`exchange-progress ${progress.state}`} role={progress.state === 'failed' ? 'alert' : 'status'} aria-live="polite">
            {running && (progress.phase === 'reading' && percent !== null ? <progress value={progress.done} max={progress.total} aria-label={msg('exchange.exportProgress')} /> : <progress aria-label={msg('exchange.exportProgress')} />)}
            <p className="progress-message">{progress.state === 'failed' ? messageText({ message: progress.error, text: progress.errorText }) : messageText({ message: progress.message, text: progress.messageText })}</p>
            {progress.state === 'done' && progress.warnings.map((w) => <p key={w} className="hint">{w}</p>)}
            {progress.state === 'done' && progress.paths.length > 1 && (
              <p className="hint">
                {count(progress.paths.length)}{' '}{msg('exchange.filesSuchAs')}{' '}{progress.paths[0]}
              </p>
            )}
            {progress.state === 'done' && progress.paths.length > 0 && shell?.showInFolder && (
              <button type="button" className="show-in-folder" onClick={() => void shell.showInFolder?.(progress.paths[0]).catch((err: Error) => setError(messageText(err)))}>
                
                {msg('exchange.showInFolder')}
              </button>
            )}
          </div>
        )}

        <div className="dialog-actions">
          {running ? (
            <button type="button" onClick={cancelJob} disabled={!progress?.jobId}>
              
              {msg('exchange.cancelExport')}
            </button>
          ) : (
            <button type="button" onClick={close}>
              {finished && progress?.state === 'done' ? msg('exchange.done') : msg('exchange.cancel')}
            </button>
          )}
          {!(finished && progress?.state === 'done') && (
            <button type="submit" className="primary" disabled={running || !scope || !path.trim() || !choices}>
              {running ? msg('exchange.exporting') : msg('exchange.export')}
            </button>
          )}
        </div>
      </form>
    </Modal>
  );
}
