import { htmlToText } from '../../../core/import';
import type { SourceMeta } from '../../../core/model';
import { NotebookError } from '../errors';
import { decodeText } from './decode';
import { extractArticle } from './html';
import { readOriginal } from './originals';
import { sentence } from '../../../core/i18n/message-text';

/**
 * "Show the whole page" and back: a web source's text made again from the page kept beside it, either the whole
 * page's text (when Readability cut something the analyst needs) or the article. The service then replaces the
 * text as a re-import does, so highlights follow their passages.
 */
export async function textFromOriginal(dataDir: string, meta: SourceMeta, mode: 'whole-page' | 'article'): Promise<string> {
  if (meta.kind !== 'html') throw new NotebookError(sentence('backend.page.notWeb', { title: meta.title }));
  const bytes = await readOriginal(dataDir, meta);
  if (!bytes) throw new NotebookError(sentence('backend.page.missing', { title: meta.title }));
  const { text: html } = decodeText(meta.originalFile || 'page.html', bytes);
  const text = mode === 'whole-page' ? htmlToText(html).text : extractArticle(html).text;
  if (!text.trim()) throw new NotebookError(sentence('backend.page.noText', { title: meta.title }));
  return text;
}

/** The original file's bytes (a PDF for the page view), base64. */
export async function originalBase64(dataDir: string, meta: SourceMeta): Promise<{ kind: string; base64: string }> {
  const bytes = await readOriginal(dataDir, meta);
  if (!bytes) throw new NotebookError(sentence('backend.page.noOriginal', { title: meta.title }));
  return { kind: meta.kind ?? '', base64: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64') };
}
