import type { Settings, SourceSummary } from '../../core/model';
import { call } from '../api';

type FirstLoad = Promise<[SourceSummary[], Settings]>;
const load = (): FirstLoad => Promise.all([call('listSources'), call('getSettings')]);
let pending: FirstLoad | null = null;

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
