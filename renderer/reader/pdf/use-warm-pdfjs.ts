import { useEffect } from 'react';
import type { ListedSourceMeta } from '../../../core/model';
import { warmPdfJs } from './load-pdf';

let warmed = false;

/**
 * When the notebook holds a PDF, pdf.js and its worker load in idle time after start-up, once per session: the first
 * page view then waits only for its own file.
 */
export function useWarmPdfJs(sources: readonly Pick<ListedSourceMeta, 'kind'>[]): void {
  useEffect(() => {
    if (warmed || !sources.some((s) => s.kind === 'pdf')) return;
    const idle = requestIdleCallback(
      () => {
        warmed = true;
        warmPdfJs();
      },
      { timeout: 3000 },
    );
    return () => cancelIdleCallback(idle);
  }, [sources]);
}
