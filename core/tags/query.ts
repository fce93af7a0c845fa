/**
 * Retrieval: a small query language over tags, and `retrieve`, which lists every coded passage that satisfies a
 * query across the notebook, with counts.
 *
 * Query syntax (operators are case-insensitive):
 *   Taliban                         a tag, by name, alias ("IS") or path ("Places/Kabul"); it includes its descendants
 *   Humanitarian aid                bare words run together into one multi-word name
 *   "Islamic State"                 quotes for names that contain operators, parentheses or quotes (\" inside)
 *   a AND b    a & b   a && b       both
 *   a OR b     a | b   a || b       either
 *   NOT a      !a      -a           not ("-" only at the start of a term: Al-Qaeda is a name)
 *   a NOT b    a -b                 shorthand for a AND NOT b
 *   ( ... )                         grouping
 * Precedence: NOT binds tighter than AND, which binds tighter than OR. Two terms side by side without an operator
 * are an error (except the shorthand above), because bare words already join into one name.
 * Errors carry the 0-based offset and the 1-based column, e.g. `Unknown tag "talibn" (did you mean "Taliban"?) at column 16.`
 */
import { distance } from 'fastest-levenshtein';
import type { Highlight, SourceMeta, Tag } from '../model';
import { snapToCodePoint } from '../text';
import { childrenIndex, nameKey } from './codebook';
import { tagPath } from './default-codebook';
import { foldForMatch } from './match';
import { namesMatch } from '../names/name-key';
import { englishText, sentence, type MessageText } from '../i18n/message-text';

export type QueryNode =
  | { type: 'tag'; tagId: string; text: string; start: number; end: number }
  | { type: 'not'; operand: QueryNode }
  | { type: 'and'; operands: QueryNode[] }
  | { type: 'or'; operands: QueryNode[] };

export type QueryErrorCode = 'empty' | 'syntax' | 'unterminated-quote' | 'unknown-tag' | 'ambiguous-tag' | 'too-long';

export class QueryError extends Error {
  /** 1-based column, for messages. */
  readonly column: number;
  /** The message as data (core/i18n/message-text.ts), with its column; `message` is it in English. */
  readonly text: MessageText;
  constructor(
    readonly code: QueryErrorCode,
    detail: MessageText,
    /** 0-based offset into the query string. */
    readonly offset: number,
    readonly length: number,
  ) {
    const text = code === 'empty' ? detail : sentence('backend.query.atColumn', { detail, column: offset + 1 });
    super(englishText(text));
    this.text = text;
    this.name = 'QueryError';
    this.column = offset + 1;
  }
}

export type ParseResult = { ok: true; query: QueryNode } | { ok: false; error: QueryError };

export const QUERY_MAX_LENGTH = 2000;

// ---------------------------------------------------------------------------------------------------------------
// Tokenizer

type Tok =
  | { kind: 'and' | 'or' | 'not' | 'lparen' | 'rparen'; start: number; end: number }
  | { kind: 'name'; text: string; quoted: boolean; start: number; end: number };

const SPECIAL = new Set(['(', ')', '"', '&', '|']);

