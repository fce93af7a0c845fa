import { visibleHighlights } from '../../core/agreement/blind';
import { SerialQueue } from './serial-queue';
import { randomBytes } from 'node:crypto';
import { newHighlight } from './highlights';
import { readingOrder } from '../../core/lanes';
import type { Highlight, SourceSummary, Tag } from '../../core/model';
import type {
  AcceptStatementsResult,
  GroupKeysResult,
  RelatedStatements,
  SetCredibilityResult,
  SetReliabilityResult,
  SetStatementResult,
  StatementSuggestResult,
  StatementsList,
} from '../../core/statements/api';
import type { Credibility, Reliability } from '../../core/statements/grading';
import { StatementIndex, type IndexedSource } from '../../core/statements/index-rows';
import type { Statement } from '../../core/statements/model';
import type { AcceptedStatementSuggestion } from '../../core/statements/schemas';
import { CodebookError, createTag, nameKey } from '../../core/tags/codebook';
import { defaultParentId } from '../../core/tags/default-codebook';
import { NotebookError } from './errors';
import type { NotebookStore, SourceFile } from './store';
import type { MessageKey } from '../../core/i18n/catalog';
import { sentence } from '../../core/i18n/message-text';

type Attribution = typeof import('../../core/statements/attribution');
/** Loaded on first use: it pulls in the entity suggester's lexicon (~0.4 s). */
let attributionModule: Promise<Attribution> | null = null;
const attribution = () => (attributionModule ??= import('../../core/statements/attribution'));

const SPEAKER_KINDS = new Set(['person', 'organisation']);

/**
 * Statements and grades (issue 17). A statement and a credibility grade live on the highlight (one write of its
 * source file); a reliability grade on the source's catalog entry. Every change returns what undoes it.
 * The statements list keeps one grouping index and updates it by difference, so a new statement is grouped without
 * recomputing the others.
 */
export class StatementOps {
  private readonly index = new StatementIndex();
  private readonly queue = new SerialQueue();

  constructor(
    private readonly store: NotebookStore,
    private readonly summaries: (ids: string[]) => Promise<SourceSummary[]>,
  ) {}

  async setStatement(sourceId: string, highlightId: string, statement: Statement | null): Promise<SetStatementResult> {
    this.store.sourceMeta(sourceId);
    if (statement?.speakerTagId) this.assertSpeaker(statement.speakerTagId);
    return this.store.changeSource(sourceId, (file) => {
      const h = find(file, highlightId);
      const undo = h.statement ?? null;
      const next: Highlight = { ...h, modifiedAt: new Date().toISOString() };
      if (statement) next.statement = clean(statement);
      else delete next.statement;
      return { next: replace(file, next), result: { highlight: next, undo } };
    });
  }

  async setCredibility(sourceId: string, highlightId: string, credibility: Credibility | null): Promise<SetCredibilityResult> {
    this.store.sourceMeta(sourceId);
    return this.store.changeSource(sourceId, (file) => {
      const h = find(file, highlightId);
      const undo = h.credibility ?? null;
      const next: Highlight = { ...h, modifiedAt: new Date().toISOString() };
      if (credibility) next.credibility = credibility;
      else delete next.credibility;
      return { next: replace(file, next), result: { highlight: next, undo } };
    });
  }

  async setReliability(sourceId: string, reliability: Reliability | null): Promise<SetReliabilityResult> {
    const meta = this.store.sourceMeta(sourceId);
    if (this.store.readOnly) throw new NotebookError(sentence('backend.readOnly.grades', { reason: this.store.whyReadOnly ?? '' }), 'read-only');
    const undo = meta.reliability ?? null;
    await this.store.updateCatalog((c) => {
      c.sources = c.sources.map((s) => {
        if (s.id !== sourceId) return s;
        const next = { ...s };
        if (reliability) next.reliability = reliability;
        else delete next.reliability;
        return next;
      });
    });
    const [source] = await this.summaries([sourceId]);
    return { source, undo };
  }

  async suggest(sourceId: string): Promise<StatementSuggestResult> {
    const meta = this.store.sourceMeta(sourceId);
    const mod = await attribution();
    const file = await this.store.readSource(sourceId);
    const rejected = new Set(file.rejectedStatements ?? []);
    const statements = file.highlights.filter((h) => h.statement && !h.orphan);
    const found = mod.suggestAttributions(file.text, meta.date, { furniture: meta.furniture });
    const suggestions = found
      .filter((s) => !rejected.has(s.key) && !statements.some((h) => h.start < s.end && s.start < h.end))
      .map((s) => {
        const tag = this.speakerTag(s.speakerName);
        return tag ? { ...s, speakerTagId: tag.id } : s;
      });
    return { sourceId, suggestions, rejected: rejected.size };
  }

