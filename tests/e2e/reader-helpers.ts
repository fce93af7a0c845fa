import type { Page } from '@playwright/test';

/** Screen points at the start of the first and the end of the last character of `phrase` in the article. */
export async function phrasePoints(page: Page, phrase: string, occurrence = 0) {
  return page.evaluate(
    ({ phrase, occurrence }) => {
      const root = document.querySelector('[data-testid="article-text"]')!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        let at = node.data.indexOf(phrase);
        while (at >= 0) {
          if (seen++ === occurrence) {
            node.parentElement!.scrollIntoView({ block: 'center' });
            const first = document.createRange();
            first.setStart(node, at);
            first.setEnd(node, at + 1);
            const last = document.createRange();
            last.setStart(node, at + phrase.length - 1);
            last.setEnd(node, at + phrase.length);
            const a = first.getBoundingClientRect();
            const b = last.getBoundingClientRect();
            return { start: { x: a.left + 1, y: a.top + a.height / 2 }, end: { x: b.right - 1, y: b.top + b.height / 2 }, middle: { x: (a.left + b.right) / 2, y: a.top + a.height / 2 } };
          }
          at = node.data.indexOf(phrase, at + 1);
        }
      }
      throw new Error(`"${phrase}" is not in the article`);
    },
    { phrase, occurrence },
  );
}

/** Select `phrase` in the reader by dragging the mouse across it, as an analyst would. */
export async function dragSelect(page: Page, phrase: string, occurrence = 0): Promise<void> {
  const { start, end } = await phrasePoints(page, phrase, occurrence);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move((start.x + end.x) / 2, end.y, { steps: 4 });
  await page.mouse.move(end.x, end.y, { steps: 4 });
  await page.mouse.up();
}

/** The text of every range painted as a highlight (CSS Custom Highlight API), sorted. */
export async function paintedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    CSS.highlights.forEach((highlight, name) => {
      if (!/^nb-[0-9a-f]{6}-\d$/.test(name)) return;
      highlight.forEach((r) => {
        // Painted ranges are StaticRanges (no toString): read their text through a live Range.
        const range = document.createRange();
        range.setStart((r as AbstractRange).startContainer, (r as AbstractRange).startOffset);
        range.setEnd((r as AbstractRange).endContainer, (r as AbstractRange).endOffset);
        out.push(range.toString());
      });
    });
    return out.sort();
  });
}

export async function currentSelection(page: Page): Promise<string> {
  return page.evaluate(() => window.getSelection()?.toString() ?? '');
}
