import { msg } from '../i18n';
import { ExportDialog } from './ExportDialog';
import { IMPORT_ACCEPT } from './files';
import { ImportDialog } from './ImportDialog';
import type { ExchangeState } from './use-exchange';

interface Props {
  exchange: ExchangeState;
  currentSource: { id: string; title: string } | null;
}

/** Everything of export and import the window shows: the file chooser, the two dialogs, the drop target. */
export function ExchangeLayer({ exchange, currentSource }: Props) {
  return (
    <>
      <input
        ref={exchange.fileInput}
        type="file"
        multiple
        hidden
        accept={IMPORT_ACCEPT}
        aria-label={msg('exchange.chooseFilesToImport')}
        data-testid="import-input"
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? []);
          e.currentTarget.value = '';
          exchange.importFiles(files);
        }}
      />
      {exchange.dialog === 'export' && <ExportDialog currentSource={currentSource} selectedSources={exchange.exportSources} onClose={exchange.close} />}
      {exchange.dialog === 'import' && exchange.importState && (
        <ImportDialog state={exchange.importState} onCommit={exchange.commitImport} onChoose={exchange.chooseFiles} onClose={exchange.close} onCancelReading={exchange.cancelReading} onUnlock={exchange.unlock} />
      )}
      {exchange.dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <div className="drop-target">
            <strong>{msg('exchange.dropToImport')}</strong>
            <span>{msg('exchange.sourcesTxtMdHtmlPdf')}</span>
          </div>
        </div>
      )}
    </>
  );
}
