import { formatAccelerator } from '../../core/commands';
import { isMac } from '../api';

export type CreateIntent = 'highlight' | 'tag' | 'note';

interface Props {
  top: number;
  left: number;
  onChoose(intent: CreateIntent): void;
}

const key = (k: string) => formatAccelerator(k, isMac);

/** Next to a selection in the reader: Highlight (H), Tag… (T), Note… (N). */
export function SelectionPopover({ top, left, onChoose }: Props) {
  return (
    <div className="selection-popover" role="toolbar" aria-label="Selection" style={{ top, left }} onMouseDown={(e) => e.preventDefault()}>
      <button type="button" onClick={() => onChoose('highlight')} title={`Highlight the selection (${key('H')})`}>
        Highlight <kbd>{key('H')}</kbd>
      </button>
      <button type="button" onClick={() => onChoose('tag')} title={`Highlight and tag (${key('T')})`}>
        Tag… <kbd>{key('T')}</kbd>
      </button>
      <button type="button" onClick={() => onChoose('note')} title={`Highlight and write a note (${key('N')})`}>
        Note… <kbd>{key('N')}</kbd>
      </button>
    </div>
  );
}
