/**
 * Type-ahead matching of tags for the picker, over names and aliases.
 *
 * Tiers, best first: exact, prefix, word prefix (a later word, successive word prefixes "hum ai", or initials "ha"),
 * substring, then fuzzy (subsequence, scored by fuzzysort). Within a tier a name beats an alias, a shorter target
 * beats a longer one, and pinned and recent tags get a small bonus that never lifts them over a better tier.
 * Matching ignores case and diacritics, so the query "is" finds "Islamic State" through its alias "IS".
 */
import fuzzysort from 'fuzzysort';
import type { Tag, TagKind } from '../model';
import { nameKey } from './codebook';
import { tagPath } from './default-codebook';
import { KNOWN_ENTITIES } from '../suggest/known-entities';
import { namesMatch } from '../names/name-key';

export type MatchTier = 'exact' | 'prefix' | 'word' | 'substring' | 'script' | 'fuzzy' | 'none';

export interface TagMatch {
  tag: Tag;
  /** Higher is better; tiers are 100 (exact), 80..90 (prefix), 55..70 (word), 40..50 (substring), 35 (another
   * script or spelling of the name, or of one of its words), 0..30 (fuzzy). */
  score: number;
  tier: MatchTier;
  matched: 'name' | 'alias';
  /** The alias that matched, when matched === 'alias'. */
  alias?: string;
}

export interface RankOptions {
  /** Most recent first. */
  recentIds?: readonly string[];
  pinnedIds?: readonly string[];
  /** Only tags of these kinds. */
  kinds?: readonly TagKind[];
  /** Maximum results (default 50; 0 for all). */
  limit?: number;
  /** Names in another script or spelling match ("Путин" finds "Vladimir Putin"); default true. */
  translit?: boolean;
}