function tokenize(input: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  const n = input.length;
  while (i < n) {
    const c = input[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')') {
      toks.push({ kind: c === '(' ? 'lparen' : 'rparen', start: i, end: i + 1 });
      i++;
    } else if (c === '&' || c === '|') {
      const len = input[i + 1] === c ? 2 : 1;
      toks.push({ kind: c === '&' ? 'and' : 'or', start: i, end: i + len });
      i += len;
    } else if (c === '!' || c === '-') {
      toks.push({ kind: 'not', start: i, end: i + 1 });
      i++;
    } else if (c === '"' || c === '“' || c === '”') {
      const start = i;
      let text = '';
      i++;
      let closed = false;
      while (i < n) {
        const d = input[i];
        if (d === '\\' && i + 1 < n) {
          text += input[i + 1];
          i += 2;
        } else if (d === '"' || d === '”' || d === '“') {
          closed = true;
          i++;
          break;
        } else {
          text += d;
          i++;
        }
      }
      if (!closed) throw new QueryError('unterminated-quote', sentence('backend.query.unclosedQuote'), start, n - start);
      toks.push({ kind: 'name', text, quoted: true, start, end: i });
    } else {
      const start = i;
      while (i < n && !/\s/.test(input[i]) && !SPECIAL.has(input[i]) && input[i] !== '“' && input[i] !== '”') i++;
      const word = input.slice(start, i);
      const upper = word.toUpperCase();
      if (upper === 'AND' || upper === 'OR' || upper === 'NOT') {
        toks.push({ kind: upper === 'AND' ? 'and' : upper === 'OR' ? 'or' : 'not', start, end: i });
      } else {
        toks.push({ kind: 'name', text: word, quoted: false, start, end: i });
      }
    }
  }
  // Bare words side by side form one multi-word name.
  const merged: Tok[] = [];
  for (const t of toks) {
    const prev = merged[merged.length - 1];
    if (t.kind === 'name' && !t.quoted && prev?.kind === 'name' && !prev.quoted) {
      merged[merged.length - 1] = { ...prev, text: `${prev.text} ${t.text}`, end: t.end };
    } else merged.push(t);
  }
  return merged;
}

// ---------------------------------------------------------------------------------------------------------------
// Name resolution

interface Resolver {
  resolve(text: string, start: number, end: number): string;
}

function makeResolver(tags: readonly Tag[], translit = true): Resolver {
  const byName = new Map<string, Tag[]>();
  const byAlias = new Map<string, Tag[]>();
  const byFolded = new Map<string, Tag[]>();
  const add = (m: Map<string, Tag[]>, k: string, t: Tag): void => {
    const list = m.get(k);
    if (!list) m.set(k, [t]);
    else if (!list.includes(t)) list.push(t);
  };
  for (const t of tags) {
    add(byName, nameKey(t.name), t);
    add(byFolded, foldForMatch(t.name), t);
    for (const a of t.aliases) {
      add(byAlias, nameKey(a), t);
      add(byFolded, foldForMatch(a), t);
    }
  }
  let paths: Array<{ tag: Tag; keys: string[] }> | null = null;
  const pathOf = (t: Tag): string => tagPath(tags, t.id).join('/');
  const pick = (found: Tag[] | undefined, text: string, start: number, end: number): string | null => {
    if (!found || found.length === 0) return null;
    if (found.length === 1) return found[0].id;
    const options = found.map(pathOf);
    const quoted = options.map((p) => sentence('backend.query.quoted', { name: p }));
    const either = quoted.slice(1).reduce((all, p) => sentence('backend.query.or', { first: all, next: p }), quoted[0]);
    throw new QueryError('ambiguous-tag', sentence('backend.query.ambiguous', { name: text, options: either, example: options[0] }), start, end - start);
  };
  return {
    resolve(text, start, end) {
      const k = nameKey(text);
      const byN = pick(byName.get(k), text, start, end);
      if (byN) return byN;
      if (text.includes('/')) {
        const want = text.split('/').map((s) => nameKey(s)).filter((s) => s.length > 0);
        paths ??= tags.map((tag) => ({ tag, keys: tagPath(tags, tag.id).map(nameKey) }));
        const found = paths
          .filter(({ keys }) => keys.length >= want.length && want.every((w, i) => keys[keys.length - want.length + i] === w))
          .map((p) => p.tag);
        const byP = pick(found, text, start, end);
        if (byP) return byP;
      }
      const byA = pick(byAlias.get(k), text, start, end);
      if (byA) return byA;
      const byF = pick(byFolded.get(foldForMatch(text)), text, start, end);
      if (byF) return byF;
      // Another script, spelling or case of a name or alias: "Путин" finds "Vladimir Putin" with its alias "Putin".
      if (translit) {
        const across = tags.filter((t) => t.translit !== false && [t.name, ...t.aliases].some((n) => namesMatch(text, n)));
        const byX = pick(across, text, start, end);
        if (byX) return byX;
      }
      throw new QueryError('unknown-tag', didYouMean(tags, text), start, end - start);
    },
  };
}

