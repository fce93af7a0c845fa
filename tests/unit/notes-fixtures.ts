/** Small builders for note JSON in tests. */
export const t = (text: string, ...marks: Array<{ type: string; attrs?: Record<string, unknown> }>) => (marks.length ? { type: 'text', text, marks } : { type: 'text', text });
export const p = (...content: unknown[]) => (content.length ? { type: 'paragraph', content } : { type: 'paragraph' });
export const h = (level: number, ...content: unknown[]) => ({ type: 'heading', attrs: { level }, content });
export const li = (...content: unknown[]) => ({ type: 'list_item', content });
export const ul = (...items: unknown[]) => ({ type: 'bullet_list', content: items });
export const ol = (order: number, ...items: unknown[]) => ({ type: 'ordered_list', attrs: { order }, content: items });
export const quote = (...content: unknown[]) => ({ type: 'blockquote', content });
export const hr = () => ({ type: 'horizontal_rule' });
export const br = () => ({ type: 'hard_break' });
export const doc = (...content: unknown[]) => ({ type: 'doc' as const, content });
export const strong = { type: 'strong' };
export const em = { type: 'em' };
export const code = { type: 'code' };
export const link = (href: string, title: string | null = null) => ({ type: 'link', attrs: { href, title } });
export const cite = (attrs: Partial<{ highlightId: string; sourceId: string; quote: string; sourceTitle: string; tags: string[]; deleted: boolean; pages: string }> = {}) => ({
  type: 'citation',
  attrs: { highlightId: 'h1', sourceId: 's1', quote: 'Putin said ISIS has about 2,000 fighters.', sourceTitle: 'Putin warns of buildup', tags: ['ISIS', 'Putin'], deleted: false, pages: '', ...attrs },
});
