import { counted, msg } from '../i18n';
import { Modal } from '../ui/Modal';

interface Props {
  quote: string;
  places: string[];
  onDelete(): void;
  onCancel(): void;
}

/** Asked before deleting a highlight that notes cite: what the deletion breaks, and that Ctrl+Z brings it back. */
export function DeleteCitedDialog({ quote, places, onDelete, onCancel }: Props) {
  const flat = quote.replace(/\s+/g, ' ').trim();
  return (
    <Modal title={msg('highlights.deleteACitedHighlight')} onClose={onCancel}>
      <p>
        “{flat.length > 120 ? `${flat.slice(0, 119)}…` : flat}{msg('highlights.isCitedIn')}{' '}{places.length === 1 ? places[0] : counted('note', places.length)}.
      </p>
      {places.length > 1 && (
        <ul className="cited-in">
          {places.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <p>{msg('highlights.deletingItLeaves')}{' '}{places.length === 1 ? msg('highlights.thatCitation') : msg('highlights.thoseCitations')}{' '}{msg('highlights.asDeletedPassageWithThe')}</p>
      <div className="dialog-actions">
        <button type="button" onClick={onCancel} autoFocus>
          
          {msg('highlights.cancel')}
        </button>
        <button type="button" className="primary danger" onClick={onDelete}>
          
          {msg('highlights.deleteHighlight')}
        </button>
      </div>
    </Modal>
  );
}
