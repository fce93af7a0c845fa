import { findDate, parseDate } from '../import/dates';
import { languageAndDirection, type TextDirection } from './language';

/**
 * A web article's facts, picked from what the page states, most specific first: schema.org JSON-LD (NewsArticle and
 * its kin), OpenGraph and article:* meta, <link rel=canonical>, <time datetime>, <html lang dir>, then what
 * Readability found. Pure: the backend parses the page and collects these raw values.
 */

export interface RawPageFacts {
  /** Text of every <script type="application/ld+json">. */
  jsonLd: string[];
  /** <meta> name/property/itemprop (lower case) to content, first one of each kept. */
  metas: Record<string, string>;
  canonical: string;
  /** <time datetime> values, in document order. */
  times: string[];
  htmlLang: string;
  htmlDir: string;
  titleTag: string;
  /** Readability's findings ('' when it found nothing). */
  readability: { title: string; byline: string; siteName: string; publishedTime: string; lang: string; dir: string };
}

export interface ArticleMeta {
  title: string;
  authors: string[];
  publisher: string;
  /** ISO yyyy-mm-dd or ''. */
  date: string;
  url: string;
  language: string;
  dir: TextDirection;
}

const ARTICLE_TYPES = /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|OpinionNewsArticle|WebPage|Report|ScholarlyArticle|BackgroundNewsArticle|LiveBlogPosting)$/;

type Json = Record<string, unknown>;

/** Every object in a JSON-LD block (top level, arrays, @graph), depth-bounded. */
function jsonLdObjects(blocks: readonly string[]): Json[] {
  const out: Json[] = [];
  for (const block of blocks) {
    let value: unknown;
    try {
      value = JSON.parse(block.trim().replace(/^<!--|-->$/g, ''));
    } catch {
      continue;
    }
    const stack: Array<{ v: unknown; depth: number }> = [{ v: value, depth: 0 }];
    while (stack.length > 0 && out.length < 200) {
      const { v, depth } = stack.pop()!;
      if (depth > 4 || v === null || typeof v !== 'object') continue;
      if (Array.isArray(v)) v.forEach((x) => stack.push({ v: x, depth: depth + 1 }));
      else {
        out.push(v as Json);
        const graph = (v as Json)['@graph'];
        if (graph) stack.push({ v: graph, depth: depth + 1 });
      }
    }
  }
  return out;
}

const str = (v: unknown): string => (typeof v === 'string' ? v.replace(/\s+/g, ' ').trim() : '');
const typesOf = (o: Json): string[] => (Array.isArray(o['@type']) ? (o['@type'] as unknown[]).map(str) : [str(o['@type'])]);

function names(v: unknown): string[] {
  const list = Array.isArray(v) ? v : v ? [v] : [];
  return list
    .map((x) => (typeof x === 'string' ? str(x) : x && typeof x === 'object' ? str((x as Json).name) : ''))
    .filter((n) => n && n.length <= 120);
}

const httpUrl = (u: string): string => (/^https?:\/\/[^\s]+$/i.test(u.trim()) ? u.trim() : '');

/** A byline to author names: "By Anna Smith and John Doe" -> ["Anna Smith", "John Doe"]. */
export function bylineAuthors(byline: string): string[] {
  const t = byline
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(by|von|par|por|автор[ы]?:?)\s+/i, '');
  if (!t || t.length > 200) return [];
  return t
    .split(/\s*(?:,|;|\band\b|\bund\b|\bet\b|\by\b|\bи\b|&)\s*/u)
    .map((s) => s.trim())
    .filter((s) => s && s.length <= 80);
}

/** A date on a short line near the top of the article (a dateline: "Москва, 29 апреля 2022 г."). */
function datelineDate(text: string): string {
  const lines = text.split('\n').filter((l) => l.trim()).slice(0, 6);
  for (const l of lines) {
    const d = l.length <= 80 ? findDate(l) : '';
    if (d) return d;
  }
  return '';
}

export function pickArticleMeta(raw: RawPageFacts, text: string): ArticleMeta {
  const ld = jsonLdObjects(raw.jsonLd);
  const article = ld.find((o) => typesOf(o).some((t) => ARTICLE_TYPES.test(t) && t !== 'WebPage')) ?? ld.find((o) => typesOf(o).includes('WebPage'));
  const m = (k: string): string => str(raw.metas[k]);
  const publisherOf = (o: Json | undefined): string => (o ? names(o.publisher)[0] ?? '' : '');
  const ldDate = article ? parseDate(str(article.datePublished)) || parseDate(str(article.dateCreated)) : '';
  const metaDate = ['article:published_time', 'og:published_time', 'datepublished', 'date', 'pubdate', 'publishdate', 'dc.date', 'dc.date.issued', 'dcterms.date', 'sailthru.date', 'parsely-pub-date']
    .map((k) => parseDate(m(k)))
    .find(Boolean);
  const authors = (article ? names(article.author) : []).length
    ? names(article!.author)
    : m('author')
      ? bylineAuthors(m('author'))
      : bylineAuthors(raw.readability.byline);
  const ldUrl = article ? httpUrl(str(article.url)) || httpUrl(str((article.mainEntityOfPage as Json | undefined)?.['@id'] ?? article.mainEntityOfPage)) : '';
  const { language, dir } = languageAndDirection(
    text,
    raw.htmlLang || m('content-language') || raw.readability.lang || (article ? str(article.inLanguage) : '') || m('og:locale'),
    raw.htmlDir || raw.readability.dir,
  );
  return {
    title: (article ? str(article.headline) : '') || m('og:title') || raw.readability.title || str(raw.titleTag),
    authors,
    publisher: publisherOf(article) || m('og:site_name') || raw.readability.siteName || m('publisher') || m('dc.publisher'),
    date: ldDate || metaDate || raw.times.map(parseDate).find(Boolean) || parseDate(raw.readability.publishedTime) || datelineDate(text),
    url: httpUrl(raw.canonical) || httpUrl(m('og:url')) || ldUrl,
    language,
    dir,
  };
}
