import { Parser } from 'htmlparser2';

/**
 * One streaming pass over a saved page before it becomes a DOM: drops what is never article text (scripts, styles,
 * SVG, embedded content, forms, navigation, asides) and the boxes Readability would discard anyway (class or id
 * naming comments, related links, share bars, newsletters ...), and collects the JSON-LD blocks on the way. A 1 MB
 * page is mostly such matter, so the DOM built from what remains is a fraction of the size (and Readability's
 * work with it). Pure string in, string out.
 */

const DROPPED_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'math',
  'canvas', 'audio', 'video', 'form', 'button', 'select', 'textarea', 'input', 'dialog', 'nav', 'aside',
]);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/** Readability's unlikely candidates, and the boxes news pages put in the article body. */
const UNLIKELY = /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|share|newsletter|subscri|signup|author-?box|teaser|inject|read-?also|promo|cookie|tags?-links|kicker|paywall/i;
const MAYBE = /and|article|body|column|content|main|mathjax|shadow/i;
const UNLIKELY_ROLES = new Set(['menu', 'menubar', 'complementary', 'navigation', 'alert', 'alertdialog', 'dialog']);
const KEPT_ALWAYS = new Set(['html', 'head', 'body', 'article', 'main', 'a', 'title', 'meta', 'link']);

const attr = (v: string): string => v.replace(/&(?![#A-Za-z0-9]+;)/g, '&amp;').replace(/"/g, '&quot;');

export interface PrunedPage {
  html: string;
  /** The text of every <script type="application/ld+json">. */
  jsonLd: string[];
}

export function prunePage(html: string): PrunedPage {
  const out: string[] = [];
  const jsonLd: string[] = [];
  let dropDepth = 0;
  let inLd = false;
  let ld = '';
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (dropDepth > 0) {
          if (!VOID.has(name)) dropDepth++;
          return;
        }
        if (name === 'script' && (attrs.type ?? '').toLowerCase() === 'application/ld+json') {
          inLd = true;
          ld = '';
        }
        const names = `${attrs.class ?? ''} ${attrs.id ?? ''}`;
        const drop =
          DROPPED_TAGS.has(name) ||
          (!KEPT_ALWAYS.has(name) && names.trim() !== '' && UNLIKELY.test(names) && !MAYBE.test(names)) ||
          (!KEPT_ALWAYS.has(name) && UNLIKELY_ROLES.has((attrs.role ?? '').toLowerCase())) ||
          'hidden' in attrs;
        if (drop) {
          if (!VOID.has(name)) dropDepth = 1;
          return;
        }
        let tag = `<${name}`;
        for (const [k, v] of Object.entries(attrs)) if (!k.startsWith('on') && /^[a-z_:][-a-z0-9_:.]*$/i.test(k)) tag += ` ${k}="${attr(v)}"`;
        out.push(`${tag}>`);
      },
      ontext(text) {
        if (inLd) ld += text;
        if (dropDepth === 0) out.push(text);
      },
      onclosetag(name, implied) {
        if (inLd && name === 'script') {
          inLd = false;
          jsonLd.push(ld);
        }
        if (dropDepth > 0) {
          if (!VOID.has(name)) dropDepth--;
          return;
        }
        if (!VOID.has(name) || !implied) if (!VOID.has(name)) out.push(`</${name}>`);
      },
    },
    { decodeEntities: false, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  return { html: out.join(''), jsonLd };
}
