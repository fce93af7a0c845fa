import { msg } from '../i18n';
import { useMemo, useState } from 'react';
import type { Tag } from '../../core/model';
import { MODE_LABEL, STATEMENT_MODES, type Statement, type StatementMode } from '../../core/statements/model';
import { Modal } from '../ui/Modal';

interface Props {
  /** The passage, shown so the analyst knows what is being attributed. */
  quote: string;
  /** Person and organisation tags: the only speakers allowed. */
  speakers: Tag[];
  initial: Statement;
  /** A name the suggestion proposed but the codebook lacks (accepting creates the tag). */
  proposedSpeaker?: string;
  onSave(statement: Statement, newSpeaker?: string): void;
  onRemove?(): void;
  onClose(): void;
}

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/**
 * Mark a highlight a statement (key S) or edit one: who said it (a person or organisation tag, filtered as you type),
 * when (defaults to the source's date), at what occasion, and how (direct quote, paraphrase, the outlet's claim).
 */
export function StatementDialog({ quote, speakers, initial, proposedSpeaker, onSave, onRemove, onClose }: Props) {
  const [filter, setFilter] = useState('');
  const [speakerId, setSpeakerId] = useState<string | null>(initial.speakerTagId);
  const [date, setDate] = useState(initial.dateSaid);
  const [occasion, setOccasion] = useState(initial.occasion);
  const [mode, setMode] = useState<StatementMode>(initial.mode);
  const [error, setError] = useState<string | null>(null);
  const shown = useMemo(() => {
    const f = filter.trim().toLowerCase();
    const list = [...speakers].sort((a, b) => a.name.localeCompare(b.name));
    return f ? list.filter((t) => t.name.toLowerCase().includes(f) || t.aliases.some((a) => a.toLowerCase().includes(f))) : list;
  }, [speakers, filter]);
  const useProposed = !speakerId && proposedSpeaker ? proposedSpeaker : undefined;

  const save = () => {
    if (!DATE.test(date)) return setError(msg('statements.theDateSaidIsYyyy'));
    if (!speakerId && !useProposed && mode !== 'outlet-claim') return setError(msg('statements.chooseWhoSaidItA'));
    onSave({ speakerTagId: mode === 'outlet-claim' && !speakerId ? null : speakerId, dateSaid: date, occasion: occasion.trim(), mode }, useProposed);
  };

  return (
    <Modal title={msg('statements.statement')} onClose={onClose}>
      <form
        className="statement-form"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <blockquote className="statement-quote">{quote.length > 400 ? `${quote.slice(0, 400)}…` : quote}</blockquote>
        <label className="field">
          <span>{msg('statements.speaker')}</span>
          <input
            type="search"
            autoFocus
            placeholder={msg('statements.typeToFilterPeopleAnd')}
            aria-label={msg('statements.filterSpeakers')}
            value={filter}
            onChange={(e) => {
              setFilter(e.target.value);
              const f = e.target.value.trim().toLowerCase();
              const first = speakers.find((t) => t.name.toLowerCase().includes(f));
              if (f && first) setSpeakerId(first.id);
            }}
          />
        </label>
        <select className="speaker-select" aria-label={msg('statements.speaker')} size={Math.min(6, Math.max(2, shown.length + 1))} value={speakerId ?? ''} onChange={(e) => setSpeakerId(e.target.value || null)}>
          <option value="">{proposedSpeaker ? msg('statements.newTag', { proposedSpeaker }) : msg('statements.noSpeakerOutletSOwn')}</option>
          {shown.map((t) => (
            <option key={t.id} value={t.id}>
              {msg('statements.speakerOption', { name: t.name, kind: t.kind === 'person' ? msg('statements.person') : msg('statements.organisation') })}
            </option>
          ))}
        </select>
        <div className="field-row">
          <label className="field">
            <span>{msg('statements.dateSaid')}</span>
            <input type="text" aria-label={msg('statements.dateSaid')} value={date} onChange={(e) => setDate(e.target.value.trim())} placeholder={msg('statements.yyyyMmDd')} size={11} />
          </label>
          <label className="field grow">
            <span>{msg('statements.occasion')}</span>
            <input type="text" aria-label={msg('statements.occasion')} value={occasion} maxLength={300} onChange={(e) => setOccasion(e.target.value)} placeholder={msg('statements.eGCisSummitOnline')} />
          </label>
        </div>
        <fieldset className="mode-choice">
          <legend>{msg('statements.mode')}</legend>
          {STATEMENT_MODES.map((m) => (
            <label key={m}>
              <input type="radio" name="statement-mode" value={m} checked={mode === m} onChange={() => setMode(m)} /> {MODE_LABEL[m]}
            </label>
          ))}
        </fieldset>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          {onRemove && (
            <button type="button" className="danger" onClick={onRemove}>
              
              {msg('statements.notAStatement')}
            </button>
          )}
          <span className="spacer" />
          <button type="button" onClick={onClose}>
            
            {msg('statements.cancel')}
          </button>
          <button type="submit" className="primary">
            
            {msg('statements.saveStatement')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
