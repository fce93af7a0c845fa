import { msg } from '../i18n';
import { AArrowDown, AArrowUp, ChartColumn, FileInput, FileOutput, Search, UserRound, Users } from 'lucide-react';
import { FONT_SIZE, LINE_WIDTH, type ReaderSettings } from '../../core/model';
import { formatAccelerator, type CommandId } from '../../core/commands';
import { isMac } from '../api';
import { INTERFACE_LANGUAGES, interfaceLanguage, LANGUAGE_NAMES, type InterfaceLanguage } from '../../core/i18n/catalog';
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
  /** The interface language and its switch (View > Interface Language). */
  language?: InterfaceLanguage;
  onLanguage?(lang: InterfaceLanguage): void;
  /** The Sync button (issue 19). */
  sync?: React.ReactNode;
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
export function Toolbar({ reader, onChange, onShortcuts, onImport, onExport, onSearch, onAnalysis, analysisOpen, language, onLanguage, sync, onAgreement, agreementOpen, analystName, onName }: Props) {
  return (
    <header className="toolbar">
      <span className="app-name">{msg('shell.researchNotebook')}</span>
      <div className="toolbar-controls" role="toolbar" aria-label={msg('shell.reading')}>
      <div className="toolbar-group" role="group" aria-label={msg('shell.textSize')}>
        <button type="button" aria-label={msg('shell.smallerText')} title={withShortcut(msg('shell.smallerText'), 'view.fontSmaller')} disabled={reader.fontSize <= FONT_SIZE.min} onClick={() => onChange({ fontSize: reader.fontSize - FONT_SIZE.step })}>
          <AArrowDown size={16} aria-hidden="true" />
        </button>
        <output aria-label={msg('shell.textSize')} className="toolbar-value">{msg('shell.px', { fontSize: reader.fontSize })}</output>
        <button type="button" aria-label={msg('shell.largerText')} title={withShortcut(msg('shell.largerText'), 'view.fontLarger')} disabled={reader.fontSize >= FONT_SIZE.max} onClick={() => onChange({ fontSize: reader.fontSize + FONT_SIZE.step })}>
          <AArrowUp size={16} aria-hidden="true" />
        </button>
      </div>
      <div className="toolbar-group" role="group" aria-label={msg('shell.lineWidth')}>
        <button type="button" aria-label={msg('shell.narrowerLines')} title={withShortcut(msg('shell.narrowerLines'), 'view.linesNarrower')} disabled={reader.lineWidth <= LINE_WIDTH.min} onClick={() => onChange({ lineWidth: reader.lineWidth - LINE_WIDTH.step })}>
          ⇤⇥
        </button>
        <output aria-label={msg('shell.lineWidth')} className="toolbar-value">{msg('shell.ch', { lineWidth: reader.lineWidth })}</output>
        <button type="button" aria-label={msg('shell.widerLines')} title={withShortcut(msg('shell.widerLines'), 'view.linesWider')} disabled={reader.lineWidth >= LINE_WIDTH.max} onClick={() => onChange({ lineWidth: reader.lineWidth + LINE_WIDTH.step })}>
          ⇠⇢
        </button>
      </div>
      <div className="toolbar-group" role="radiogroup" aria-label={msg('shell.typeface')} title={withShortcut(msg('shell.serifOrSansSerif'), 'view.toggleSerif')}>
        {(['serif', 'sans'] as const).map((f) => (
          <button key={f} type="button" role="radio" aria-checked={reader.fontFamily === f} className={`font-choice ${f}`} onClick={() => onChange({ fontFamily: f })}>
            {f === 'serif' ? msg('shell.serif') : msg('shell.sans')}
          </button>
        ))}
      </div>
      <span className="toolbar-spacer" />
      {onSearch && (
        <button type="button" className="toolbar-search" title={withShortcut(msg('shell.searchSourcesHighlightsAndNotes'), 'search.open')} onClick={onSearch}>
          <Search size={14} aria-hidden="true" /> <span className="toolbar-label">{msg('shell.search')}</span>
          <kbd>{formatAccelerator(shortcutOf('search.open') ?? '', isMac)}</kbd>
        </button>
      )}
      {onAnalysis && (
        <button type="button" aria-pressed={Boolean(analysisOpen)} className="toolbar-analysis" title={withShortcut(msg('shell.analysisTagFrequencyCoOccurrence'), 'view.analysis')} onClick={onAnalysis}>
          <ChartColumn size={14} aria-hidden="true" /> <span className="toolbar-label">{msg('shell.analysis')}</span>
        </button>
      )}
      {onAgreement && (
        <button type="button" aria-pressed={Boolean(agreementOpen)} className="toolbar-analysis toolbar-agreement" title={withShortcut(msg('agreement.toolbarTitle'), 'view.agreement')} onClick={onAgreement}>
          <Users size={14} aria-hidden="true" /> <span className="toolbar-label">{msg('agreement.agreement')}</span>
        </button>
      )}
      {onName && (
        <button type="button" className="toolbar-name" title={withShortcut(analystName ? msg('agreement.youAreSwitch', { name: analystName }) : msg('agreement.setNameTitle'), 'view.analystName')} onClick={onName}>
          <UserRound size={14} aria-hidden="true" /> <span className="toolbar-name-text">{analystName ?? msg('agreement.setYourName')}</span>
        </button>
      )}
      {(onImport || onExport) && (
        <div className="toolbar-group" role="group" aria-label={msg('shell.importAndExport')}>
          {onImport && (
            <button type="button" className="toolbar-icon-button" title={withShortcut(msg('shell.importSourcesOrAnnotations'), 'file.import')} onClick={onImport}>
              <FileInput size={14} aria-hidden="true" /> <span className="toolbar-label">{msg('shell.import')}</span>
            </button>
          )}
          {onExport && (
            <button type="button" className="toolbar-icon-button" title={withShortcut(msg('shell.exportHighlightsAndNotes'), 'file.export')} onClick={onExport}>
              <FileOutput size={14} aria-hidden="true" /> <span className="toolbar-label">{msg('shell.export')}</span>
            </button>
          )}
        </div>
      )}
      {language && onLanguage && (
        <select
          className="toolbar-language"
          aria-label={msg('shell.interfaceLanguage')}
          title={msg('shell.interfaceLanguageTitle', { key: formatAccelerator(shortcutOf('view.interfaceLanguage') ?? '', isMac) })}
          value={language}
          onChange={(e) => onLanguage(interfaceLanguage(e.target.value))}
        >
          {INTERFACE_LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LANGUAGE_NAMES[l]}
            </option>
          ))}
        </select>
      )}
      {sync}
      <button type="button" className="help-button" aria-label={msg('shell.keyboardShortcuts')} title={withShortcut(msg('shell.keyboardShortcuts'), 'help.shortcuts')} onClick={onShortcuts}>
        ?
      </button>
      </div>
    </header>
  );
}
