import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { ImportPreview, ImportSummary } from '../../core/exchange/api';
import { call } from '../api';
import { dragHasFiles, readForImport } from './files';

export type ImportState =
  /** Waiting for files: the chooser needs a click (a menu command is not one), or files dropped on the window. */
  | { step: 'choose' }
  | { step: 'reading'; names: string[] }
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

  const importFiles = useCallback(async (files: File[]) => {
    if (files.length === 0) return;
    const ticket = ++importTicket.current;
    setDialog('import');
    setImportState({ step: 'reading', names: files.map((f) => f.name) });
    try {
      const outgoing = await Promise.all(files.map(readForImport));
      const preview = await call('previewImport', { files: outgoing });
      if (ticket !== importTicket.current) return void discard({ step: 'preview', preview });
      setImportState({ step: 'preview', preview });
    } catch (err) {
      if (ticket === importTicket.current) setImportState({ step: 'failed', error: (err as Error)?.message ?? String(err) });
    }
  }, [discard]);

  /**
   * In the app: the native open dialog. The shell reads the chosen files and returns the preview, so neither their
   * paths nor their bytes cross IPC.
   */
  const importFromDialog = useCallback(async (choose: () => Promise<ImportPreview | null>) => {
    const ticket = ++importTicket.current;
    try {
      const preview = await choose();
      if (!preview) return;
      if (ticket !== importTicket.current) return discard({ step: 'preview', preview });
      setDialog('import');
      setImportState({ step: 'preview', preview });
    } catch (err) {
      if (ticket !== importTicket.current) return;
      setDialog('import');
      setImportState({ step: 'failed', error: (err as Error)?.message ?? String(err) });
    }
  }, [discard]);

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
    close,
  };
}