/** "Unknown tag", with the closest name when one is close enough. */
function didYouMean(tags: readonly Tag[], text: string): MessageText {
  const q = foldForMatch(text.includes('/') ? text.slice(text.lastIndexOf('/') + 1) : text);
  // Closest name or alias by edit distance; on a tie a name beats an alias.
  let best: { name: string; d: number; rank: number } | null = null;
  for (const t of tags) {
    for (const [candidate, isName] of [[t.name, true], ...t.aliases.map((a) => [a, false] as const)] as const) {
      const d = distance(q, foldForMatch(candidate));
      const rank = d + (isName ? 0 : 0.5);
      if (best === null || rank < best.rank) best = { name: t.name, d, rank };
    }
  }
  if (best === null || best.d > Math.max(2, Math.floor(q.length / 3))) return sentence('backend.query.unknownTag', { name: text });
  return sentence('backend.query.unknownTagMaybe', { name: text, guess: best.name });
}

// ---------------------------------------------------------------------------------------------------------------
// Parser

/** Parses a query against the codebook. Never throws: errors come back with their position. */
export function parseQuery(input: string, tags: readonly Tag[], options: { translit?: boolean } = {}): ParseResult {
  try {
    return { ok: true, query: parseQueryOrThrow(input, tags, options) };
  } catch (e) {
    if (e instanceof QueryError) return { ok: false, error: e };
    throw e;
  }
}

export function parseQueryOrThrow(input: string, tags: readonly Tag[], options: { translit?: boolean } = {}): QueryNode {
  if (input.length > QUERY_MAX_LENGTH) {
    throw new QueryError('too-long', sentence('backend.query.tooLong', { max: QUERY_MAX_LENGTH }), QUERY_MAX_LENGTH, input.length - QUERY_MAX_LENGTH);
  }
  const toks = tokenize(input);
  if (toks.length === 0) throw new QueryError('empty', sentence('backend.query.empty'), 0, 0);
  const resolver = makeResolver(tags, options.translit !== false);
  let pos = 0;
  const peek = (): Tok | undefined => toks[pos];
  const describe = (t: Tok): string => (t.kind === 'name' ? t.text : input.slice(t.start, t.end));

  const parseOr = (): QueryNode => {
    const operands = [parseAnd()];
    while (peek()?.kind === 'or') {
      pos++;
      operands.push(parseAnd());
    }
    return operands.length === 1 ? operands[0] : { type: 'or', operands };
  };
  const parseAnd = (): QueryNode => {
    const operands = [parseUnary()];
    for (;;) {
      const t = peek();
      if (t?.kind === 'and') {
        pos++;
        operands.push(parseUnary());
      } else if (t?.kind === 'not') {
        operands.push(parseUnary()); // "a NOT b" = a AND NOT b
      } else break;
    }
    return operands.length === 1 ? operands[0] : { type: 'and', operands };
  };
  const parseUnary = (): QueryNode => {
    const t = peek();
    if (t?.kind === 'not') {
      pos++;
      return { type: 'not', operand: parseUnary() };
    }
    return parsePrimary();
  };
  const parsePrimary = (): QueryNode => {
    const t = peek();
    if (t === undefined) {
      const last = toks[toks.length - 1];
      throw new QueryError('syntax', sentence('backend.query.nameAfter', { token: describe(last) }), input.length, 0);
    }
    if (t.kind === 'lparen') {
      pos++;
      if (peek()?.kind === 'rparen') throw new QueryError('syntax', sentence('backend.query.emptyParentheses'), t.start, 2);
      const inner = parseOr();
      const close = peek();
      if (close?.kind !== 'rparen') {
        if (close === undefined) throw new QueryError('syntax', sentence('backend.query.unclosedParenthesis'), t.start, 1);
        throw new QueryError('syntax', sentence('backend.query.operatorOrCloseBefore', { token: describe(close) }), close.start, close.end - close.start);
      }
      pos++;
      return inner;
    }
    if (t.kind === 'name') {
      pos++;
      if (t.text.trim().length === 0) throw new QueryError('syntax', sentence('backend.query.emptyName'), t.start, t.end - t.start);
      return { type: 'tag', tagId: resolver.resolve(t.text.trim(), t.start, t.end), text: t.text, start: t.start, end: t.end };
    }
    throw new QueryError('syntax', sentence('backend.query.nameBefore', { token: describe(t) }), t.start, t.end - t.start);
  };

  const node = parseOr();
  const rest = peek();
  if (rest !== undefined) {
    if (rest.kind === 'rparen') throw new QueryError('syntax', sentence('backend.query.unopenedParenthesis'), rest.start, 1);
    throw new QueryError('syntax', sentence('backend.query.operatorBefore', { token: describe(rest) }), rest.start, rest.end - rest.start);
  }
  return node;
}

