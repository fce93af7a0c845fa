import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { ImportPreview, ImportProgress, ImportSummary } from '../../core/exchange/api';
import { call } from '../api';
import { dragHasFiles, readForImport } from './files';

export type ImportState =
  /** Waiting for files: the chooser needs a click (a menu command is not one), or files dropped on the window. */
  | { step: 'choose' }
  | { step: 'reading'; names: string[]; jobId: string; progress?: ImportProgress | null }
  | { step: 'preview'; preview: ImportPreview }
  | { step: 'importing'; preview: ImportPreview }
  | { step: 'failed'; error: string };

export interface ExchangeState {
  dialog: 'export' | 'import' | null;
  importState: ImportState | null;
  /** Files are being dragged over the window. */
  dragging: boolean;
  fileInput: RefObject<HTMLInputElement | null>;
  /** Opens the export dialog; with source ids (several selected in the sources pane), "Selected sources" is chosen. */
  openExport(sourceIds?: string[]): void;
  /** The sources the export dialog was opened for, or null. */
  exportSources: string[] | null;
  /** Opens the file chooser; the import dialog follows once files are chosen. */
  openImport(): void;
  /** The file chooser itself (the Import dialog's button). */
  chooseFiles(): void;
  importFiles(files: File[]): void;
  commitImport(skipDuplicates: boolean): void;
  /** Stop reading the files (a long PDF): nothing is added, the dialog closes. */
  cancelReading(): void;
  /** Open a protected PDF of the preview with its password. */
  unlock(file: number, password: string): void;
  /** Close the dialog (an import not committed is discarded). */
  close(): void;
}

/**
 * Export and import state for the app: which dialog is open, the import's steps (reading, preview, importing), and
 * drag and drop of files onto the window. `onImported` runs after an import, to refresh the sources and open one.
 */
