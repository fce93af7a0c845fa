import { describe, expect, it } from 'vitest';
import type { Tag } from '../../core/model';
import { defaultCodebook } from '../../core/tags/default-codebook';
import { createTag, moveTag } from '../../core/tags/codebook';
import { enterAction, exactTagMatches, guessKind } from '../../core/tags/match';

const base = (): Tag[] => defaultCodebook('2026-01-01T00:00:00.000Z');
const add = (tags: Tag[], id: string, name: string, parentId: string | null, kind?: Tag['kind'], aliases: string[] = []) =>
  createTag(tags, { id, name, parentId, kind, aliases, createdAt: 'x' }).tags;

describe('the tag picker’s Enter rule', () => {
  const tags = add(add(base(), 't-rahmon', 'Emomali Rahmon', 'tag-people', 'person', ['Rahmon']), 't-imu', 'Islamic Movement of Uzbekistan', 'tag-groups', 'group', ['IMU']);

  it('applies a tag only when the text is its name or an alias, ignoring case and accents', () => {
    expect(enterAction(tags, 'terrorism', true)).toMatchObject({ type: 'apply', tag: { name: 'Terrorism' } });
    expect(enterAction(tags, '  TÉRRORISM ', true)).toMatchObject({ type: 'apply', tag: { name: 'Terrorism' } });
    expect(enterAction(tags, 'imu', true)).toMatchObject({ type: 'apply', tag: { id: 't-imu' } });
  });

  it('offers to create a new name instead of a fuzzy hit (the names of the review)', () => {
    for (const name of ['CIS', 'Iran', 'SCO', 'NATO']) expect(enterAction(tags, name, true)).toEqual({ type: 'create', name });
    expect(enterAction(tags, 'terr', true)).toEqual({ type: 'create', name: 'terr' });
    expect(enterAction(tags, 'terr', false)).toEqual({ type: 'none' });
    expect(exactTagMatches(tags, 'Rahm')).toEqual([]);
  });

  it('guesses the kind of a new tag from the known actors, never from the last one created', () => {
    expect(guessKind('CIS')).toBe('organisation');
    expect(guessKind('islamic state')).toBe('group');
    expect(guessKind('Herat')).toBe('place');
    expect(guessKind('water')).toBe('theme');
  });
});

describe('a tag’s kind follows its place in the tree', () => {
  it('a place moved under Groups becomes a group, with its sub-tags, and moving back restores it', () => {
    let tags = add(base(), 't-is', 'Islamic State', 'tag-places', 'place');
    tags = add(tags, 't-isk', 'ISIS-K', 't-is', 'place');
    const moved = moveTag(tags, 't-is', 'tag-groups');
    expect(moved.tag.kind).toBe('group');
    expect(moved.tags.find((t) => t.id === 't-isk')?.kind).toBe('group');
    expect(moved.summary).toContain('now a group');
    const back = moveTag(moved.tags, 't-is', 'tag-places');
    expect(back.tags.find((t) => t.id === 't-is')?.kind).toBe('place');
  });

  it('keeps a kind the analyst set', () => {
    const tags = add(base(), 't-x', 'Kabul airport', 'tag-groups', 'place');
    expect(moveTag(tags, 't-x', 'tag-organisations').tag.kind).toBe('place');
  });

  it('a new sub-tag takes its parent’s kind unless one is given', () => {
    expect(createTag(base(), { id: 't-y', name: 'Putin', parentId: 'tag-people', createdAt: 'x' }).tag.kind).toBe('person');
  });
});
