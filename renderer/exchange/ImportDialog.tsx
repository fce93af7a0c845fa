import { type CountNoun, counted, currentLocale, labels, messageText, msg } from '../i18n';
import { useState } from 'react';
import type { ImportFilePreview, ImportKind } from '../../core/exchange/api';
import { Modal } from '../ui/Modal';
import type { ImportState } from './use-exchange';

const KIND_LABEL: Record<ImportKind, string> = labels({
  source: 'exchange.importKind.source',
  w3c: 'exchange.importKind.w3c',
  qdpx: 'exchange.importKind.qdpx',
  qdc: 'exchange.importKind.qdc',
});

const n = (count: number, noun: CountNoun): string => counted(noun, count);

function summary(f: ImportFilePreview): string {
  if (f.kind === 'source') return f.title ? `“${f.title}”` : msg('exchange.aSource');
  if (f.kind === 'qdc') return n(f.tags, 'code');
  const parts = [n(f.sources, 'source'), n(f.highlights, 'highlight'), n(f.tags, 'tag')];
  if (f.notes) parts.push(n(f.notes, 'note'));
  return parts.join(' · ');
}

/** A protected PDF in the preview: its password, then Open (the file is read again with it). */
function PasswordRow({ file, onUnlock }: { file: ImportFilePreview; onUnlock(password: string): void }) {
  const [value, setValue] = useState('');
  return (
    <form
      className="import-password"
      onSubmit={(e) => {
        e.preventDefault();
        if (value) onUnlock(value);
      }}
      onKeyDown={(e) => e.stopPropagation()}
    >
      <label>
        
        {msg('exchange.passwordFor')}{' '}{file.name}
        <input type="password" value={value} autoFocus onChange={(e) => setValue(e.target.value)} aria-invalid={file.needsPassword === 'wrong' || undefined} autoComplete="off" />
      </label>
      <button type="submit" disabled={!value}>
        
        {msg('exchange.open')}
      </button>
    </form>
  );
}

function FileRow({ file, onUnlock }: { file: ImportFilePreview; onUnlock(password: string): void }) {
  return (
    <li className={`import-file ${file.ok ? 'ok' : 'refused'}`}>
      <div className="import-file-head">
        <span className="import-file-name">{file.name}</span>
        <span className={`import-kind ${file.ok ? '' : 'refused'}`}>{file.ok && file.kind ? KIND_LABEL[file.kind] : msg('exchange.cannotImport')}</span>
      </div>
      {file.ok ? (
        <>
          <p className="import-file-summary">{summary(file)}</p>
          {file.orphans > 0 && (
            <p className="import-note">
              {msg('exchange.cannotBePlacedInA', { highlights: n(file.orphans, 'highlight'), count: file.orphans })}
            </p>
          )}
          {file.offsetUnit && <p className="import-note import-unit">{file.offsetUnit}</p>}
          {file.collections && file.collections.length > 0 && (
            <p className="import-note">
              {file.collections.length === 1 ? msg('exchange.collection') : msg('exchange.collections')}:{' '}
              {file.collections.map((c) => `${c.name} (${c.kind === 'case' ? msg('exchange.caseComma') : ''}${n(c.sources, 'source')})`).join(', ')}
            </p>
          )}
          {file.tagGroups && file.tagGroups.length > 0 && (
            <p className="import-note">
              {file.tagGroups.length === 1 ? msg('exchange.tagGroup') : msg('exchange.tagGroups')}: {file.tagGroups.map((g) => `${g.name} (${n(g.tags, 'tag')})`).join(', ')}
            </p>
          )}
          {file.codebook && <CodebookPreview diff={file.codebook} />}
          {file.duplicates.map((d) => (
            <p key={`${d.title}|${d.of}`} className="import-duplicate">
              <span className="badge">{msg('exchange.duplicate')}</span> {file.kind === 'source' ? msg('exchange.sameTextAs') : msg('exchange.sameTextAs2', { title: d.title })} {d.of}
            </p>
          ))}
          {file.warnings.map((w) => (
            <p key={w} className="import-note">
              {w}
            </p>
          ))}
        </>
      ) : (
        <>
          <p className="import-error" role="alert">
            {messageText({ message: file.error, text: file.errorText })}
          </p>
          {file.needsPassword && <PasswordRow file={file} onUnlock={onUnlock} />}
        </>
      )}
    </li>
  );
}

