import { msg } from '../i18n';
import { useCallback, useEffect, useState } from 'react';
import type { Highlight, SourceDocument, SourceSummary, Tag } from '../../core/model';
import type { UndoStack } from '../../core/history/undo-stack';
import { CREDIBILITY_MEANING, RELIABILITY_MEANING, isCredibility, isReliability, type Credibility, type Reliability } from '../../core/statements/grading';
import type { Statement } from '../../core/statements/model';
import { CATEGORY_TAG_IDS, isCategoryTag } from '../../core/tags/default-codebook';
import { call } from '../api';
import type { TagsApi } from '../tags/use-tags';

export interface StatementEditing {
  highlightId: string;
  sourceId: string;
  quote: string;
  initial: Statement;
  isNew: boolean;
}

/**
 * Statements and grades in the renderer (issue 17): the statement dialog (key S), grading in two keystrokes (G, then
 * A–F for the open source or 1–6 for the selected passage), each change on the app's undo history.
 */
export function useStatements(options: {
  doc: SourceDocument | null;
  selectedId: string | null;
  byId: Map<string, Highlight>;
  tagsApi: TagsApi;
  undoStack: UndoStack;
  replaceHighlight(h: Highlight): void;
  onSourceChanged(summary: SourceSummary): void;
  report(err: unknown): void;
  notify(message: string): void;
}) {
  const { doc, selectedId, byId, tagsApi, undoStack, replaceHighlight, onSourceChanged, report, notify } = options;
  const [editing, setEditing] = useState<StatementEditing | null>(null);
  const [grading, setGrading] = useState(false);
  /** Bumps when statements change, so the statements view reloads. */
  const [version, setVersion] = useState(0);
  const bump = useCallback(() => setVersion((v) => v + 1), []);

  // People and organisations, not the category tags that hold them ("People", "Organisations").
  const speakers = tagsApi.tags.filter((t) => (t.kind === 'person' || t.kind === 'organisation') && !isCategoryTag(t));

  const openEditor = useCallback(
    (which: string | Highlight | null = selectedId) => {
      // A highlight just made is passed as it is: it may not be in this render's map yet.
      const h = typeof which === 'string' ? byId.get(which) : (which ?? undefined);
      if (!h || !doc || h.orphan) return false;
      setEditing({
        highlightId: h.id,
        sourceId: h.sourceId,
        quote: h.quote.exact,
        initial: h.statement ?? { speakerTagId: null, dateSaid: doc.meta.date, occasion: '', mode: /^[“"«]/.test(h.quote.exact.trim()) ? 'direct' : 'paraphrase' },
        isNew: !h.statement,
      });
      return true;
    },
    [selectedId, byId, doc],
  );

  const applyStatement = useCallback(
    async (sourceId: string, highlightId: string, statement: Statement | null) => {
      const r = await call('setStatement', { sourceId, highlightId, statement });
      replaceHighlight(r.highlight);
      bump();
      return r;
    },
    [replaceHighlight, bump],
  );

  const saveStatement = useCallback(
    async (statement: Statement | null, newSpeaker?: string) => {
      const e = editing;
      if (!e) return;
      setEditing(null);
      try {
        let next = statement;
        if (next && newSpeaker) {
          const tag = await tagsApi.create({ name: newSpeaker, kind: 'person', parentId: CATEGORY_TAG_IDS.people });
          if (!tag) return;
          next = { ...next, speakerTagId: tag.id };
        }
        const r = await applyStatement(e.sourceId, e.highlightId, next);
        const before = r.undo;
        undoStack.push({
          label: next ? msg('statements.markAsStatement') : msg('statements.notAStatement'),
          undo: async () => void (await applyStatement(e.sourceId, e.highlightId, before)),
          redo: async () => void (await applyStatement(e.sourceId, e.highlightId, next)),
        });
        notify(next ? msg('statements.savedTheStatement') : msg('statements.theHighlightIsNoLonger'));
      } catch (err) {
        report(err);
      }
    },
    [editing, tagsApi, applyStatement, undoStack, notify, report],
  );

  const applyCredibility = useCallback(
    async (sourceId: string, highlightId: string, credibility: Credibility | null) => {
      const r = await call('setCredibility', { sourceId, highlightId, credibility });
      replaceHighlight(r.highlight);
      bump();
      return r;
    },
    [replaceHighlight, bump],
  );

  const applyReliability = useCallback(
    async (sourceId: string, reliability: Reliability | null) => {
      const r = await call('setSourceReliability', { sourceId, reliability });
      onSourceChanged(r.source);
      bump();
      return r;
    },
    [onSourceChanged, bump],
  );

  const grade = useCallback(
    async (key: string): Promise<void> => {
      try {
        const letter = key.toUpperCase();
        if (isReliability(letter)) {
          if (!doc) return notify(msg('statements.openASourceToGrade'));
          const sourceId = doc.meta.id;
          const r = await applyReliability(sourceId, letter);
          undoStack.push({ label: msg('statements.gradeSource'), undo: async () => void (await applyReliability(sourceId, r.undo)), redo: async () => void (await applyReliability(sourceId, letter)) });
          return notify(msg('statements.sourceGraded', { letter, value: RELIABILITY_MEANING[letter] }));
        }
        const n = Number(key);
        if (isCredibility(n)) {
          const h = selectedId ? byId.get(selectedId) : undefined;
          if (!h) return notify(msg('statements.selectAHighlightToGrade2'));
          const r = await applyCredibility(h.sourceId, h.id, n);
          undoStack.push({ label: msg('statements.gradePassage'), undo: async () => void (await applyCredibility(h.sourceId, h.id, r.undo)), redo: async () => void (await applyCredibility(h.sourceId, h.id, n)) });
          return notify(msg('statements.passageGraded', { n, value: CREDIBILITY_MEANING[n] }));
        }
      } catch (err) {
        report(err);
      }
    },
    [doc, selectedId, byId, applyReliability, applyCredibility, undoStack, notify, report],
  );

  // G was pressed: the next key grades (A–F the source, 1–6 the passage); anything else cancels. Captured before
  // the app's own shortcuts, so 1–6 do not apply quick tags meanwhile.
  useEffect(() => {
    if (!grading) return;
    const onKey = (e: KeyboardEvent) => {
      if (['Shift', 'Control', 'Alt', 'Meta'].includes(e.key)) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      setGrading(false);
      if (e.key === 'Escape' || e.ctrlKey || e.metaKey || e.altKey) return;
      void grade(e.key);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [grading, grade]);

  return { editing, setEditing, openEditor, saveStatement, speakers: speakers as Tag[], grading, setGrading, grade, version, bump };
}

export type StatementsApi = ReturnType<typeof useStatements>;
