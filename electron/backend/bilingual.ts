/** Bilingual reading (issue 18): pairs of sources stored as `pairedWith` on both metas; alignment in core. */
import { alignParagraphs } from '../../core/bilingual/align';
import type { BilingualPair, BilingualSide, LinkTranslationResult } from '../../core/bilingual/api';
import { textLanguage } from '../../core/names/script';
import { splitParagraphs } from '../../core/text';
import { NotebookError } from './errors';
import type { NotebookStore } from './store';
import { sentence } from '../../core/i18n/message-text';

export class BilingualOps {
  constructor(private readonly store: NotebookStore) {}

  private meta(id: string) {
    const meta = this.store.catalog.sources.find((s) => s.id === id);
    if (!meta) throw new NotebookError(sentence('backend.source.notFoundUnchanged', { id }), 'not-found');
    return meta;
  }

  async link(sourceId: string, otherId: string | null): Promise<LinkTranslationResult> {
    const source = this.meta(sourceId);
    if (otherId === sourceId) throw new NotebookError(sentence('backend.bilingual.self'));
    if (otherId !== null) this.meta(otherId);
    const changed = new Map<string, string | null>();
    await this.store.updateCatalog((c) => {
      const byId = new Map(c.sources.map((s) => [s.id, s]));
      const unpair = (id: string | undefined) => {
        const s = id === undefined ? undefined : byId.get(id);
        if (s?.pairedWith !== undefined) {
          delete s.pairedWith;
          changed.set(s.id, null);
        }
      };
      const a = byId.get(sourceId)!;
      // Each side leaves its old partner first: a pair is two sources, never a chain.
      unpair(a.pairedWith);
      unpair(a.id);
      if (otherId !== null) {
        const b = byId.get(otherId)!;
        unpair(b.pairedWith);
        unpair(b.id);
        a.pairedWith = b.id;
        b.pairedWith = a.id;
        changed.set(a.id, b.id).set(b.id, a.id);
      }
    });
    void source;
    return { changed: [...changed].map(([id, pairedWith]) => ({ id, pairedWith })) };
  }

  async pair(sourceId: string): Promise<BilingualPair | null> {
    const meta = this.meta(sourceId);
    if (!meta.pairedWith || !this.store.catalog.sources.some((s) => s.id === meta.pairedWith)) return null;
    const side = async (id: string): Promise<BilingualSide> => {
      const m = this.meta(id);
      const { text } = await this.store.readSource(id);
      return { id, title: m.title, language: m.language ?? textLanguage(text), text, paragraphs: splitParagraphs(text) };
    };
    const a = await side(meta.id);
    const b = await side(meta.pairedWith);
    const withText = (s: BilingualSide) => s.paragraphs.map((p) => ({ ...p, text: s.text.slice(p.start, p.end) }));
    return { a, b, rows: alignParagraphs(withText(a), withText(b)) };
  }
}