/** Lower case without diacritics, whitespace collapsed: the form names and queries are compared in. */
export function foldForMatch(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

const WORD_SPLIT = /[\s\-‐‑–—_/.,:;()'’"“”]+/;

interface Folded {
  text: string;
  words: string[];
  initials: string;
}

const foldCache = new Map<string, Folded>();

function fold(s: string): Folded {
  let f = foldCache.get(s);
  if (f === undefined) {
    const text = foldForMatch(s);
    const words = text.split(WORD_SPLIT).filter((w) => w.length > 0);
    f = { text, words, initials: words.map((w) => w[0]).join('') };
    if (foldCache.size > 20_000) foldCache.clear();
    foldCache.set(s, f);
  }
  return f;
}

/** Score of one query against one target (both as typed), 0 when no match. */
export function scoreTarget(query: string, target: string): { score: number; tier: MatchTier } {
  const q = fold(query);
  const t = fold(target);
  if (q.text.length === 0 || t.text.length === 0) return { score: 0, tier: 'none' };
  const ratio = Math.min(1, q.text.length / t.text.length);
  if (t.text === q.text) return { score: 100, tier: 'exact' };
  if (t.text.startsWith(q.text)) return { score: 80 + 10 * ratio, tier: 'prefix' };
  // A later word starts with the query.
  if (t.words.slice(1).some((w) => w.startsWith(q.text))) return { score: 60 + 10 * ratio, tier: 'word' };
  // Each query word is a prefix of successive target words ("hum ai" -> "Humanitarian aid").
  if (q.words.length > 1 && wordPrefixes(q.words, t.words)) return { score: 60 + 10 * ratio, tier: 'word' };
  // Initials ("ha" -> "Humanitarian aid", "csto" -> "Collective Security Treaty Organization").
  if (q.words.length === 1 && q.text.length >= 2 && t.words.length >= 2 && t.initials.startsWith(q.text)) {
    return { score: 55 + 5 * (q.text.length / t.initials.length), tier: 'word' };
  }
  if (t.text.includes(q.text)) return { score: 40 + 10 * ratio, tier: 'substring' };
  if (q.text.length >= 2) {
    const r = fuzzysort.single(q.text, t.text);
    if (r !== null && r.score > 0) return { score: 30 * r.score, tier: 'fuzzy' };
  }
  return { score: 0, tier: 'none' };
}

function wordPrefixes(qw: readonly string[], tw: readonly string[]): boolean {
  for (let start = 0; start + qw.length <= tw.length; start++) {
    let ok = true;
    for (let i = 0; i < qw.length && ok; i++) ok = tw[start + i].startsWith(qw[i]);
    if (ok) return true;
  }
  return false;
}

const ALIAS_PENALTY = 5;
const SCRIPT_SCORE = 35;

/** The query is the tag's name or an alias (or one word of it) in another script, spelling or case. */
function acrossScripts(query: string, tag: Tag): { matched: 'name' | 'alias'; alias?: string } | null {
  const q = query.trim();
  if (q.length < 3) return null;
  const oneWord = !/\s/.test(q);
  const test = (target: string): boolean => namesMatch(q, target) || (oneWord && target.split(/[\s-]+/).some((w) => w.length >= 3 && namesMatch(q, w)));
  if (test(tag.name)) return { matched: 'name' };
  const alias = tag.aliases.find(test);
  return alias === undefined ? null : { matched: 'alias', alias };
}

/** Ranks tags for a picker query; an empty query lists pinned, then recent, then all tags by name. */
export function rankTags(tags: readonly Tag[], query: string, options: RankOptions = {}): TagMatch[] {
  const limit = options.limit ?? 50;
  const pinned = new Map((options.pinnedIds ?? []).map((id, i) => [id, i]));
  const recent = new Map((options.recentIds ?? []).map((id, i) => [id, i]));
  const kinds = options.kinds ? new Set(options.kinds) : null;
  const bonus = (id: string): number => {
    const p = pinned.get(id);
    const r = recent.get(id);
    return (p === undefined ? 0 : 4 - Math.min(p, 9) * 0.1) + (r === undefined ? 0 : 3 - Math.min(r, 9) * 0.3);
  };
  const usePath = query.includes('/');
  const empty = foldForMatch(query).length === 0;
  const out: TagMatch[] = [];
  for (const tag of tags) {
    if (kinds && !kinds.has(tag.kind)) continue;
    if (empty) {
      out.push({ tag, score: bonus(tag.id), tier: 'none', matched: 'name' });
      continue;
    }
    let best: TagMatch | null = null;
    const nameScore = scoreTarget(query, usePath ? tagPath(tags, tag.id).join('/') : tag.name);
    if (nameScore.tier !== 'none') best = { tag, score: nameScore.score, tier: nameScore.tier, matched: 'name' };
    for (const alias of tag.aliases) {
      const s = scoreTarget(query, alias);
      if (s.tier === 'none') continue;
      const score = s.score - ALIAS_PENALTY;
      if (best === null || score > best.score) best = { tag, score, tier: s.tier, matched: 'alias', alias };
    }
    if ((best === null || best.score < SCRIPT_SCORE) && options.translit !== false && tag.translit !== false) {
      const across = acrossScripts(query, tag);
      if (across) best = { tag, score: SCRIPT_SCORE - (across.matched === 'alias' ? ALIAS_PENALTY : 0), tier: 'script', ...across };
    }
    if (best) {
      best.score += bonus(tag.id);
      out.push(best);
    }
  }
  out.sort(
    (a, b) =>
      b.score - a.score ||
      (empty ? 0 : a.tag.name.length - b.tag.name.length) ||
      a.tag.name.localeCompare(b.tag.name, undefined, { sensitivity: 'base' }) ||
      a.tag.id.localeCompare(b.tag.id),
  );
  return limit > 0 ? out.slice(0, limit) : out;
}

/** The tags behind number keys 1..9: pinned tags in their order, then the most recent, skipping deleted ones. */
export function quickTags(
  tags: readonly Tag[],
  options: { pinnedIds?: readonly string[]; recentIds?: readonly string[] },
  count = 9,
): Tag[] {
  const byId = new Map(tags.map((t) => [t.id, t]));
  const out: Tag[] = [];
  const seen = new Set<string>();
  for (const id of [...(options.pinnedIds ?? []), ...(options.recentIds ?? [])]) {
    const t = byId.get(id);
    if (!t || seen.has(id)) continue;
    seen.add(id);
    out.push(t);
    if (out.length === count) break;
  }
  return out;
}

/** Most-recent-first list after using some tags (for `recentIds`), capped. */
export function touchRecent(recentIds: readonly string[], usedIds: readonly string[], cap = 20): string[] {
  const used = [...new Set(usedIds)];
  return [...used, ...recentIds.filter((id) => !used.includes(id))].slice(0, cap);
}

/**
 * The tag an inline "create" would duplicate: a tag under `parentId` whose name equals the query (ignoring case).
 * The picker offers "Create …" only when this is null.
 */
export function siblingWithName(tags: readonly Tag[], name: string, parentId: string | null): Tag | null {
  const k = nameKey(name);
  return tags.find((t) => t.parentId === parentId && nameKey(t.name) === k) ?? null;
}

/**
 * Tags whose name or one of whose aliases is exactly the typed text (ignoring case, accents and extra spaces):
 * the only tags Enter may apply without the analyst choosing a row. Category rows (People, Places …) are left out
 * by the caller when they cannot be applied.
 */
export function exactTagMatches(tags: readonly Tag[], query: string): Tag[] {
  const q = foldForMatch(query);
  if (q.length === 0) return [];
  return tags.filter((t) => foldForMatch(t.name) === q || t.aliases.some((a) => foldForMatch(a) === q));
}

/** Tags whose name or an alias is this name in another script or spelling, or another case of it (Путину, Shoygu). */
export function tagsNamed(tags: readonly Tag[], name: string, translit = true): Tag[] {
  if (!translit || foldForMatch(name).length < 3) return [];
  return tags.filter((t) => t.translit !== false && [t.name, ...t.aliases].some((n) => namesMatch(name, n)));
}

/** What Enter does in the picker for a typed text: apply the one exact tag, offer to create it, or nothing. */
export type EnterAction = { type: 'apply'; tag: Tag } | { type: 'create'; name: string } | { type: 'none' };

export function enterAction(tags: readonly Tag[], query: string, canCreate: boolean): EnterAction {
  const exact = exactTagMatches(tags, query);
  if (exact.length > 0) return { type: 'apply', tag: exact[0] };
  const name = query.trim().replace(/\s+/g, ' ');
  if (canCreate && name.length > 0) return { type: 'create', name };
  return { type: 'none' };
}

/**
 * The kind a new tag of this name probably has: the kind of a known actor of the corpus (CSTO is an organisation,
 * Taliban a group), else a theme. A guess for the picker's "Create" row, which the analyst can change; never the
 * kind last used, which would make the next new tag a place by accident.
 */
export function guessKind(name: string): TagKind {
  const q = foldForMatch(name);
  const known = KNOWN_ENTITIES.find((e) => foldForMatch(e.name) === q || e.aliases.some((a) => foldForMatch(a) === q));
  return known ? known.kind : 'theme';
}
