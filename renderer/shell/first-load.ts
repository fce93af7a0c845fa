import type { Settings, SourceDocument, SourceSummary } from '../../core/model';
import { call } from '../api';

type FirstLoad = Promise<[SourceSummary[], Settings]>;
/** The source open when the app last closed, asked for as soon as the settings name it (see takeFirstSource). */
let firstSource: { id: string; doc: Promise<SourceDocument> } | null = null;
const load = (): FirstLoad =>
  Promise.all([
    call('listSources'),
    call('getSettings').then((s) => {
      if (s.lastSourceId) {
        const doc = call('getSource', { id: s.lastSourceId });
        // Gone since (deleted): the app opens the list's first source and reports nothing.
        doc.catch(() => {});
        firstSource = { id: s.lastSourceId, doc };
      }
      return s;
    }),
  ]);
let pending: FirstLoad | null = null;

/**
 * The source asked for with the settings, once, if it is `id`: it was on its way while the source list (the long
 * answer in a large notebook) was read and painted, so the reader shows it one render after the list, not one round
 * trip after. Null when another source is asked for first (or it was taken).
 */
export function takeFirstSource(id: string): Promise<SourceDocument> | null {
  const f = firstSource;
  firstSource = null;
  return f && f.id === id ? f.doc : null;
}

/**
 * The source list and the settings, asked for at the same moment as the start-up state (before React mounts), so
 * that the list paints one round trip after the page loads instead of two in a row. A notebook that failed to open
 * answers them with an error, which nobody reads: the start-up failure screen shows instead of the app.
 */
export function startFirstLoad(): void {
  const started = load();
  pending = started;
  // Refused (the notebook did not open, or not yet): whoever takes it later asks again, once the notebook is open.
  started.catch(() => {
    if (pending === started) pending = null;
  });
}

/** The settings of the load under way, without taking it (the window's language is chosen before the app shows). */
export function firstLoadSettings(): Promise<Settings | null> {
  return pending ? pending.then(([, settings]) => settings, () => null) : Promise.resolve(null);
}

/** The answers started by startFirstLoad, once; later callers (a remount, a reopened notebook) ask again. */
export function takeFirstLoad(): FirstLoad {
  const p = pending ?? load();
  pending = null;
  return p;
}

let listPainted = false;

/**
 * Marks the first time the source list has rows on screen ("nb-list-painted", in the frame that draws them, after
 * the rows were committed to the page): the scale benchmark reads it, as the reader's benchmark reads "nb-painted".
 */
export function markListPainted(rows: number): void {
  if (listPainted || rows === 0) return;
  listPainted = true;
  requestAnimationFrame(() => performance.mark('nb-list-painted', { detail: rows }));
}

let shown: () => void = () => {};
const listShown = new Promise<void>((resolve) => (shown = resolve));

/** The source list has arrived and the frame that draws it has run (called by the app; empty lists included). */
export function firstListArrived(): void {
  requestAnimationFrame(() => setTimeout(shown));
}

/**
 * Resolves once the first source list is on screen: what the window asks for next (the codebook's counts, which
 * start the search index loading) waits for it, so that nothing competes with the list.
 */
export function firstListShown(): Promise<void> {
  return listShown;
}