  async reject(sourceId: string, key: string, rejected: boolean): Promise<{ rejected: string[] }> {
    this.store.sourceMeta(sourceId);
    return this.store.changeSource(sourceId, (file) => {
      const before = file.rejectedStatements ?? [];
      const without = before.filter((k) => k !== key);
      const after = rejected ? [...without, key] : without;
      return { next: { ...file, rejectedStatements: after }, result: { rejected: after } };
    });
  }

  /**
   * Accepting makes each suggestion a statement: over an existing highlight of exactly that range, or a new one;
   * a speaker without a tag gets one (a person or an organisation in its category). The text must be unchanged.
   */
  accept(sourceId: string, suggestions: AcceptedStatementSuggestion[]): Promise<AcceptStatementsResult> {
    return this.queue.run(async () => {
      this.store.sourceMeta(sourceId);
      const text = (await this.store.readSource(sourceId)).text;
      for (const s of suggestions) {
        if (s.start >= s.end || s.end > text.length || !text.slice(s.start, s.end).trim()) {
          throw new NotebookError(sentence('backend.statements.passageGone', { start: s.start, end: s.end }));
        }
        if (s.speakerTagId) this.assertSpeaker(s.speakerTagId);
      }
      let tags = this.store.catalog.tags;
      const createdTags: Tag[] = [];
      const now = new Date().toISOString();
      const speakerIds = suggestions.map((s) => {
        if (s.speakerTagId) return s.speakerTagId;
        const known = this.speakerTag(s.speakerName, tags);
        if (known) return known.id;
        try {
          const made = createTag(tags, { id: `tag-${randomBytes(6).toString('hex')}`, name: s.speakerName, kind: s.speakerKind, parentId: defaultParentId(tags, s.speakerKind), createdAt: now });
          tags = made.tags;
          createdTags.push(made.tag);
          return made.tag.id;
        } catch (err) {
          if (err instanceof CodebookError) throw new NotebookError(err.text);
          throw err;
        }
      });
      if (createdTags.length) {
        const next = tags;
        await this.store.updateCatalog((c) => {
          c.tags = next;
        });
      }
      const result = await this.store.changeSource(sourceId, (file) => {
        let highlights = file.highlights;
        const touched: Highlight[] = [];
        const createdIds: string[] = [];
        suggestions.forEach((s, i) => {
          const statement: Statement = { speakerTagId: speakerIds[i], dateSaid: s.dateSaid, occasion: s.occasion ?? '', mode: s.mode };
          const same = highlights.find((h) => h.start === s.start && h.end === s.end && !h.orphan);
          if (same) {
            const next = { ...same, statement, modifiedAt: now };
            highlights = highlights.map((h) => (h.id === same.id ? next : h));
            touched.push(next);
            return;
          }
          const h: Highlight = { ...newHighlight(file.text, sourceId, s.start, s.end, [], now), statement };
          highlights = [...highlights, h];
          touched.push(h);
          createdIds.push(h.id);
        });
        return { next: { ...file, highlights: [...highlights].sort(readingOrder) }, result: { highlights: touched, createdIds } };
      });
      return { ...result, createdTags, tags: this.store.catalog.tags };
    });
  }

  /** Every statement of the notebook with its group; the grouping index follows by difference. */
  async list(): Promise<StatementsList> {
    return this.queue.run(async () => {
      const tagsById = new Map(this.store.catalog.tags.map((t) => [t.id, t]));
      const sources: IndexedSource[] = [];
      // Blind coding (issue 19): statements the analyst may not see yet are not listed.
      const coding = this.store.catalog.coding;
      const viewer = this.store.catalog.settings.analystName;
      for await (const { meta, file } of this.store.sourceFiles()) sources.push({ meta, highlights: visibleHighlights(file.highlights, coding, viewer, meta.id) });
      return this.index.update(sources, tagsById);
    });
  }

  async related(sourceId: string, highlightId: string): Promise<RelatedStatements> {
    await this.list();
    return { related: this.index.related(sourceId, highlightId) };
  }