export function useExchange(options: {
  onImported(summary: ImportSummary): void;
  /** Runs before an import is added (save typed notes first: an import may add to a notebook's notes). */
  beforeCommit?(): Promise<unknown>;
}): ExchangeState {
  const [dialog, setDialog] = useState<'export' | 'import' | null>(null);
  const [exportSources, setExportSources] = useState<string[] | null>(null);
  const [importState, setImportState] = useState<ImportState | null>(null);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement | null>(null);
  const importTicket = useRef(0);
  const hooks = useRef(options);
  hooks.current = options;

  const discard = useCallback((state: ImportState | null) => {
    if (state?.step === 'preview' && state.preview.previewId) void call('discardImport', { previewId: state.preview.previewId }).catch(() => {});
  }, []);

  /** Follow a job's progress (pages of a long PDF) while `ticket` is the current import. */
  const follow = useCallback((jobId: string, ticket: number, names: string[], openDialog: boolean) => {
    let stopped = false;
    const tick = async () => {
      if (stopped || ticket !== importTicket.current) return;
      const progress = await call('importProgress', { jobId }).catch(() => null);
      if (stopped || ticket !== importTicket.current) return;
      if (progress) {
        if (openDialog) setDialog('import');
        setImportState((s) => (s === null || s.step === 'reading' || openDialog ? { step: 'reading', names: progress ? [progress.fileName] : names, jobId, progress } : s));
      }
      setTimeout(() => void tick(), 250);
    };
    setTimeout(() => void tick(), 250);
    return () => {
      stopped = true;
    };
  }, []);

  const importFiles = useCallback(async (files: File[]) => {
    if (files.length === 0) return;
    const ticket = ++importTicket.current;
    const jobId = newJobId();
    const names = files.map((f) => f.name);
    setDialog('import');
    setImportState({ step: 'reading', names, jobId });
    const stop = follow(jobId, ticket, names, false);
    try {
      const outgoing = await Promise.all(files.map(readForImport));
      const preview = await call('previewImport', { files: outgoing, jobId });
      if (ticket !== importTicket.current) return void discard({ step: 'preview', preview });
      setImportState({ step: 'preview', preview });
    } catch (err) {
      if (ticket === importTicket.current) setImportState({ step: 'failed', error: (err as Error)?.message ?? String(err) });
    } finally {
      stop();
    }
  }, [discard, follow]);

  /**
   * In the app: the native open dialog. The shell reads the chosen files and returns the preview, so neither their
   * paths nor their bytes cross IPC.
   */
  const importFromDialog = useCallback(async (choose: (jobId: string) => Promise<ImportPreview | null>) => {
    const ticket = ++importTicket.current;
    const jobId = newJobId();
    // The dialog opens once the shell has files to read (a long PDF shows its pages as they are read).
    const stop = follow(jobId, ticket, [], true);
    try {
      const preview = await choose(jobId);
      stop();
      if (!preview) return;
      if (ticket !== importTicket.current) return discard({ step: 'preview', preview });
      setDialog('import');
      setImportState({ step: 'preview', preview });
    } catch (err) {
      stop();
      if (ticket !== importTicket.current) return;
      setDialog('import');
      setImportState({ step: 'failed', error: (err as Error)?.message ?? String(err) });
    }
  }, [discard, follow]);

  const cancelReading = useCallback(() => {
    if (importState?.step !== 'reading') return;
    const { jobId } = importState;
    // The reading stops between pages; its answer (an error) belongs to a ticket no longer current.
    importTicket.current++;
    void call('cancelImport', { jobId }).catch(() => {});
    setImportState(null);
    setDialog(null);
  }, [importState]);

  const unlock = useCallback(
    async (file: number, password: string) => {
      if (importState?.step !== 'preview') return;
      const { preview } = importState;
      const ticket = ++importTicket.current;
      const jobId = newJobId();
      const name = preview.files[file]?.name ?? '';
      setImportState({ step: 'reading', names: [name], jobId });
      const stop = follow(jobId, ticket, [name], false);
      try {
        const next = await call('unlockImport', { previewId: preview.previewId, file, password, jobId });
        if (ticket !== importTicket.current) return void discard({ step: 'preview', preview: next });
        setImportState({ step: 'preview', preview: next });
      } catch (err) {
        if (ticket === importTicket.current) setImportState({ step: 'failed', error: (err as Error)?.message ?? String(err) });
      } finally {
        stop();
      }
    },
    [importState, discard, follow],
  );

  const commitImport = useCallback(
    async (skipDuplicates: boolean) => {
      if (importState?.step !== 'preview') return;
      const { preview } = importState;
      setImportState({ step: 'importing', preview });
      try {
        await hooks.current.beforeCommit?.().catch(() => {});
        const summary = await call('commitImport', { previewId: preview.previewId, skipDuplicates });
        setDialog(null);
        setImportState(null);
        hooks.current.onImported(summary);
      } catch (err) {
        setImportState({ step: 'failed', error: (err as Error)?.message ?? String(err) });
      }
    },
    [importState],
  );

  const close = useCallback(() => {
    importTicket.current++;
    // Closing while files are read stops the reading too: nothing is added.
    if (importState?.step === 'reading') void call('cancelImport', { jobId: importState.jobId }).catch(() => {});
    discard(importState);
    setImportState(null);
    setDialog(null);
  }, [discard, importState]);

  // Drag and drop of files anywhere on the window. Capture phase, so the notes editor never takes a dropped file.
  useEffect(() => {
    let depth = 0;
    const onEnter = (e: DragEvent) => {
      if (!dragHasFiles(e)) return;
      depth++;
      setDragging(true);
    };
    const onOver = (e: DragEvent) => {
      if (!dragHasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const onLeave = (e: DragEvent) => {
      if (!dragHasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onDrop = (e: DragEvent) => {
      if (!dragHasFiles(e)) return;
      e.preventDefault();
      e.stopPropagation();
      depth = 0;
      setDragging(false);
      void importFiles(Array.from(e.dataTransfer?.files ?? []));
    };
    window.addEventListener('dragenter', onEnter, true);
    window.addEventListener('dragover', onOver, true);
    window.addEventListener('dragleave', onLeave, true);
    window.addEventListener('drop', onDrop, true);
    return () => {
      window.removeEventListener('dragenter', onEnter, true);
      window.removeEventListener('dragover', onOver, true);
      window.removeEventListener('dragleave', onLeave, true);
      window.removeEventListener('drop', onDrop, true);
    };
  }, [importFiles]);

  return {
    dialog,
    importState,
    dragging,
    fileInput,
    exportSources,
    openExport: useCallback((sourceIds?: string[]) => {
      setDialog((d) => {
        if (d) return d;
        setExportSources(sourceIds && sourceIds.length > 0 ? sourceIds : null);
        return 'export';
      });
    }, []),
    openImport: useCallback(() => {
      const fromDialog = window.notebookShell?.chooseImportFiles;
      if (fromDialog) return void importFromDialog(fromDialog);
      // A file chooser opens only in answer to the analyst's own key or click. The native menu's command reaches
      // the page without one: then the Import dialog opens first, with its own "Choose files…" button.
      const activation = (navigator as Navigator & { userActivation?: { isActive: boolean } }).userActivation;
      if (!activation || activation.isActive) fileInput.current?.click();
      if (activation && !activation.isActive) {
        setDialog('import');
        setImportState((state) => state ?? { step: 'choose' });
      }
    }, [importFromDialog]),
    chooseFiles: useCallback(() => {
      const fromDialog = window.notebookShell?.chooseImportFiles;
      if (fromDialog) void importFromDialog(fromDialog);
      else fileInput.current?.click();
    }, [importFromDialog]),
    importFiles: (files) => void importFiles(files),
    commitImport: (skip) => void commitImport(skip),
    cancelReading,
    unlock: (file, password) => void unlock(file, password),
    close,
  };
}

/** A job id for one import's reading (progress, cancel). */
function newJobId(): string {
  return `job-${crypto.randomUUID()}`;
}
