import type { SourceMeta } from '../../../core/model';

/** Which view of a PDF source the reader shows; the last choice is kept for the next PDF opened. */
export type ReaderView = 'text' | 'page';

const KEY = 'reader-pdf-view';

/** A source has a page view when it came from a PDF whose file the notebook kept. */
export function hasPageView(meta: Pick<SourceMeta, 'kind' | 'original' | 'pageStarts'>): boolean {
  return meta.kind === 'pdf' && Boolean(meta.original) && (meta.pageStarts?.length ?? 0) > 0;
}

export function preferredView(): ReaderView {
  try {
    return localStorage.getItem(KEY) === 'page' ? 'page' : 'text';
  } catch {
    return 'text';
  }
}

export function rememberView(view: ReaderView): void {
  try {
    localStorage.setItem(KEY, view);
  } catch {
    // Storage refused (private mode): the choice lasts for this session's reader only.
  }
}
