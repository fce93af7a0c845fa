import { test, expect } from './fixtures';
import { dragSelect } from './reader-helpers';

const EFE = /Putin warns of buildup/;

test('margin marks follow the view, also when every paragraph is above it, without a page error', async ({ page, notebook: _ }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.getByRole('option', { name: EFE }).click();
  await expect(page.getByRole('main', { name: 'Reader' }).getByRole('heading', { level: 1 })).toHaveText(EFE);
  await dragSelect(page, 'Islamic State (IS) alone has about 2,000 members');
  await page.keyboard.press('h');
  const marks = page.locator('.margin-mark');
  await expect(marks).toHaveCount(1);

  // Room below the article, three screens tall, then scroll to the end: every paragraph is more than a screen above
  // the view, so no highlight is in it.
  await page.evaluate(() => {
    let el: HTMLElement | null = document.querySelector('[data-testid="article-text"]');
    while (el && !(el.scrollHeight > el.clientHeight && /auto|scroll/.test(getComputedStyle(el).overflowY))) el = el.parentElement;
    if (!el) throw new Error('the reader has no scrolling container');
    const room = document.createElement('div');
    room.style.height = `${el.clientHeight * 3}px`;
    room.dataset.testid = 'room-below';
    el.appendChild(room);
    el.scrollTop = el.scrollHeight;
    el.dispatchEvent(new Event('scroll'));
  });
  await expect(marks).toHaveCount(0);

  await page.evaluate(() => {
    const room = document.querySelector<HTMLElement>('[data-testid="room-below"]')!;
    const scroller = room.parentElement!;
    room.remove();
    scroller.scrollTop = 0;
    scroller.dispatchEvent(new Event('scroll'));
  });
  await dragSelect(page, 'Islamic State (IS) alone has about 2,000 members');
  await expect(marks).toHaveCount(1);
  expect(errors).toEqual([]);
});
