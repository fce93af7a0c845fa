import { AArrowDown, AArrowUp, ChartColumn, FileInput, FileOutput, Search, UserRound, Users } from 'lucide-react';
import { FONT_SIZE, LINE_WIDTH, type ReaderSettings } from '../../core/model';
import { formatAccelerator, type CommandId } from '../../core/commands';
import { isMac } from '../api';
import { shortcutOf } from '../use-commands';

interface Props {
  reader: ReaderSettings;
  onChange(reader: Partial<ReaderSettings>): void;
  onShortcuts(): void;
  /** File > Import… and File > Export… (issue 6), also here for the mouse. */
  onImport?(): void;
  onExport?(): void;
  /** Search the notebook and the analysis view (issue 7), also here for the mouse. */
  onSearch?(): void;
  onAnalysis?(): void;
  analysisOpen?: boolean;
  /** The Agreement view and the analyst's name (issue 19). */
  onAgreement?(): void;
  agreementOpen?: boolean;
  analystName?: string;
  onName?(): void;
}

/** A label with the command's shortcut, for tooltips: "Larger text (Ctrl+=)". */
export function withShortcut(label: string, id: CommandId): string {
  const accel = shortcutOf(id);
  return accel ? `${label} (${formatAccelerator(accel, isMac)})` : label;
}

/** Reading comfort controls; the View menu and the shortcuts do the same. */
export function Toolbar({ reader, onChange, onShortcuts, onImport, onExport, onSearch, onAnalysis, analysisOpen, onAgreement, agreementOpen, analystName, onName }: Props) {
  return (
    <header className="toolbar">
      <span className="app-name">Research Notebook</span>
      <div className="toolbar-controls" role="toolbar" aria-label="Reading">
      <div className="toolbar-group" role="group" aria-label="Text size">
        <button type="button" aria-label="Smaller text" title={withShortcut('Smaller text', 'view.fontSmaller')} disabled={reader.fontSize <= FONT_SIZE.min} onClick={() => onChange({ fontSize: reader.fontSize - FONT_SIZE.step })}>
          <AArrowDown size={16} aria-hidden="true" />
        </button>
        <output aria-label="Text size" className="toolbar-value">{reader.fontSize}px</output>
        <button type="button" aria-label="Larger text" title={withShortcut('Larger text', 'view.fontLarger')} disabled={reader.fontSize >= FONT_SIZE.max} onClick={() => onChange({ fontSize: reader.fontSize + FONT_SIZE.step })}>
          <AArrowUp size={16} aria-hidden="true" />
        </button>
      </div>
      <div className="toolbar-group" role="group" aria-label="Line width">
        <button type="button" aria-label="Narrower lines" title={withShortcut('Narrower lines', 'view.linesNarrower')} disabled={reader.lineWidth <= LINE_WIDTH.min} onClick={() => onChange({ lineWidth: reader.lineWidth - LINE_WIDTH.step })}>
          ⇤⇥
        </button>
        <output aria-label="Line width" className="toolbar-value">{reader.lineWidth}ch</output>
        <button type="button" aria-label="Wider lines" title={withShortcut('Wider lines', 'view.linesWider')} disabled={reader.lineWidth >= LINE_WIDTH.max} onClick={() => onChange({ lineWidth: reader.lineWidth + LINE_WIDTH.step })}>
          ⇠⇢
        </button>
      </div>
      <div className="toolbar-group" role="radiogroup" aria-label="Typeface" title={withShortcut('Serif or sans-serif', 'view.toggleSerif')}>
        {(['serif', 'sans'] as const).map((f) => (
          <button key={f} type="button" role="radio" aria-checked={reader.fontFamily === f} className={`font-choice ${f}`} onClick={() => onChange({ fontFamily: f })}>
            {f === 'serif' ? 'Serif' : 'Sans'}
          </button>
        ))}
      </div>
      <span className="toolbar-spacer" />
      {onSearch && (
        <button type="button" className="toolbar-search" title={withShortcut('Search sources, highlights and notes', 'search.open')} onClick={onSearch}>
          <Search size={14} aria-hidden="true" /> <span className="toolbar-label">Search…</span>
          <kbd>{formatAccelerator(shortcutOf('search.open') ?? '', isMac)}</kbd>
        </button>
      )}
      {onAnalysis && (
        <button type="button" aria-pressed={Boolean(analysisOpen)} className="toolbar-analysis" title={withShortcut('Analysis: tag frequency, co-occurrence, entity × theme, timeline', 'view.analysis')} onClick={onAnalysis}>
          <ChartColumn size={14} aria-hidden="true" /> <span className="toolbar-label">Analysis</span>
        </button>
      )}
      {onAgreement && (
        <button type="button" aria-pressed={Boolean(agreementOpen)} className="toolbar-analysis toolbar-agreement" title={withShortcut('Agreement between coders, blind coding and adjudication', 'view.agreement')} onClick={onAgreement}>
          <Users size={14} aria-hidden="true" /> <span className="toolbar-label">Agreement</span>
        </button>
      )}
      {onName && (
        <button type="button" className="toolbar-name" title={withShortcut(analystName ? `You are ${analystName}: switch name` : 'Set your name: what you make is recorded under it', 'view.analystName')} onClick={onName}>
          <UserRound size={14} aria-hidden="true" /> <span className="toolbar-name-text">{analystName ?? 'Set your name'}</span>
        </button>
      )}
      {(onImport || onExport) && (
        <div className="toolbar-group" role="group" aria-label="Import and export">
          {onImport && (
            <button type="button" className="toolbar-icon-button" title={withShortcut('Import sources or annotations', 'file.import')} onClick={onImport}>
              <FileInput size={14} aria-hidden="true" /> <span className="toolbar-label">Import…</span>
            </button>
          )}
          {onExport && (
            <button type="button" className="toolbar-icon-button" title={withShortcut('Export highlights and notes', 'file.export')} onClick={onExport}>
              <FileOutput size={14} aria-hidden="true" /> <span className="toolbar-label">Export…</span>
            </button>
          )}
        </div>
      )}
      <button type="button" className="help-button" aria-label="Keyboard shortcuts" title={withShortcut('Keyboard shortcuts', 'help.shortcuts')} onClick={onShortcuts}>
        ?
      </button>
      </div>
    </header>
  );
}
