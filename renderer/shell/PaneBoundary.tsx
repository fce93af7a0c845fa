import { msg } from '../i18n';
import type { MessageKey } from '../../core/i18n/catalog';
import { Component, type ErrorInfo, type ReactNode } from 'react';

const PANE_NAMES: Record<string, MessageKey> = { Sources: 'shell.pane.sources', Codebook: 'shell.pane.codebook', Reader: 'shell.pane.reader', Highlights: 'shell.pane.highlights', Notes: 'shell.pane.notes' };
/** The pane's name in the interface language (the prop is its English name, which the test harness also uses). */
const paneName = (pane: string): string => (PANE_NAMES[pane] ? msg(PANE_NAMES[pane]) : pane);

interface Props {
  /** The pane's name, as the analyst knows it ("Codebook", "Notes"). */
  pane: string;
  children: ReactNode;
  /** Offered with the message: opens File > Backups… (kept working whatever a pane does). */
  onOpenBackups?: () => void;
  /** Changes of this key give the pane another try (e.g. the open source's id). */
  resetKey?: unknown;
}

interface State {
  error: Error | null;
  key: unknown;
}

/**
 * A render error never blanks the app (issue 11): the pane that failed says what failed and offers a retry and the
 * backups; the other panes go on working.
 */
export class PaneBoundary extends Component<Props, State> {
  override state: State = { error: null, key: undefined };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    if (props.resetKey !== state.key) return { key: props.resetKey, error: null };
    return null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`The ${this.props.pane} pane failed to show:`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) {
      return (
        <>
          <FailureProbe pane={this.props.pane} />
          {this.props.children}
        </>
      );
    }
    return (
      <section className="pane pane-failed" role="alert" aria-label={msg('shell.paneFailed', { pane: paneName(this.props.pane) })}>
        <h2>{msg('shell.thePaneCouldNotBe', { pane: paneName(this.props.pane) })}</h2>
        <p>
          {error.message || String(error)}{msg('shell.nothingInYourNotebookWas')}
        </p>
        <div className="pane-failed-actions">
          <button type="button" onClick={() => this.setState({ error: null })}>
            
            {msg('shell.tryAgain')}
          </button>
          {this.props.onOpenBackups && (
            <button type="button" onClick={this.props.onOpenBackups}>
              
              {msg('shell.backups')}
            </button>
          )}
        </div>
      </section>
    );
  }
}

/**
 * The end-to-end harness's way to make one pane's rendering fail (tests/e2e/pane-boundary.spec.ts): it defines
 * `window.__notebookFailPane` before the page loads. Nothing in the app defines it, and the Electron window's page
 * cannot be given globals from outside (context isolation), so in the app this renders nothing, always.
 */
function FailureProbe({ pane }: { pane: string }): null {
  const failing = (window as unknown as { __notebookFailPane?: unknown }).__notebookFailPane;
  if (failing === pane) throw new Error(msg('shell.theTestHarnessMadeThe', { pane }));
  return null;
}
