/**
 * Blind double-coding, agreement and adjudication over the store (issue 19). The statistics are core's
 * (core/agreement); here: the coding setup in the catalog, reading the coders' highlights, and the merged reading.
 */
import { ADJUDICATED, EMPTY_CODING, unsubmitted, type CodingSetup } from '../../core/agreement/blind';
import { compareCoders, disagreementKey, type CodedSource } from '../../core/agreement/compare';
import type { AdjudicateResult, AgreementResult, CodingState, Decision, ListedDisagreement } from '../../core/agreement/api';
import type { ChannelInput } from '../../core/contract';
import type { Highlight } from '../../core/model';
import { readingOrder } from '../../core/lanes';
import { newHighlight } from './highlights';
import { NotebookError } from './errors';
import type { NotebookStore } from './store';
import { asIs, sentence, type MessageText } from '../../core/i18n/message-text';

const cut = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export class AgreementOps {
  constructor(private readonly store: NotebookStore) {}

  get setup(): CodingSetup {
    return this.store.catalog.coding ?? EMPTY_CODING;
  }

  private get analyst(): string | undefined {
    return this.store.catalog.settings.analystName;
  }

  state(): CodingState {
    const names = new Set<string>(this.store.catalog.settings.analysts ?? []);
    for (const a of this.setup.assignments) names.add(a.coder);
    if (this.analyst) names.add(this.analyst);
    return { setup: this.setup, analyst: this.analyst ?? null, coders: [...names].sort((a, b) => a.localeCompare(b)) };
  }

  async setCoding(input: ChannelInput<'setCoding'>): Promise<CodingState> {
    const known = new Set(this.store.catalog.sources.map((s) => s.id));
    const tags = new Set(this.store.catalog.tags.map((t) => t.id));
    for (const a of input.assignments) {
      const missing = a.sourceIds.find((id) => !known.has(id));
      if (missing) throw new NotebookError(sentence('backend.agreement.sourceGone', { id: missing, coder: a.coder }), 'not-found');
      const unknownTag = a.tagIds.find((id) => !tags.has(id));
      if (unknownTag) throw new NotebookError(sentence('backend.agreement.tagGone', { id: unknownTag, coder: a.coder }), 'not-found');
      if (a.coder.toLowerCase() === ADJUDICATED.toLowerCase()) throw new NotebookError(sentence('backend.agreement.reservedName', { name: ADJUDICATED }));
    }
    const before = this.setup.assignments;
    const same = (x: string[], y: string[]) => x.length === y.length && x.every((v, i) => v === y[i]);
    const assignments = input.assignments.map((a) => {
      const was = before.find((b) => b.coder === a.coder && same(b.sourceIds, a.sourceIds) && same(b.tagIds, a.tagIds));
      return { coder: a.coder, sourceIds: [...a.sourceIds], tagIds: [...a.tagIds], ...(was?.submittedAt ? { submittedAt: was.submittedAt } : {}) };
    });
    await this.store.updateCatalog((c) => {
      c.coding = { blind: input.blind, assignments };
    });
    return this.state();
  }

  async submit(): Promise<CodingState> {
    const me = this.analyst;
    if (!me) throw new NotebookError(sentence('backend.agreement.nameFirst'));
    if (!this.setup.assignments.some((a) => a.coder === me)) throw new NotebookError(sentence('backend.agreement.nothingAssigned', { coder: me }));
    const now = new Date().toISOString();
    await this.store.updateCatalog((c) => {
      const setup = c.coding ?? EMPTY_CODING;
      c.coding = { ...setup, assignments: setup.assignments.map((a) => (a.coder === me && !a.submittedAt ? { ...a, submittedAt: now } : a)) };
    });
    return this.state();
  }

  /** The sources to compare: those asked, else those assigned to every chosen coder, else every source. */
  private sourcesFor(coders: readonly string[], asked?: readonly string[]): string[] {
    const all = this.store.catalog.sources.map((s) => s.id);
    if (asked) {
      const known = new Set(all);
      const missing = asked.find((id) => !known.has(id));
      if (missing) throw new NotebookError(sentence('backend.source.notFound', { id: missing }), 'not-found');
      return [...new Set(asked)];
    }
    const assigned = coders.map((c) => new Set(this.setup.assignments.filter((a) => a.coder === c).flatMap((a) => a.sourceIds)));
    if (assigned.every((s) => s.size > 0)) return all.filter((id) => assigned.every((s) => s.has(id)));
    return all;
  }

  async compute(input: ChannelInput<'computeAgreement'>): Promise<AgreementResult> {
    const waiting = unsubmitted(this.setup, input.coders);
    if (waiting.length > 0) {
      throw new NotebookError(sentence('backend.agreement.notSubmitted', { coders: waiting.slice(1).reduce<MessageText | string>((all, c) => sentence('backend.list.and', { first: all, next: c }), waiting[0]), count: waiting.length }));
    }
    const tags = new Set(this.store.catalog.tags.map((t) => t.id));
    const unknownTag = input.tagIds.find((id) => !tags.has(id));
    if (unknownTag) throw new NotebookError(sentence('backend.agreement.codesGone', { id: unknownTag }), 'not-found');
    const ids = this.sourcesFor(input.coders, input.sourceIds);
    const sources: CodedSource[] = [];
    const texts = new Map<string, string>();
    for (const id of ids) {
      const file = await this.store.readSource(id);
      texts.set(id, file.text);
      sources.push({ sourceId: id, text: file.text, highlights: file.highlights.filter((h) => !h.orphan) });
    }
    let report;
    try {
      report = compareCoders(sources, input.coders, input.tagIds, input.unit);
    } catch (err) {
      throw new NotebookError(asIs((err as Error).message));
    }
    const decisions = new Map((this.store.catalog.adjudications ?? []).map((d) => [d.key, d.choice]));
    const titles = new Map(this.store.catalog.sources.map((s) => [s.id, s.title]));
    const disagreements: ListedDisagreement[] = report.disagreements.map((d) => {
      const text = texts.get(d.sourceId) ?? '';
      const decision = decisions.get(d.key);
      return {
        ...d,
        sourceTitle: titles.get(d.sourceId) ?? d.sourceId,
        text: cut(text.slice(d.start, d.end), 600),
        sideQuotes: d.sides.map((list) => list.map((p) => cut(text.slice(p.start, p.end), 300))),
        ...(decision ? { decision } : {}),
      };
    });
    return { unit: report.unit, coders: report.coders, codes: report.codes, overall: report.overall, disagreements, disagreementCount: report.disagreementCount, sourceCount: ids.length };
  }

  async adjudicate(input: ChannelInput<'adjudicate'>): Promise<AdjudicateResult> {
    const { sourceId, tagId, start, end, coders, choice } = input;
    this.store.sourceMeta(sourceId);
    if (!this.store.catalog.tags.some((t) => t.id === tagId)) throw new NotebookError(sentence('backend.tag.notFound', { id: tagId }), 'not-found');
    if (end <= start) throw new NotebookError(sentence('backend.agreement.emptySpan'));
    const key = disagreementKey(sourceId, tagId, start, end);
    // Settling a passage again replaces the earlier decision (pressing 2 after 1 keeps B instead of A).
    if ((this.store.catalog.adjudications ?? []).some((d) => d.key === key)) await this.undo(key);
    const now = new Date().toISOString();
    const result = await this.store.changeSource(sourceId, (file) => {
      if (end > file.text.length) throw new NotebookError(sentence('backend.agreement.outsideText'));
      const sideOf = (coder: string) => file.highlights.filter((h) => h.creator === coder && !h.orphan && h.tagIds.includes(tagId) && h.start < end && h.end > start);
      const chosen = choice === 'a' ? sideOf(coders[0]) : choice === 'b' ? sideOf(coders[1]) : choice === 'both' ? [...sideOf(coders[0]), ...sideOf(coders[1])] : [];
      const ranges = new Map<string, [number, number]>();
      for (const h of chosen) ranges.set(`${h.start}-${h.end}`, [h.start, h.end]);
      const created: Highlight[] = [];
      const tagged: string[] = [];
      let highlights = file.highlights;
      for (const [s, e] of ranges.values()) {
        const existing = highlights.find((h) => h.creator === ADJUDICATED && h.start === s && h.end === e);
        if (existing) {
          if (!existing.tagIds.includes(tagId)) {
            highlights = highlights.map((h) => (h === existing ? { ...h, tagIds: [...h.tagIds, tagId], modifiedAt: now } : h));
            tagged.push(existing.id);
          }
          continue;
        }
        const made: Highlight = { ...newHighlight(file.text, sourceId, s, e, [tagId], now), creator: ADJUDICATED };
        created.push(made);
        highlights = [...highlights, made];
      }
      return { next: { ...file, highlights: [...highlights].sort(readingOrder) }, result: { created, tagged } };
    });
    const decision: Decision = { key, sourceId, tagId, start, end, choice, coders: [...coders], created: result.created.map((h) => h.id), tagged: result.tagged, ...(this.analyst ? { by: this.analyst } : {}), at: now };
    await this.store.updateCatalog((c) => {
      c.adjudications = [...(c.adjudications ?? []).filter((d) => d.key !== key), decision];
    });
    return { decision, created: result.created };
  }

  async undo(key: string): Promise<{ removed: string[] }> {
    const decision = (this.store.catalog.adjudications ?? []).find((d) => d.key === key);
    if (!decision) throw new NotebookError(sentence('backend.agreement.noDecision'), 'not-found');
    const removed = new Set(decision.created);
    const untag = new Set(decision.tagged);
    if (removed.size > 0 || untag.size > 0) {
      await this.store.changeSource(decision.sourceId, (file) => ({
        next: {
          ...file,
          highlights: file.highlights.filter((h) => !removed.has(h.id)).map((h) => (untag.has(h.id) ? { ...h, tagIds: h.tagIds.filter((t) => t !== decision.tagId) } : h)),
        },
        result: undefined,
      }));
    }
    await this.store.updateCatalog((c) => {
      c.adjudications = (c.adjudications ?? []).filter((d) => d.key !== key);
    });
    return { removed: [...removed] };
  }
}