/** A query for one picked tag. */
export function tagQuery(tag: Tag): QueryNode {
  return { type: 'tag', tagId: tag.id, text: tag.name, start: 0, end: tag.name.length };
}

/** Canonical text of a query with the codebook's current names (paths where a name is not unique). */
export function formatQuery(node: QueryNode, tags: readonly Tag[]): string {
  const byId = new Map(tags.map((t) => [t.id, t]));
  const counts = new Map<string, number>();
  for (const t of tags) counts.set(nameKey(t.name), (counts.get(nameKey(t.name)) ?? 0) + 1);
  const term = (id: string, fallback: string): string => {
    const t = byId.get(id);
    const text = t === undefined ? fallback : (counts.get(nameKey(t.name)) ?? 0) > 1 ? tagPath(tags, id).join('/') : t.name;
    const plain =
      /^[^\s()"“”&|!-][^()"“”&|]*$/.test(text) &&
      !/\s$|\s\s/.test(text) &&
      text.split(' ').every((w) => !/^(and|or|not)$/i.test(w) && !/^[-!]/.test(w));
    return plain ? text : `"${text.replace(/["\\]/g, (m) => `\\${m}`)}"`;
  };
  const rank = (n: QueryNode): number => (n.type === 'or' ? 1 : n.type === 'and' ? 2 : 3);
  const go = (n: QueryNode, parentRank: number): string => {
    let s: string;
    switch (n.type) {
      case 'tag':
        s = term(n.tagId, n.text);
        break;
      case 'not':
        s = `NOT ${go(n.operand, 3)}`;
        break;
      case 'and':
      case 'or':
        s = n.operands.map((o) => go(o, rank(n))).join(n.type === 'and' ? ' AND ' : ' OR ');
    }
    return rank(n) < parentRank ? `(${s})` : s;
  };
  return go(node, 0);
}

// ---------------------------------------------------------------------------------------------------------------
// Retrieval

export interface RetrievalFilters {
  /** Only these sources. */
  sourceIds?: readonly string[];
  /** Inclusive yyyy-mm-dd bounds on the source's date; sources without a date are left out when either is set. */
  from?: string;
  to?: string;
}

export interface RetrievalSource {
  meta: Pick<SourceMeta, 'id' | 'title' | 'date'>;
  text: string;
  highlights: readonly Highlight[];
}

export interface RetrievalData {
  tags: readonly Tag[];
  sources: readonly RetrievalSource[];
}

export interface RetrievalOptions {
  /** Rows to return (default 100). Counts always cover every match. */
  limit?: number;
  offset?: number;
  /** Characters of context each side (default 80), cut at word boundaries, within the paragraph. */
  context?: number;
  /** 'source': sources in the given order; 'date': oldest first, undated last. Within a source by position, orphans last. */
  order?: 'source' | 'date';
  /** Tag names in the query match across scripts (default true; a tag's own translit: false wins). */
  translit?: boolean;
}

