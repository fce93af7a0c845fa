import { msg } from '../i18n';
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
    <div className="selection-popover" role="toolbar" aria-label={msg('reader.selection')} style={{ top, left }} onMouseDown={(e) => e.preventDefault()}>
      <button type="button" onClick={() => onChoose('highlight')} title={msg('reader.highlightTheSelection', { key: key('H') })}>
        
        {msg('reader.highlight')}{' '}<kbd>{key('H')}</kbd>
      </button>
      <button type="button" onClick={() => onChoose('tag')} title={msg('reader.highlightAndTag', { key: key('T') })}>
        
        {msg('reader.tag')}{' '}<kbd>{key('T')}</kbd>
      </button>
      <button type="button" onClick={() => onChoose('note')} title={msg('reader.highlightAndWriteANote', { key: key('N') })}>
        
        {msg('reader.note')}{' '}<kbd>{key('N')}</kbd>
      </button>
    </div>
  );
}
