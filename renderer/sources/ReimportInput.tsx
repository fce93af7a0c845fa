import { msg } from '../i18n';
import { forwardRef } from 'react';

interface Props {
  onText(text: string, fileName: string): void;
  onError(message: string): void;
}

/**
 * A hidden file input for "Re-import Source Text…": reads a UTF-8 text file in the renderer (the sandbox allows
 * files the analyst picks) and hands its text on. Invalid UTF-8 or a binary file is refused with a message.
 */
export const ReimportInput = forwardRef<HTMLInputElement, Props>(function ReimportInput({ onText, onError }, ref) {
  return (
    <input
      ref={ref}
      type="file"
      accept=".txt,text/plain"
      hidden
      aria-label={msg('sources.chooseTheNewTextOf')}
      data-testid="reimport-input"
      onChange={async (e) => {
        const file = e.currentTarget.files?.[0];
        e.currentTarget.value = '';
        if (!file) return;
        if (file.size > 50 * 1024 * 1024) return onError(msg('sources.isOver50MbA', { name: file.name }));
        const bytes = new Uint8Array(await file.arrayBuffer());
        if (bytes.includes(0)) return onError(msg('sources.isNotATextFile', { name: file.name }));
        let text: string;
        try {
          text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
        } catch {
          return onError(msg('sources.isNotValidUtf8', { name: file.name }));
        }
        onText(text, file.name);
      }}
    />
  );
});