export interface RetrievedSegment {
  highlight: Highlight;
  sourceId: string;
  sourceTitle: string;
  date: string;
  before: string;
  quote: string;
  after: string;
  /** True when the context was cut short (show an ellipsis). */
  beforeCut: boolean;
  afterCut: boolean;
  /** The highlight's tags other than those named in the query, in the highlight's order. */
  otherTags: Tag[];
  /** The highlight could not be anchored: quote and context come from its stored quote selector. */
  orphan: boolean;
}

export interface RetrievalCounts {
  segments: number;
  sources: number;
  /** For each tag named in the query: matching segments carrying it or one of its descendants. */
  perTag: Record<string, number>;
  perSource: Record<string, number>;
}

export interface RetrievalResult {
  segments: RetrievedSegment[];
  counts: RetrievalCounts;
  /** The query in canonical form. */
  query: string;
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Every passage that satisfies the query, across the notebook, filtered by source and date. Linear in the number of
 * highlights with a constant cost each (a bit mask per highlight, over a typed-array copy of each source's tag ids
 * cached per highlights array: replace a source's highlights array when they change, never mutate it in place);
 * context is built only for the returned page.
 * Throws QueryError when a string query does not parse, RangeError for a malformed date filter.
 */
export function retrieve(
  query: string | QueryNode,
  filters: RetrievalFilters,
  data: RetrievalData,
  options: RetrievalOptions = {},
): RetrievalResult {
  const node = typeof query === 'string' ? parseQueryOrThrow(query, data.tags, { translit: options.translit }) : query;
  for (const [k, v] of [['from', filters.from], ['to', filters.to]] as const) {
    if (v !== undefined && v !== '' && !DATE_RE.test(v)) throw new RangeError(`The "${k}" date must be yyyy-mm-dd, not "${v}".`);
  }
  const from = filters.from || undefined;
  const to = filters.to || undefined;
  const sourceFilter = filters.sourceIds ? new Set(filters.sourceIds) : null;

  // Leaves: one per tag node; each covers the tag and its descendants.
  const leaves: string[] = [];
  const collect = (n: QueryNode): void => {
    if (n.type === 'tag') leaves.push(n.tagId);
    else if (n.type === 'not') collect(n.operand);
    else n.operands.forEach(collect);
  };
  collect(node);
  const distinct = [...new Set(leaves)];
  const children = childrenIndex(data.tags);
  const coverage = distinct.map((id) => {
    const set = new Set<string>([id]);
    const stack = [id];
    while (stack.length > 0) {
      for (const c of children.get(stack.pop() as string) ?? []) {
        if (!set.has(c)) {
          set.add(c);
          stack.push(c);
        }
      }
    }
    return set;
  });

  // Bit masks for up to 31 distinct leaves (queries longer than that are evaluated with sets): bits[tag number] has
  // bit i set when that tag satisfies leaf i.
  const useMask = distinct.length <= 31;
  const leafIndex = new Map(distinct.map((id, i) => [id, i]));
  let bits = new Int32Array(0);
  if (useMask) {
    coverage.forEach((set) => set.forEach(internTagId));
    bits = new Int32Array(tagNumbers.size);
    coverage.forEach((set, i) => {
      for (const id of set) bits[internTagId(id)] |= 1 << i;
    });
  }
  const bitsLen = bits.length;
  const verdicts = new Map<number, boolean>();
  const compile = (n: QueryNode): ((mask: number, tagIds: readonly string[]) => boolean) => {
    switch (n.type) {
      case 'tag': {
        const i = leafIndex.get(n.tagId) as number;
        if (useMask) {
          const bit = 1 << i;
          return (m) => (m & bit) !== 0;
        }
        const set = coverage[i];
        return (_m, ids) => ids.some((id) => set.has(id));
      }
      case 'not': {
        const f = compile(n.operand);
        return (m, ids) => !f(m, ids);
      }
      case 'and': {
        const fs = n.operands.map(compile);
        return (m, ids) => fs.every((f) => f(m, ids));
      }
      case 'or': {
        const fs = n.operands.map(compile);
        return (m, ids) => fs.some((f) => f(m, ids));
      }
    }
  };
  const test = compile(node);
  const emptyResult = useMask ? test(0, []) : false;

  const order = data.sources.map((_, i) => i);
  if (options.order === 'date') {
    order.sort((a, b) => {
      const da = data.sources[a].meta.date;
      const db = data.sources[b].meta.date;
      if (da !== db) return da === '' ? 1 : db === '' ? -1 : da < db ? -1 : 1;
      return a - b;
    });
  }

  const perLeaf = new Array<number>(distinct.length).fill(0);
  const perSource: Record<string, number> = {};
  let total = 0;
  let sourceCount = 0;
  const offset = Math.max(0, options.offset ?? 0);
  const limit = Math.max(0, options.limit ?? 100);
  const page: Array<{ source: RetrievalSource; highlight: Highlight }> = [];

  for (const si of order) {
    const source = data.sources[si];
    const meta = source.meta;
    if (sourceFilter && !sourceFilter.has(meta.id)) continue;
    if ((from || to) && (meta.date === '' || (from && meta.date < from) || (to && meta.date > to))) continue;
    const hs = source.highlights;
    let matched: number[] | null = null;
    if (useMask) {
      const { offs, tags: tagIdx } = sourceIndex(hs);
      for (let hi = 0; hi < hs.length; hi++) {
        let mask = 0;
        for (let k = offs[hi], e = offs[hi + 1]; k < e; k++) {
          const x = tagIdx[k];
          if (x < bitsLen) mask |= bits[x];
        }
        if (mask === 0) {
          if (!emptyResult) continue;
        } else {
          let ok = verdicts.get(mask);
          if (ok === undefined) {
            ok = test(mask, []);
            verdicts.set(mask, ok);
          }
          if (!ok) continue;
        }
        (matched ??= []).push(hi);
        for (let b = 0; mask !== 0; b++, mask >>>= 1) if (mask & 1) perLeaf[b]++;
      }
    } else {
      for (let hi = 0; hi < hs.length; hi++) {
        const ids = hs[hi].tagIds;
        if (!test(0, ids)) continue;
        (matched ??= []).push(hi);
        coverage.forEach((set, i) => {
          if (ids.some((id) => set.has(id))) perLeaf[i]++;
        });
      }
    }
    if (matched === null) continue;
    sourceCount++;
    perSource[meta.id] = matched.length;
    const before = total;
    total += matched.length;
    // Only sources that reach into the requested page need their matches ordered.
    if (total > offset && before < offset + limit) {
      if (!isSortedByPosition(hs, matched)) matched.sort((a, b) => comparePosition(hs[a], hs[b]));
      for (let j = Math.max(0, offset - before); j < matched.length && page.length < limit; j++) {
        page.push({ source, highlight: hs[matched[j]] });
      }
    }
  }

  const byId = new Map(data.tags.map((t) => [t.id, t]));
  const named = new Set(distinct);
  const context = options.context ?? 80;
  const segments = page.map(({ source, highlight }): RetrievedSegment => {
    const snip = snippet(source.text, highlight, context);
    return {
      highlight,
      sourceId: source.meta.id,
      sourceTitle: source.meta.title,
      date: source.meta.date,
      ...snip,
      otherTags: highlight.tagIds.filter((id) => !named.has(id)).flatMap((id) => byId.get(id) ?? []),
    };
  });
  const perTag: Record<string, number> = {};
  distinct.forEach((id, i) => (perTag[id] = perLeaf[i]));
  return {
    segments,
    counts: { segments: total, sources: sourceCount, perTag, perSource },
    query: formatQuery(node, data.tags),
  };
}

// A compact copy of each source's tag ids (tag numbers in one Int32Array), cached per highlights array: a query then
// scans typed arrays instead of 100,000 objects. Highlight arrays are treated as immutable, as everywhere in core:
// the store replaces a source's array when it changes, which drops the stale index with it.
const tagNumbers = new Map<string, number>();
function internTagId(id: string): number {
  let n = tagNumbers.get(id);
  if (n === undefined) {
    n = tagNumbers.size;
    tagNumbers.set(id, n);
  }
  return n;
}

interface SourceIndex {
  /** Highlight i's tags are tags[offs[i]] .. tags[offs[i + 1] - 1]. */
  offs: Int32Array;
  tags: Int32Array;
}

const sourceIndexes = new WeakMap<readonly Highlight[], SourceIndex>();
function sourceIndex(hs: readonly Highlight[]): SourceIndex {
  let idx = sourceIndexes.get(hs);
  if (idx === undefined) {
    const offs = new Int32Array(hs.length + 1);
    let total = 0;
    for (let i = 0; i < hs.length; i++) {
      total += hs[i].tagIds.length;
      offs[i + 1] = total;
    }
    const tags = new Int32Array(total);
    let k = 0;
    for (const h of hs) for (const id of h.tagIds) tags[k++] = internTagId(id);
    idx = { offs, tags };
    sourceIndexes.set(hs, idx);
  }
  return idx;
}

/** Text order; orphans (whose positions mean nothing) after the anchored highlights. */
function comparePosition(a: Highlight, b: Highlight): number {
  return Number(a.orphan) - Number(b.orphan) || a.start - b.start || a.end - b.end;
}

function isSortedByPosition(hs: readonly Highlight[], idx: readonly number[]): boolean {
  for (let i = 1; i < idx.length; i++) if (comparePosition(hs[idx[i - 1]], hs[idx[i]]) > 0) return false;
  return true;
}

/** Quote and context of a highlight: up to `chars` each side, within its paragraph, cut at word boundaries. */
export function snippet(
  text: string,
  h: Pick<Highlight, 'start' | 'end' | 'quote' | 'orphan'>,
  chars = 80,
): { before: string; quote: string; after: string; beforeCut: boolean; afterCut: boolean; orphan: boolean } {
  const valid = !h.orphan && h.start >= 0 && h.end <= text.length && h.start <= h.end;
  if (!valid) {
    return { before: h.quote.prefix, quote: h.quote.exact, after: h.quote.suffix, beforeCut: true, afterCut: true, orphan: true };
  }
  // Before: stay in the paragraph; drop a partial first word.
  let b0 = snapToCodePoint(text, h.start - chars, 'forward');
  const nl = text.lastIndexOf('\n', h.start - 1);
  let beforeCut = true;
  if (nl >= b0 || nl + 1 >= h.start) {
    b0 = nl + 1;
    beforeCut = false;
  } else if (b0 === 0) beforeCut = false;
  else if (!/\s/.test(text[b0 - 1])) {
    const sp = text.slice(b0, h.start).search(/\s/);
    if (sp >= 0) b0 += sp + 1;
  }
  // After: stay in the paragraph; drop a partial last word.
  let a1 = snapToCodePoint(text, h.end + chars, 'back');
  const nl2 = text.indexOf('\n', h.end);
  let afterCut = true;
  if (nl2 !== -1 && nl2 <= a1) {
    a1 = nl2;
    afterCut = false;
  } else if (a1 >= text.length) {
    a1 = text.length;
    afterCut = false;
  } else if (!/\s/.test(text[a1])) {
    const seg = text.slice(h.end, a1);
    const m = /\s\S*$/.exec(seg);
    if (m) a1 = h.end + m.index;
  }
  return {
    before: text.slice(b0, h.start).replace(/^\s+/, ''),
    quote: text.slice(h.start, h.end),
    after: text.slice(h.end, a1).replace(/\s+$/, ''),
    beforeCut,
    afterCut,
    orphan: false,
  };
}