  /** One hand-chosen group for these statements (the key of one already chosen, else a new one). */
  async merge(refs: Array<{ sourceId: string; highlightId: string }>): Promise<GroupKeysResult> {
    const existing = await this.keysOf(refs);
    const speakers = new Set(existing.map((e) => e.speaker));
    if (speakers.size > 1) throw new NotebookError(sentence('backend.statements.mixedSpeakers'));
    const key = existing.find((e) => e.groupKey?.startsWith('k-'))?.groupKey ?? `k-${randomBytes(6).toString('hex')}`;
    return this.setKeys(refs.map((r) => ({ ...r, groupKey: key })));
  }

  /** Each of these statements stands alone from now on. */
  async split(refs: Array<{ sourceId: string; highlightId: string }>): Promise<GroupKeysResult> {
    await this.keysOf(refs);
    return this.setKeys(refs.map((r) => ({ ...r, groupKey: `solo-${r.highlightId}` })));
  }

  restoreKeys(keys: Array<{ sourceId: string; highlightId: string; groupKey: string | null }>): Promise<GroupKeysResult> {
    return this.setKeys(keys);
  }

  private async keysOf(refs: Array<{ sourceId: string; highlightId: string }>) {
    const out: Array<{ speaker: string | null; groupKey: string | undefined }> = [];
    for (const r of refs) {
      this.store.sourceMeta(r.sourceId);
      const h = find(await this.store.readSource(r.sourceId), r.highlightId);
      if (!h.statement) throw new NotebookError(sentence('backend.statements.notStatement'));
      out.push({ speaker: h.statement.speakerTagId, groupKey: h.statement.groupKey });
    }
    return out;
  }

  private async setKeys(keys: Array<{ sourceId: string; highlightId: string; groupKey: string | null }>): Promise<GroupKeysResult> {
    const bySource = new Map<string, typeof keys>();
    for (const k of keys) {
      this.store.sourceMeta(k.sourceId);
      bySource.set(k.sourceId, [...(bySource.get(k.sourceId) ?? []), k]);
    }
    const undo: GroupKeysResult['undo'] = [];
    for (const [sourceId, list] of bySource) {
      const part = await this.store.changeSource(sourceId, (file) => {
        const wanted = new Map(list.map((k) => [k.highlightId, k.groupKey]));
        const done: GroupKeysResult['undo'] = [];
        const highlights = file.highlights.map((h) => {
          if (!wanted.has(h.id) || !h.statement) return h;
          done.push({ sourceId, highlightId: h.id, groupKey: h.statement.groupKey ?? null });
          const statement = { ...h.statement };
          const key = wanted.get(h.id);
          if (key) statement.groupKey = key;
          else delete statement.groupKey;
          return { ...h, statement };
        });
        return { next: { ...file, highlights }, result: done };
      });
      undo.push(...part);
    }
    return { undo };
  }

  private speakerTag(name: string, tags: readonly Tag[] = this.store.catalog.tags): Tag | undefined {
    const key = nameKey(name);
    return tags.find((t) => SPEAKER_KINDS.has(t.kind) && (nameKey(t.name) === key || t.aliases.some((a) => nameKey(a) === key)));
  }

  private assertSpeaker(tagId: string): void {
    const tag = this.store.catalog.tags.find((t) => t.id === tagId);
    if (!tag) throw new NotebookError(sentence('backend.tag.notInCodebook', { id: tagId.slice(0, 80) }));
    if (!SPEAKER_KINDS.has(tag.kind)) throw new NotebookError(sentence('backend.statements.notSpeaker', { name: tag.name, kind: sentence(`backend.codebook.kindName.${tag.kind}` as MessageKey) }));
  }


}

function clean(s: Statement): Statement {
  const out: Statement = { speakerTagId: s.speakerTagId, dateSaid: s.dateSaid, occasion: s.occasion.trim(), mode: s.mode };
  if (s.groupKey) out.groupKey = s.groupKey;
  return out;
}

function find(file: SourceFile, highlightId: string): Highlight {
  const found = file.highlights.find((h) => h.id === highlightId);
  if (!found) throw new NotebookError(sentence('backend.highlight.notFound', { id: highlightId }), 'not-found');
  return found;
}

function replace(file: SourceFile, next: Highlight): SourceFile {
  return { ...file, highlights: file.highlights.map((h) => (h.id === next.id ? next : h)) };
}
