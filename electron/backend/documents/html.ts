import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { pickArticleMeta, type ArticleMeta, type RawPageFacts } from '../../../core/documents/article-meta';
import { htmlToText } from '../../../core/import';
import { prunePage } from './prune-html';

/**
 * A saved web page to its article: Mozilla's Readability over a linkedom document (a DOM only: no scripts run, nothing loaded; several times faster than jsdom),
 * the article's HTML to the reader's text (headings, list items, block quotes and paragraphs each on their own
 * line), and the page's facts (title, authors, site, date, canonical URL, language, direction). When Readability
 * finds no article the whole page's text is kept and the analyst is told.
 */

export interface ExtractedArticle extends ArticleMeta {
  text: string;
  /** True when Readability found the article; false when the text is the whole page. */
  extracted: boolean;
}

/** An article shorter than this many characters is not believed: the whole page is kept instead. */
const MIN_ARTICLE_CHARS = 200;

function rawFacts(doc: Document): Omit<RawPageFacts, 'readability'> & { byline: string } {
  const metas: Record<string, string> = {};
  for (const el of doc.querySelectorAll('meta')) {
    const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? el.getAttribute('http-equiv') ?? '').toLowerCase();
    const content = el.getAttribute('content') ?? '';
    if (key && content && !(key in metas)) metas[key] = content;
  }
  return {
    jsonLd: [...doc.querySelectorAll('script[type="application/ld+json"]')].map((s) => s.textContent ?? '').slice(0, 20),
    metas,
    canonical: doc.querySelector('link[rel~="canonical"]')?.getAttribute('href') ?? '',
    times: [...doc.querySelectorAll('time[datetime]')].map((t) => t.getAttribute('datetime') ?? '').slice(0, 20),
    htmlLang: doc.documentElement.getAttribute('lang') ?? doc.documentElement.getAttribute('xml:lang') ?? '',
    htmlDir: doc.documentElement.getAttribute('dir') ?? doc.body?.getAttribute('dir') ?? '',
    titleTag: doc.title ?? '',
    byline: (doc.querySelector('[rel~="author"], [itemprop="author"], .byline, .author')?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 200),
  };
}

/** The extracted text without a first paragraph that only repeats the title (the title is kept as metadata). */
function withoutTitleLine(text: string, title: string): string {
  const first = text.split('\n', 1)[0];
  const norm = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();
  return title && norm(first) === norm(title) ? text.slice(first.length).replace(/^\n+/, '') : text;
}

export function extractArticle(html: string): ExtractedArticle {
  // linkedom builds a DOM and nothing else: no scripts run, nothing is fetched, no layout.
  const pruned = prunePage(html);
  const doc = parseHTML(pruned.html).document as unknown as Document;
  {
    const facts = { ...rawFacts(doc), jsonLd: pruned.jsonLd.slice(0, 20) };
    const parsed = new Readability(doc, { charThreshold: 300, keepClasses: false }).parse();
    const articleText = parsed?.content ? withoutTitleLine(htmlToText(parsed.content).text, parsed.title ?? '') : '';
    const extracted = articleText.replace(/\s+/g, '').length >= MIN_ARTICLE_CHARS;
    const text = extracted ? articleText : htmlToText(html).text;
    const meta = pickArticleMeta(
      {
        ...facts,
        readability: {
          title: parsed?.title ?? '',
          byline: parsed?.byline || facts.byline,
          siteName: parsed?.siteName ?? '',
          publishedTime: parsed?.publishedTime ?? '',
          lang: parsed?.lang ?? '',
          dir: parsed?.dir ?? '',
        },
      },
      text,
    );
    return { ...meta, text, extracted };
  }
}
