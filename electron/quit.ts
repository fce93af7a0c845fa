/**
 * Quitting waits for the notebook's pending writes. Electron emits 'will-quit' once every window has closed (each
 * window first let the renderer save what was typed); the first one is held back until the backend has flushed its
 * queues, then the app quits for real. Node only (no 'electron' import), so it is tested under Node.
 */
interface QuittingApp {
  on(event: 'will-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  quit(): void;
}

export function flushBeforeQuit(app: QuittingApp, flush: () => Promise<void>, log: (err: unknown) => void = console.error): void {
  let state: 'running' | 'flushing' | 'flushed' = 'running';
  app.on('will-quit', (event) => {
    if (state === 'flushed') return;
    event.preventDefault();
    if (state === 'flushing') return;
    state = 'flushing';
    flush()
      .catch((err) => log(err))
      .finally(() => {
        state = 'flushed';
        app.quit();
      });
  });
}
