import { messageText, msg } from '../i18n';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Highlight, Tag, TagKind } from '../../core/model';
import type { ChannelInput } from '../../core/contract';
import type { DeleteTagUndo, TagCount, TagPassagesResult } from '../../core/tags/api';
import { tagSteps, type TagStep } from '../../core/tags/tag-delta';
import { quickTags, touchRecent } from '../../core/tags/match';
import { isCategoryTag } from '../../core/tags/default-codebook';
import { formatAccelerator } from '../../core/commands';
import { call, hearsChanges, isMac, onNotebookChanged } from '../api';
import { firstListShown } from '../shell/first-load';
import type { UndoStack } from '../../core/history/undo-stack';

export interface TagsOptions {
  report(err: unknown): void;
  /** A one-line message for the analyst (what changed, how to undo). */
  notify(message: string): void;
  /** The app's undo history (shared with highlights): Ctrl+Z undoes tag changes in order. */
  undoStack: UndoStack;
  /** The open source and its highlights as shown. */
  openSourceId: string | null;
  openHighlights: Highlight[];
  /** Put changed highlights of the open source into the view (others are ignored). */
  replaceHighlights(hs: Highlight[]): void;
  dropHighlight(sourceId: string, id: string): void;
  /** Highlights were made or removed in these sources (tag all mentions, its undo): their rows in the list follow. */
  sourcesChanged?(sourceIds: string[]): void;
}

/** Where the tag picker is open, and for what. */
export type PickerTarget =
  | { type: 'highlight'; highlightId: string }
  | { type: 'bulk'; highlightIds: string[]; mode: 'add' | 'remove' };

export interface PickerRequest {
  target: PickerTarget;
  /** Viewport point the popover opens at. */
  anchor: { x: number; y: number };
}

const undoHint = (): string => msg('tags.undoWith', { key: formatAccelerator('CmdOrCtrl+Z', isMac) });

/** What an edit of a tag may change (any subset). */
export interface TagEdit {
  name?: string;
  kind?: TagKind;
  color?: string;
  description?: string;
  aliases?: string[];
  /** false: the names match only as spelled (issue 18). */
  translit?: boolean;
}

/**
 * The codebook and every tagging operation, each saved at once and undoable. Holds the tags, their counts, the
 * pinned and recent tags behind the number keys, and the tag picker's state.
 */
