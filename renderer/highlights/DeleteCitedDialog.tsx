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
    <Modal title="Delete a cited highlight?" onClose={onCancel}>
      <p>
        “{flat.length > 120 ? `${flat.slice(0, 119)}…` : flat}” is cited in {places.length === 1 ? places[0] : `${places.length} notes`}.
      </p>
      {places.length > 1 && (
        <ul className="cited-in">
          {places.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <p>Deleting it leaves {places.length === 1 ? 'that citation' : 'those citations'} as “deleted passage”, with the quote kept. Ctrl+Z brings the highlight back.</p>
      <div className="dialog-actions">
        <button type="button" onClick={onCancel} autoFocus>
          Cancel
        </button>
        <button type="button" className="primary danger" onClick={onDelete}>
          Delete highlight
        </button>
      </div>
    </Modal>
  );
}
