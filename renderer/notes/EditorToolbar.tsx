import { msg } from '../i18n';
import { useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import {
  Bold,
  Code,
  Heading1,
  Heading2,
  Heading3,
  Italic,
  Link,
  List,
  ListOrdered,
  MessageSquareQuote,
  Quote,
  Redo2,
  SeparatorHorizontal,
  Undo2,
} from 'lucide-react';
import { formatAccelerator } from '../../core/commands';
import { isMac } from '../api';
import { EDITOR_SHORTCUTS, type EditorShortcutId } from '../editor/shortcuts';
import type { ToolbarState, ToolbarStore } from '../editor/toolbar-state';

/** "Bold (Ctrl+B)": the label with its shortcut, as in menus. */
export function editorTooltip(id: EditorShortcutId, label: string = EDITOR_SHORTCUTS[id].label): string {
  return `${label} (${formatAccelerator(EDITOR_SHORTCUTS[id].accelerator, isMac)})`;
}

/** aria-keyshortcuts form: "Control+B" / "Meta+B". */
function ariaKeys(id: EditorShortcutId): string {
  return EDITOR_SHORTCUTS[id].accelerator.replace('CmdOrCtrl', isMac ? 'Meta' : 'Control');
}

export type ToolbarAction = Exclude<EditorShortcutId, 'hardBreak' | 'indent' | 'outdent' | 'paragraph'>;

interface Props {
  store: ToolbarStore;
  disabled: boolean;
  canCite: boolean;
  onAction(action: ToolbarAction): void;
}

interface ButtonSpec {
  id: ToolbarAction;
  icon: ReactNode;
  active?(s: ToolbarState): boolean;
  enabled?(s: ToolbarState): boolean;
}

const ICON = { size: 16, 'aria-hidden': true, strokeWidth: 2 } as const;

const GROUPS: ButtonSpec[][] = [
  [
    { id: 'bold', icon: <Bold {...ICON} />, active: (s) => s.bold },
    { id: 'italic', icon: <Italic {...ICON} />, active: (s) => s.italic },
    { id: 'code', icon: <Code {...ICON} />, active: (s) => s.code },
    { id: 'link', icon: <Link {...ICON} />, active: (s) => s.link },
  ],
  [
    { id: 'heading1', icon: <Heading1 {...ICON} />, active: (s) => s.block === 'h1' },
    { id: 'heading2', icon: <Heading2 {...ICON} />, active: (s) => s.block === 'h2' },
    { id: 'heading3', icon: <Heading3 {...ICON} />, active: (s) => s.block === 'h3' },
  ],
  [
    { id: 'bulletList', icon: <List {...ICON} />, active: (s) => s.list === 'bullet' },
    { id: 'orderedList', icon: <ListOrdered {...ICON} />, active: (s) => s.list === 'ordered' },
    { id: 'blockquote', icon: <Quote {...ICON} />, active: (s) => s.quote },
    { id: 'rule', icon: <SeparatorHorizontal {...ICON} /> },
  ],
  [{ id: 'cite', icon: <MessageSquareQuote {...ICON} /> }],
  [
    { id: 'undo', icon: <Undo2 {...ICON} />, enabled: (s) => s.canUndo },
    { id: 'redo', icon: <Redo2 {...ICON} />, enabled: (s) => s.canRedo },
  ],
];

/**
 * The editor's formatting toolbar. It reads the active marks and blocks from a store that changes only when they
 * do, so typing does not re-render it. Buttons keep the editor's focus and selection (mousedown is prevented).
 */
export function EditorToolbar({ store, disabled, canCite, onAction }: Props) {
  const state = useSyncExternalStore(store.subscribe, store.get);
  return (
    <div className="editor-toolbar" role="toolbar" aria-label={msg('notes.formatting')}>
      {GROUPS.map((group, i) => (
        <div className="editor-toolbar-group" role="group" key={i}>
          {group.map((b) => {
            const toggle = Boolean(b.active);
            const enabled = !disabled && (b.id === 'cite' ? canCite : (b.enabled?.(state) ?? true));
            const tooltip = b.id === 'cite' && !canCite ? msg('notes.selectAHighlightFirst', { editorTooltip: editorTooltip('cite') }) : editorTooltip(b.id);
            return (
              <button
                key={b.id}
                type="button"
                className="editor-tool"
                aria-label={EDITOR_SHORTCUTS[b.id].label}
                aria-keyshortcuts={ariaKeys(b.id)}
                aria-pressed={toggle ? Boolean(b.active?.(state)) : undefined}
                title={tooltip}
                disabled={!enabled}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => onAction(b.id)}
              >
                {b.icon}
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
}

interface LinkPromptProps {
  initial: string;
  editing: boolean;
  /** Returns an error message when the address cannot be used. */
  onApply(href: string): string | null;
  onRemove(): void;
  onClose(): void;
}

/** A small inline form for a link's address: Enter applies, Escape cancels, empty removes. */
export function LinkPrompt({ initial, editing, onApply, onRemove, onClose }: LinkPromptProps) {
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  return (
    <form
      className="link-prompt"
      aria-label={editing ? msg('notes.editLink') : msg('notes.insertLink')}
      onSubmit={(e) => {
        e.preventDefault();
        if (!value.trim()) {
          if (editing) onRemove();
          else onClose();
          return;
        }
        setError(onApply(value));
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <label htmlFor="link-prompt-input">{msg('notes.linkAddress')}</label>
      <input
        id="link-prompt-input"
        ref={input}
        type="text"
        inputMode="url"
        placeholder={msg('notes.https')}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'link-prompt-error' : undefined}
        onChange={(e) => {
          setValue(e.target.value);
          setError(null);
        }}
      />
      <button type="submit">{editing ? msg('notes.update') : msg('notes.addLink')}</button>
      {editing && (
        <button type="button" onClick={onRemove}>
          
          {msg('notes.removeLink')}
        </button>
      )}
      <button type="button" onClick={onClose}>
        
        {msg('notes.cancel')}
      </button>
      {error && (
        <p id="link-prompt-error" className="link-prompt-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
