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
      aria-label="Choose the new text of this source"
      data-testid="reimport-input"
      onChange={async (e) => {
        const file = e.currentTarget.files?.[0];
        e.currentTarget.value = '';
        if (!file) return;
        if (file.size > 50 * 1024 * 1024) return onError(`${file.name} is over 50 MB; a source is at most 50 MB of text.`);
        const bytes = new Uint8Array(await file.arrayBuffer());
        if (bytes.includes(0)) return onError(`${file.name} is not a text file (it contains binary data).`);
        let text: string;
        try {
          text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
        } catch {
          return onError(`${file.name} is not valid UTF-8 text; save it as UTF-8 and try again.`);
        }
        onText(text, file.name);
      }}
    />
  );
});
