import { msg } from '../i18n';
import { Component, useEffect, useState, type ErrorInfo, type ReactNode } from 'react';
import type { StartupState } from '../../core/contract';
import { call } from '../api';
import { App } from '../App';
import { firstLoadSettings, startFirstLoad } from './first-load';
import { currentLanguage, onInterfaceLanguage, setInterfaceLanguage } from '../i18n';
import { interfaceLanguage } from '../../core/i18n/catalog';
import { StartupFailure } from './StartupFailure';

/**
 * What the window shows first: the notebook, or the start-up failure screen when the backend could not open it
 * (startupState) or when the window's first showing of it throws (StartupBoundary).
 */
export function StartupRoot() {
  const [state, setState] = useState<StartupState | null>(null);
  const [lang, setLang] = useState(currentLanguage);
  useEffect(() => onInterfaceLanguage(setLang), []);
  useEffect(() => {
    // The list and the settings travel right behind the start-up state, not one round trip after it.
    const started = call('startupState');
    startFirstLoad();
    const settings = firstLoadSettings();
    started.then(
      // The window shows the notebook in its interface language from the first frame.
      async (s) => {
        if (!s.failed) setInterfaceLanguage(interfaceLanguage((await settings)?.interfaceLanguage));
        setState(s);
      },
      (e: Error) => setState({ failed: true, message: e.message, dataDir: '', canOpenReadOnly: false }),
    );
  }, []);
  if (!state) return null;
  if (state.failed) return <StartupFailure failure={state} />;
  return (
    <StartupBoundary>
      {/* A switch of interface language shows the app again, so that every view reads its strings anew at once. */}
      <App key={lang} />
    </StartupBoundary>
  );
}

class StartupBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error): { error: Error } {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('The notebook window failed to show the notebook:', error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <StartupFailure
        failure={{ failed: true, message: msg('shell.theWindowFailedToShow', { value: error.message || String(error) }), dataDir: '', canOpenReadOnly: false }}
      />
    );
  }
}