export function useTags(options: TagsOptions) {
  const [tags, setTags] = useState<Tag[]>([]);
  const [counts, setCounts] = useState<Record<string, TagCount>>({});
  const [pinnedIds, setPinnedIds] = useState<string[]>([]);
  const [recentIds, setRecentIds] = useState<string[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [picker, setPicker] = useState<PickerRequest | null>(null);
  /** Bumped after every change (and undo) that may change suggestions or retrieval results. */
  const [version, setVersion] = useState(0);
  const opts = useRef(options);
  opts.current = options;
  const tagsRef = useRef(tags);
  tagsRef.current = tags;

  const report = useCallback((err: unknown) => opts.current.report(err), []);
  const bump = useCallback(() => setVersion((v) => v + 1), []);

  const refresh = useCallback(async () => {
    const list = await call('listTags');
    setTags(list.tags);
    setCounts(list.counts);
    // Counts still loading (the search index): ask again shortly, unless the window is told when it has loaded.
    if (list.countsPending && !hearsChanges()) setTimeout(() => setVersion((v) => v + 1), 1000);
  }, []);

  useEffect(() => {
    (async () => {
      // After the source list is on screen: the codebook's counts start the search index loading.
      await firstListShown();
      const [list, settings] = await Promise.all([call('listTags'), call('getSettings')]);
      setTags(list.tags);
      setCounts(list.counts);
      if (list.countsPending && !hearsChanges()) setTimeout(() => setVersion((v) => v + 1), 1000);
      setPinnedIds(settings.pinnedTagIds ?? []);
      setRecentIds(settings.recentTagIds ?? []);
      setLoaded(true);
    })().catch(report);
  }, [report]);

  // Counts follow the notebook: recounted shortly after the backend says a source or the catalog changed (from this
  // window or anywhere else: an import, a restore), and after an explicit bump. Without change events (a bare
  // browser harness) they follow the open source's highlights instead.
  const [changed, setChanged] = useState(0);
  const pushes = useMemo(hearsChanges, []);
  useEffect(() => (pushes ? onNotebookChanged(() => setChanged((n) => n + 1)) : undefined), [pushes]);
  const { openHighlights } = options;
  const trigger = pushes ? changed : openHighlights;
  useEffect(() => {
    if (!loaded) return;
    const timer = setTimeout(() => refresh().catch(report), 300);
    return () => clearTimeout(timer);
  }, [trigger, version, loaded, refresh, report]);

  const tagsById = useMemo(() => new Map(tags.map((t) => [t.id, t])), [tags]);
  // Categories (People, Places …) are folders of the codebook, not tags a highlight can carry.
  const quick = useMemo(() => quickTags(tags.filter((t) => !isCategoryTag(t)), { pinnedIds, recentIds }), [tags, pinnedIds, recentIds]);

  /** Changed highlights into the view, when they belong to the open source. */
  const show = useCallback((hs: Highlight[]) => {
    const open = opts.current.openSourceId;
    const mine = hs.filter((h) => h.sourceId === open);
    if (mine.length > 0) opts.current.replaceHighlights(mine);
  }, []);

  /** After a merge or delete (or their undo): the open source's highlights as saved. */
  const reloadOpen = useCallback(async () => {
    const id = opts.current.openSourceId;
    if (!id) return;
    const doc = await call('getSource', { id });
    const current = new Map(opts.current.openHighlights.map((h) => [h.id, h]));
    const changed = doc.highlights.filter((h) => {
      const c = current.get(h.id);
      return c && (c.tagIds.length !== h.tagIds.length || c.tagIds.some((t, i) => t !== h.tagIds[i]));
    });
    show(changed);
  }, [show]);

  const used = useCallback((ids: string[]) => {
    if (ids.length > 0) setRecentIds((r) => touchRecent(r, ids));
  }, []);

  const push = useCallback((label: string, undo: () => Promise<void>, redo: () => Promise<void>) => {
    opts.current.undoStack.push({
      label,
      undo: async () => {
        await undo();
        bump();
      },
      redo: async () => {
        await redo();
        bump();
      },
    });
    bump();
  }, [bump]);

  // ---------------------------------------------------------------------------------------------------------------
  // Codebook

  const create = useCallback(
    async (input: { name: string; kind: TagKind; parentId?: string | null; color?: string; aliases?: string[]; description?: string }): Promise<Tag | null> => {
      try {
        const r = await call('createTag', input);
        setTags(r.tags);
        let tag = r.tag;
        let deleted: DeleteTagUndo | null = null;
        push(
          msg('tags.newTag2'),
          async () => {
            const d = await call('deleteTag', { tagId: tag.id });
            deleted = d.undo;
            setTags(d.tags);
            await reloadOpen();
          },
          async () => {
            if (!deleted) return;
            const u = await call('undoDeleteTag', { undo: deleted });
            setTags(u.tags);
            tag = u.tags.find((t) => t.id === tag.id) ?? tag;
            await reloadOpen();
          },
        );
        return r.tag;
      } catch (err) {
        report(err);
        return null;
      }
    },
    [push, reloadOpen, report],
  );

  const update = useCallback(
    async (tagId: string, patch: TagEdit): Promise<boolean> => {
      const before = tagsRef.current.find((t) => t.id === tagId);
      if (!before) return false;
      try {
        const r = await call('updateTag', { tagId, ...patch });
        setTags(r.tags);
        const back: TagEdit = {};
        for (const k of Object.keys(patch) as Array<keyof TagEdit>) Object.assign(back, { [k]: k === 'aliases' ? [...before.aliases] : k === 'translit' ? before.translit !== false : before[k] });
        const label = patch.name !== undefined && patch.name !== before.name ? msg('tags.renameTag') : patch.color !== undefined ? msg('tags.recolourTag') : msg('tags.editTag2');
        push(
          label,
          async () => setTags((await call('updateTag', { tagId, ...back })).tags),
          async () => setTags((await call('updateTag', { tagId, ...patch })).tags),
        );
        return true;
      } catch (err) {
        report(err);
        return false;
      }
    },
    [push, report],
  );

  const move = useCallback(
    async (tagId: string, parentId: string | null) => {
      const before = tagsRef.current.find((t) => t.id === tagId);
      if (!before || before.parentId === parentId) return;
      try {
        const r = await call('moveTag', { tagId, parentId });
        setTags(r.tags);
        opts.current.notify(`${messageText(r)} ${undoHint()}`);
        push(
          msg('tags.moveTag'),
          async () => setTags((await call('moveTag', { tagId, parentId: before.parentId })).tags),
          async () => setTags((await call('moveTag', { tagId, parentId })).tags),
        );
      } catch (err) {
        report(err);
      }
    },
    [push, report],
  );

  const merge = useCallback(
    async (fromId: string, intoId: string) => {
      try {
        let r = await call('mergeTags', { fromId, intoId });
        setTags(r.tags);
        await reloadOpen();
        opts.current.notify(`${messageText(r)} ${undoHint()}`);
        push(
          msg('tags.mergeTags'),
          async () => {
            setTags((await call('undoMergeTag', { undo: r.undo })).tags);
            await reloadOpen();
          },
          async () => {
            r = await call('mergeTags', { fromId, intoId });
            setTags(r.tags);
            await reloadOpen();
          },
        );
      } catch (err) {
        report(err);
      }
    },
    [push, reloadOpen, report],
  );

  const remove = useCallback(
    async (tagId: string) => {
      try {
        let r = await call('deleteTag', { tagId });
        setTags(r.tags);
        setPinnedIds((p) => p.filter((id) => id !== tagId));
        await reloadOpen();
        opts.current.notify(`${messageText(r)} ${undoHint()}`);
        push(
          msg('tags.deleteTag2'),
          async () => {
            setTags((await call('undoDeleteTag', { undo: r.undo })).tags);
            setPinnedIds((await call('getSettings')).pinnedTagIds);
            await reloadOpen();
          },
          async () => {
            r = await call('deleteTag', { tagId });
            setTags(r.tags);
            await reloadOpen();
          },
        );
      } catch (err) {
        report(err);
      }
    },
    [push, reloadOpen, report],
  );

  const pin = useCallback(
    async (tagId: string, pinned: boolean) => {
      try {
        setPinnedIds((await call('pinTag', { tagId, pinned })).pinnedTagIds);
      } catch (err) {
        report(err);
      }
    },
    [report],
  );

  // ---------------------------------------------------------------------------------------------------------------
  // Tagging highlights

  const current = useCallback((id: string): Highlight | undefined => opts.current.openHighlights.find((h) => h.id === id), []);

  /** Sends the steps in order; the highlights as they are after the last one (each once). */
  const replay = useCallback(async (steps: TagStep[]): Promise<Highlight[]> => {
    const after = new Map<string, Highlight>();
    for (const s of steps) {
      const r = await call('bulkTag', s.op === 'add' ? { highlights: s.highlights, add: s.tagId } : { highlights: s.highlights, remove: s.tagId });
      for (const c of r.changed) after.set(`${c.highlight.sourceId}\u0000${c.highlight.id}`, c.highlight);
    }
    return [...after.values()];
  }, []);

  /** Adds the tag, or removes it when the highlight has it already (number keys and the picker toggle). */
  /**
   * One tag on or off one highlight. Sent as that one change (add or remove), which the backend applies to the
   * highlight as it is then: a second key pressed before the first answer came back never undoes the first one.
   */
  const toggle = useCallback(
    async (highlightId: string, tagId: string) => {
      const h = current(highlightId);
      if (!h) return;
      const ref = { sourceId: h.sourceId, highlightId: h.id };
      const adding = !h.tagIds.includes(tagId);
      const change = (add: boolean) => call('bulkTag', add ? { highlights: [ref], add: tagId } : { highlights: [ref], remove: tagId });
      try {
        const r = await change(adding);
        show(r.changed.map((c) => c.highlight));
        if (r.changed.length === 0) return;
        if (adding) used([tagId]);
        push(
          msg('tags.tagHighlight'),
          async () => show((await change(!adding)).changed.map((c) => c.highlight)),
          async () => show((await change(adding)).changed.map((c) => c.highlight)),
        );
      } catch (err) {
        report(err);
      }
    },
    [current, show, used, push, report],
  );

  const bulk = useCallback(
    async (highlightIds: string[], mode: 'add' | 'remove', tagId: string) => {
      const refs = highlightIds.map((id) => current(id)).filter((h): h is Highlight => Boolean(h)).map((h) => ({ sourceId: h.sourceId, highlightId: h.id }));
      if (refs.length === 0) return;
      const input = mode === 'add' ? { highlights: refs, add: tagId } : { highlights: refs, remove: tagId };
      try {
        let r = await call('bulkTag', input);
        show(r.changed.map((c) => c.highlight));
        if (mode === 'add') used([tagId]);
        opts.current.notify(`${messageText(r)} ${undoHint()}`);
        push(
          mode === 'add' ? msg('tags.addTag') : msg('tags.removeTag2'),
          async () => show(await replay(tagSteps(r.changed, 'undo'))),
          async () => {
            r = await call('bulkTag', input);
            show(r.changed.map((c) => c.highlight));
          },
        );
      } catch (err) {
        report(err);
      }
    },
    [current, push, replay, report, show, used],
  );

  /** Accepted suggestions and reviewed mentions: new highlights (and tags), undone as one step. */
  const passagesTagged = useCallback(
    (first: TagPassagesResult, label: string) => {
      let result = first;
      const touched = () => {
        const ids = [...new Set(result.created.map((h) => h.sourceId))];
        if (ids.length) opts.current.sourcesChanged?.(ids);
      };
      touched();
      setTags(result.tags);
      show([...result.created, ...result.updated.map((u) => u.highlight)]);
      used([...new Set([...result.created, ...result.updated.map((u) => u.highlight)].flatMap((h) => h.tagIds))].slice(0, 3));
      opts.current.notify(
        result.createdTags.length > 0 ? msg('tags.newTag3', { summary: messageText(result), count: result.createdTags.length, join: result.createdTags.map((t) => t.name).join(', ') }) : messageText(result),
      );
      let deletedHighlights: Highlight[] = [];
      let deletedTags: Array<DeleteTagUndo> = [];
      push(
        label,
        async () => {
          deletedHighlights = [];
          for (const h of result.created) {
            const { deleted } = await call('deleteHighlight', { sourceId: h.sourceId, highlightId: h.id });
            deletedHighlights.push(deleted);
            if (h.sourceId === opts.current.openSourceId) opts.current.dropHighlight(h.sourceId, h.id);
          }
          touched();
          show(await replay(tagSteps(result.updated, 'undo')));
          deletedTags = [];
          for (const t of [...result.createdTags].reverse()) {
            const d = await call('deleteTag', { tagId: t.id });
            deletedTags.push(d.undo);
            setTags(d.tags);
          }
        },
        async () => {
          for (const undo of [...deletedTags].reverse()) setTags((await call('undoDeleteTag', { undo })).tags);
          const created: Highlight[] = [];
          for (const h of deletedHighlights) created.push(await call('restoreHighlight', { highlight: h }));
          const updated = await replay(tagSteps(result.updated, 'redo'));
          result = { ...result, created };
          show([...created, ...updated]);
          touched();
        },
      );
    },
    [push, replay, show, used],
  );

  const acceptSuggestions = useCallback(
    async (sourceId: string, suggestions: ChannelInput<'acceptSuggestions'>['suggestions']) => {
      try {
        passagesTagged(await call('acceptSuggestions', { sourceId, suggestions }), suggestions.length === 1 ? msg('tags.acceptSuggestion') : msg('tags.acceptSuggestions'));
        return true;
      } catch (err) {
        report(err);
        return false;
      }
    },
    [passagesTagged, report],
  );

  const tagPassages = useCallback(
    async (tagId: string, passages: Array<{ sourceId: string; start: number; end: number }>) => {
      try {
        passagesTagged(await call('tagPassages', { tagId, passages }), msg('tags.tagMentions'));
        return true;
      } catch (err) {
        report(err);
        return false;
      }
    },
    [passagesTagged, report],
  );

  const reject = useCallback(
    async (sourceId: string, what: { key: string } | { entityKey: string }) => {
      try {
        await call('rejectSuggestion', { sourceId, ...what });
        push(
          msg('tags.rejectSuggestion'),
          async () => void (await call('unrejectSuggestion', { sourceId, ...what })),
          async () => void (await call('rejectSuggestion', { sourceId, ...what })),
        );
      } catch (err) {
        report(err);
      }
    },
    [push, report],
  );

  return {
    tags,
    tagsById,
    counts,
    pinnedIds,
    recentIds,
    quick,
    loaded,
    version,
    refresh,
    create,
    update,
    move,
    merge,
    remove,
    pin,
    toggle,
    bulk,
    acceptSuggestions,
    tagPassages,
    reject,
    picker,
    openPicker: setPicker as (request: PickerRequest | null) => void,
    closePicker: useCallback(() => setPicker(null), []),
  };
}

export type TagsApi = ReturnType<typeof useTags>;
