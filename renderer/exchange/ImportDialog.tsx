import { useState } from 'react';
import type { ImportFilePreview, ImportKind } from '../../core/exchange/api';
import { Modal } from '../ui/Modal';
import type { ImportState } from './use-exchange';

const KIND_LABEL: Record<ImportKind, string> = {
  source: 'Source',
  w3c: 'W3C annotations',
  qdpx: 'REFI-QDA project',
  qdc: 'REFI-QDA codebook',
};

const n = (count: number, one: string, many = `${one}s`): string => `${count.toLocaleString()} ${count === 1 ? one : many}`;

function summary(f: ImportFilePreview): string {
  if (f.kind === 'source') return f.title ? `“${f.title}”` : 'A source';
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
        Password for {file.name}
        <input type="password" value={value} autoFocus onChange={(e) => setValue(e.target.value)} aria-invalid={file.needsPassword === 'wrong' || undefined} autoComplete="off" />
      </label>
      <button type="submit" disabled={!value}>
        Open
      </button>
    </form>
  );
}

function FileRow({ file, onUnlock }: { file: ImportFilePreview; onUnlock(password: string): void }) {
  return (
    <li className={`import-file ${file.ok ? 'ok' : 'refused'}`}>
      <div className="import-file-head">
        <span className="import-file-name">{file.name}</span>
        <span className={`import-kind ${file.ok ? '' : 'refused'}`}>{file.ok && file.kind ? KIND_LABEL[file.kind] : 'Cannot import'}</span>
      </div>
      {file.ok ? (
        <>
          <p className="import-file-summary">{summary(file)}</p>
          {file.orphans > 0 && (
            <p className="import-note">
              {n(file.orphans, 'highlight')} cannot be placed in a text and will be kept as {file.orphans === 1 ? 'an orphan' : 'orphans'}.
            </p>
          )}
          {file.offsetUnit && <p className="import-note import-unit">{file.offsetUnit}</p>}
          {file.collections && file.collections.length > 0 && (
            <p className="import-note">
              {file.collections.length === 1 ? 'Collection' : 'Collections'}:{' '}
              {file.collections.map((c) => `${c.name} (${c.kind === 'case' ? 'case, ' : ''}${n(c.sources, 'source')})`).join(', ')}
            </p>
          )}
          {file.tagGroups && file.tagGroups.length > 0 && (
            <p className="import-note">
              {file.tagGroups.length === 1 ? 'Tag group' : 'Tag groups'}: {file.tagGroups.map((g) => `${g.name} (${n(g.tags, 'tag')})`).join(', ')}
            </p>
          )}
          {file.codebook && <CodebookPreview diff={file.codebook} />}
          {file.duplicates.map((d) => (
            <p key={`${d.title}|${d.of}`} className="import-duplicate">
              <span className="badge">Duplicate</span> {file.kind === 'source' ? 'Same text as' : `“${d.title}”: same text as`} {d.of}
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
            {file.error}
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
    ['new', `${n(diff.added.length, 'new tag')}`, diff.added],
    ['renamed', `${n(diff.renamed.length, 'tag')} renamed`, diff.renamed.map((r) => `${r.from} → ${r.to}`)],
    ['conflict', `${n(diff.conflicts.length, 'tag')} in conflict`, diff.conflicts.map((c) => `${c.path}: ${c.why}`)],
  ];
  return (
    <div className="codebook-preview" aria-label="Codebook changes">
      <p className="import-note">
        Codebook: {rows.map(([, label]) => label).join(' · ')} · {n(diff.matched, 'tag')} already in the notebook.
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
              {items.length > 200 && <li>… and {n(items.length - 200, 'more', 'more')}</li>}
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
    <Modal title="Import" onClose={onClose}>
      <div className="exchange-form import-dialog">
        {state.step === 'choose' && (
          <div className="import-choose">
            <p>Add sources (.txt, .md, .html, .pdf, .docx) or annotations with their sources: W3C Web Annotation .json (also Hypothesis's API JSON), REFI-QDA .qdpx projects and .qdc codebooks.</p>
            <p className="hint">You can also drop files anywhere on the window. Nothing is added until you confirm.</p>
            <button type="button" className="primary" onClick={onChoose} autoFocus>
              Choose files…
            </button>
          </div>
        )}
        {state.step === 'reading' && (
          <div className="exchange-progress" role="status">
            {state.progress && state.progress.pages > 0 ? (
              <>
                <p>
                  Reading {state.progress.fileName}: page {state.progress.page.toLocaleString()} of {state.progress.pages.toLocaleString()}
                  {state.progress.files > 1 ? ` (file ${state.progress.file} of ${state.progress.files})` : ''}…
                </p>
                <progress aria-label="Reading the files" max={state.progress.pages} value={state.progress.page} />
              </>
            ) : (
              <>
                <p>Reading {state.names.length === 1 ? state.names[0] : n(state.names.length, 'file')}…</p>
                <progress aria-label="Reading the files" />
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
                ? `${n(preview.importable, 'file')} ready to import${refused ? `, ${refused} refused` : ''}. Nothing is added until you choose Import.`
                : 'None of these files can be imported. Nothing was changed.'}
            </p>
            <ul className="import-files" aria-label="Files to import">
              {preview.files.map((f, i) => (
                <FileRow key={`${i}-${f.name}`} file={f} onUnlock={(password) => onUnlock(i, password)} />
              ))}
            </ul>
            {preview.duplicates > 0 && (
              <label className="checkbox-row">
                <input type="checkbox" checked={skip} onChange={(e) => setSkip(e.currentTarget.checked)} disabled={busy} />
                <span>
                  Skip {preview.duplicates === 1 ? 'the source' : `the ${preview.duplicates} sources`} already in the notebook
                  <span className="hint"> — highlights and notes from the files join the copy the notebook has.</span>
                </span>
              </label>
            )}
          </>
        )}
        {state.step === 'importing' && (
          <div className="exchange-progress" role="status">
            <p>Importing and placing highlights in their texts…</p>
            <progress aria-label="Importing" />
          </div>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={state.step === 'reading' ? onCancelReading : onClose} disabled={state.step === 'importing'}>
            {preview && preview.importable === 0 && !preview.files.some((f) => f.needsPassword) ? 'Done' : 'Cancel'}
          </button>
          {preview && preview.importable > 0 && (
            <button type="button" className="primary" disabled={busy} onClick={() => onCommit(skip)}>
              {state.step === 'importing' ? 'Importing…' : `Import ${preview.importable === 1 ? '' : `${preview.importable} files`}`.trim()}
            </button>
          )}
        </div>
      </div>
    </Modal>
  );
}
