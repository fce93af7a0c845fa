import { useEffect, useRef } from 'react';
import { COMMAND_LIST, matchesAccelerator, type CommandId } from '../core/commands';
import { isMac } from './api';

/** A handler returns false when the command does not apply now, so the key keeps its usual meaning. */
export type CommandHandlers = Partial<Record<CommandId, (event?: KeyboardEvent) => void | boolean>>;

/** Is focus in something the analyst types into? */
export function isTyping(target: EventTarget | null = document.activeElement): boolean {
  const el = target as HTMLElement | null;
  if (!el || !(el instanceof HTMLElement)) return false;
  return el.isContentEditable || el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT';
}

/**
 * Binds every command's shortcut on the window, and the native menu's clicks (sent by the shell), to handlers.
 * Handlers are read from a ref so the bindings are made once.
 */
export function useCommands(handlers: CommandHandlers): void {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      for (const command of COMMAND_LIST) {
        const keys = [command.accelerator, ...(command.alternates ?? [])].filter((k): k is string => Boolean(k));
        if (keys.some((k) => matchesAccelerator(k, event, isMac))) {
          if (command.yieldsToText && isTyping(event.target)) return;
          const run = ref.current[command.id as CommandId];
          if (run && run(event) !== false) event.preventDefault();
          return;
        }
      }
    };
    window.addEventListener('keydown', onKey);
    const off = window.notebookShell?.onMenuCommand((id) => ref.current[id as CommandId]?.());
    return () => {
      window.removeEventListener('keydown', onKey);
      off?.();
    };
  }, []);
}

export function shortcutOf(id: CommandId): string | undefined {
  return COMMAND_LIST.find((c) => c.id === id)?.accelerator;
}
