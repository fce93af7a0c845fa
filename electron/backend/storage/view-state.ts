import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Settings } from '../../../core/model';
import { viewStateSchema, type ViewState } from '../../../core/schemas';
import { stableFileJson } from '../../../core/stable-json';
import { writeFileAtomic } from '../atomic-write';
import { FileCell } from './file-cell';

export const VIEW_FILE = 'view.json';

/** The view state a catalog's settings held before `view.json` existed (and what a lost `view.json` falls back to). */
export function viewFromSettings(settings: Settings): ViewState {
  return {
    lastSourceId: settings.lastSourceId ?? null,
    window: settings.window ?? null,
    readingPositions: { ...(settings.readingPositions ?? {}) },
    recentTagIds: [...(settings.recentTagIds ?? [])],
  };
}

/**
 * `view.json` beside the catalog: where the window was and the tags used last (core/schemas.ts `viewStateSchema`).
 * Written atomically, changes grouped and acknowledged once on disk like every notebook file (FileCell). It is not
 * part of backups or syncing: it says where this window was, not what the notebook holds. A damaged file is
 * ignored (the catalog's older values stand in) and rewritten at the next change; a missing one is made then.
 */
export class ViewStateFile {
  private constructor(private readonly cell: FileCell<ViewState>) {}

  static async open(dataDir: string, fallback: Settings): Promise<ViewStateFile> {
    const path = join(dataDir, VIEW_FILE);
    let initial = viewFromSettings(fallback);
    const raw = await readFile(path, 'utf8').catch(() => null);
    if (raw !== null) {
      try {
        initial = viewStateSchema.parse(JSON.parse(raw));
      } catch {
        // Damaged or of the wrong shape: the catalog's values stand in, and the next change rewrites the file whole.
      }
    }
    return new ViewStateFile(new FileCell(initial, (data) => writeFileAtomic(path, stableFileJson(data as unknown as Record<string, unknown>))));
  }

  get data(): ViewState {
    return this.cell.data;
  }

  /** Resolves once the changed state is on disk; `change` returns the next state (a new object). */
  change(change: (current: ViewState) => ViewState): Promise<void> {
    return this.cell.change((current) => ({ next: change(current), result: undefined }));
  }

  flush(): Promise<void> {
    return this.cell.flush();
  }
}