/** What a file's codes do to the notebook's codebook: new, renamed, in conflict (the rest are the notebook's already). */
function CodebookPreview({ diff }: { diff: NonNullable<ImportFilePreview['codebook']> }) {
  const rows: Array<[string, string, string[]]> = [
    ['new', msg('exchange.newTags', { count: diff.added.length }), diff.added],
    ['renamed', msg('exchange.renamedTags', { count: diff.renamed.length }), diff.renamed.map((r) => `${r.from} → ${r.to}`)],
    ['conflict', msg('exchange.inConflict', { n: n(diff.conflicts.length, 'tag') }), diff.conflicts.map((c) => `${c.path}: ${c.why}`)],
  ];
  return (
    <div className="codebook-preview" aria-label={msg('exchange.codebookChanges')}>
      <p className="import-note">
        
        {msg('exchange.codebook')}{' '}{rows.map(([, label]) => label).join(' · ')} · {n(diff.matched, 'tag')}{' '}{msg('exchange.alreadyInTheNotebook')}
      </p>
      {rows
        .filter(([, , items]) => items.length > 0)
        .map(([kind, label, items]) => (
          <details key={kind} className={`codebook-${kind}`}>
            <summary>{label}</summary>
            <ul>
              {items.slice(0, 200).map((item) => (
                <li key={item}>{item}</li>
              ))}
              {items.length > 200 && <li>{msg('exchange.and')}{' '}{n(items.length - 200, 'more')}</li>}
            </ul>
          </details>
        ))}
    </div>
  );
}

/** The import preview: what each file brings, what is refused and why, duplicates to skip; nothing is added until Import. */
export function ImportDialog({
  state,
  onCommit,
  onChoose,
  onClose,
  onCancelReading,
  onUnlock,
}: {
  state: ImportState;
  onCommit(skipDuplicates: boolean): void;
  onChoose(): void;
  onClose(): void;
  onCancelReading(): void;
  onUnlock(file: number, password: string): void;
}) {
  const [skip, setSkip] = useState(true);
  const preview = state.step === 'preview' || state.step === 'importing' ? state.preview : null;
  const busy = state.step === 'importing' || state.step === 'reading';
  const refused = preview?.files.filter((f) => !f.ok).length ?? 0;

  return (
    <Modal title={msg('exchange.import')} onClose={onClose}>
      <div className="exchange-form import-dialog">
        {state.step === 'choose' && (
          <div className="import-choose">
            <p>{msg('exchange.addSourcesTxtMdHtml')}</p>
            <p className="hint">{msg('exchange.youCanAlsoDropFiles')}</p>
            <button type="button" className="primary" onClick={onChoose} autoFocus>
              
              {msg('exchange.chooseFiles')}
            </button>
          </div>
        )}
        {state.step === 'reading' && (
          <div className="exchange-progress" role="status">
            {state.progress && state.progress.pages > 0 ? (
              <>
                <p>
                  
                  {msg('exchange.reading')}{' '}{state.progress.fileName}{msg('exchange.page')}{' '}{state.progress.page.toLocaleString(currentLocale())}{' '}{msg('exchange.of')}{' '}{state.progress.pages.toLocaleString(currentLocale())}
                  {state.progress.files > 1 ? msg('exchange.fileOf', { file: state.progress.file, files: state.progress.files }) : ''}…
                </p>
                <progress aria-label={msg('exchange.readingTheFiles')} max={state.progress.pages} value={state.progress.page} />
              </>
            ) : (
              <>
                <p>{msg('exchange.reading')}{' '}{state.names.length === 1 ? state.names[0] : n(state.names.length, 'file')}…</p>
                <progress aria-label={msg('exchange.readingTheFiles')} />
              </>
            )}
          </div>
        )}
        {state.step === 'failed' && (
          <p className="dialog-error" role="alert">
            {state.error}
          </p>
        )}
        {preview && (
          <>
            <p className="dialog-intro">
              {preview.importable > 0
                ? msg('exchange.readyToImportNothingIs', { n: n(preview.importable, 'file'), value: refused ? msg('exchange.refusedCount', { refused }) : '' })
                : msg('exchange.noneOfTheseFilesCan')}
            </p>
            <ul className="import-files" aria-label={msg('exchange.filesToImport')}>
              {preview.files.map((f, i) => (
                <FileRow key={`${i}-${f.name}`} file={f} onUnlock={(password) => onUnlock(i, password)} />
              ))}
            </ul>
            {preview.duplicates > 0 && (
              <label className="checkbox-row">
                <input type="checkbox" checked={skip} onChange={(e) => setSkip(e.currentTarget.checked)} disabled={busy} />
                <span>
                  
                  {msg('exchange.skipDuplicates', { count: preview.duplicates })}
                  <span className="hint">{' '}{msg('exchange.highlightsAndNotesFromThe')}</span>
                </span>
              </label>
            )}
          </>
        )}
        {state.step === 'importing' && (
          <div className="exchange-progress" role="status">
            <p>{msg('exchange.importingAndPlacingHighlightsIn')}</p>
            <progress aria-label={msg('exchange.importing')} />
          </div>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={state.step === 'reading' ? onCancelReading : onClose} disabled={state.step === 'importing'}>
            {preview && preview.importable === 0 && !preview.files.some((f) => f.needsPassword) ? msg('exchange.done') : msg('exchange.cancel')}
          </button>
          {preview && preview.importable > 0 && (
            <button type="button" className="primary" disabled={busy} onClick={() => onCommit(skip)}>
              {state.step === 'importing' ? msg('exchange.importing2') : (preview.importable === 1 ? msg('exchange.import') : msg('exchange.importFiles', { count: preview.importable }))}
            </button>
          )}
        </div>
      </div>
    </Modal>
  );
}
