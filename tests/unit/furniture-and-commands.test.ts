import { describe, expect, it } from 'vitest';
import { detectFurniture } from '../../core/furniture';
import { layoutBlocks } from '../../core/segments';
import { formatAccelerator, matchesAccelerator } from '../../core/commands';

describe('page furniture', () => {
  const text = 'logo\n\n  • Home\n  • About\nA real paragraph about the CSTO.\n\nRating: 4.0/5. From 8 votes.\nPlease wait...\n© 2021 EFE News Services\n---';
  it('finds menus, ratings, separators and copyright lines but not prose', () => {
    const lines = detectFurniture(text).map(([a, b]) => text.slice(a, b));
    expect(lines).toEqual(['logo', '• Home', '• About', 'Rating: 4.0/5. From 8 votes.', 'Please wait...', '© 2021 EFE News Services', '---']);
  });
  it('adds exact lines named by the manifest', () => {
    const lines = detectFurniture('Prose.\nGet Yours!\nMore prose.', ['Get Yours!']).map(([a, b]) => b - a);
    expect(lines).toEqual(['Get Yours!'.length]);
  });
  it('lays blocks out so that every character maps to one segment', () => {
    const blocks = layoutBlocks(text, detectFurniture(text));
    for (const block of blocks) {
      const joined = block.segments.map((s) => text.slice(s.start, s.end)).join('');
      expect(joined).toBe(text.slice(block.start, block.end));
    }
    expect(blocks.find((b) => text.slice(b.start, b.end).startsWith('A real'))?.furniture).toBe(false);
    expect(blocks.find((b) => text.slice(b.start, b.end).includes('Home'))?.furniture).toBe(true);
  });
});

describe('shortcuts', () => {
  const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}) => ({
    key: k,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    shiftKey: false,
    ...mods,
  });
  it('matches CmdOrCtrl to Ctrl elsewhere and Cmd on macOS', () => {
    expect(matchesAccelerator('CmdOrCtrl+=', key('=', { ctrlKey: true }), false)).toBe(true);
    expect(matchesAccelerator('CmdOrCtrl+=', key('=', { metaKey: true }), true)).toBe(true);
    expect(matchesAccelerator('CmdOrCtrl+=', key('=', { metaKey: true }), false)).toBe(false);
    expect(matchesAccelerator('CmdOrCtrl+=', key('=', { ctrlKey: true, shiftKey: true }), false)).toBe(false);
    expect(matchesAccelerator('Alt+Down', key('ArrowDown', { altKey: true }), false)).toBe(true);
    expect(matchesAccelerator('CmdOrCtrl+Shift+Plus', key('+', { ctrlKey: true, shiftKey: true }), false)).toBe(true);
  });
  it('formats for each platform', () => {
    expect(formatAccelerator('CmdOrCtrl+Shift+S', false)).toBe('Ctrl+Shift+S');
    expect(formatAccelerator('CmdOrCtrl+Shift+S', true)).toBe('⌘⇧S');
  });
});

describe('one meaning per shortcut', () => {
  it('no key means one thing in the notes editor and another in the rest of the app', async () => {
    const { shortcutConflicts } = await import('../../core/commands');
    expect(shortcutConflicts()).toEqual([]);
  });
  it('finds a clash when there is one (the checker can fail)', async () => {
    const { normaliseAccelerator } = await import('../../core/commands');
    expect(normaliseAccelerator('Shift+CmdOrCtrl+k')).toBe(normaliseAccelerator('CmdOrCtrl+Shift+K'));
    expect(normaliseAccelerator('CmdOrCtrl+E')).not.toBe(normaliseAccelerator('CmdOrCtrl+Shift+E'));
  });
});
