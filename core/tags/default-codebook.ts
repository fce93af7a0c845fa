/**
 * The codebook a new notebook starts with, the tag colour palette, and small helpers over the tag tree.
 *
 * Where themes live: under a top-level "Themes" parent, a sibling of People, Organisations, Places and Groups.
 * The top level then holds only five categories, and a retrieval query for `Themes` returns every thematically
 * coded passage (a tag includes its descendants), just as `People` returns every coded person.
 */
import { DEFAULT_HIGHLIGHT_COLOR, type Highlight, type Tag, type TagKind } from '../model';
import { lineageOf, tagsById } from './lineage';

/**
 * Twelve distinct hues for tags. Each one, drawn as a highlight background, keeps dark reader text at >= 7:1
 * (WCAG AAA) in light mode; in dark mode `highlightBackground` blends it into the dark page so that light text keeps
 * >= 4.5:1. The first is the app's default highlight yellow.
 */
export const TAG_PALETTE: readonly string[] = [
  DEFAULT_HIGHLIGHT_COLOR, // yellow
  '#f9a65a', // orange
  '#f28b82', // coral red
  '#f48fb1', // pink
  '#d7aefb', // lavender
  '#aecbfa', // blue
  '#78d9ec', // cyan
  '#7ee0c0', // teal
  '#a8e07a', // green
  '#dce775', // lime
  '#e6c9a8', // sand
  '#c4c9d0', // grey
];

/** The reader colours the palette was checked against (the renderer should use the same). */
export const READER_COLORS = {
  light: { background: '#ffffff', text: '#1a1a1a' },
  dark: { background: '#1e1e1e', text: '#ececec' },
} as const;

/** Share of the tag colour in a dark-mode highlight; the rest is the dark page. */
export const DARK_HIGHLIGHT_ALPHA = 0.38;

/** Ids of the default parents: stable, so the backend and suggestions can find them. */
export const CATEGORY_TAG_IDS = {
  people: 'tag-people',
  organisations: 'tag-organisations',
  places: 'tag-places',
  groups: 'tag-groups',
  themes: 'tag-themes',
} as const;

const CATEGORY_ID_SET: ReadonlySet<string> = new Set(Object.values(CATEGORY_TAG_IDS));

/** The category under which a new tag of each kind goes by default ('other' goes to the top level). */
const CATEGORY_FOR_KIND: Record<TagKind, string | null> = {
  person: CATEGORY_TAG_IDS.people,
  organisation: CATEGORY_TAG_IDS.organisations,
  place: CATEGORY_TAG_IDS.places,
  group: CATEGORY_TAG_IDS.groups,
  theme: CATEGORY_TAG_IDS.themes,
  other: null,
};

interface Seed {
  id: string;
  name: string;
  kind: TagKind;
  parentId: string | null;
  description: string;
  aliases: string[];
}

const SEEDS: readonly Seed[] = [
  {
    id: CATEGORY_TAG_IDS.people,
    name: 'People',
    kind: 'person',
    parentId: null,
    description: 'Named people: leaders, ministers, officials, experts. Each person is a tag under this one.',
    aliases: [],
  },
  {
    id: CATEGORY_TAG_IDS.organisations,
    name: 'Organisations',
    kind: 'organisation',
    parentId: null,
    description: 'States’ alliances, institutions, ministries, agencies and media (e.g. CSTO, CIS, NATO, TASS).',
    aliases: [],
  },
  {
    id: CATEGORY_TAG_IDS.places,
    name: 'Places',
    kind: 'place',
    parentId: null,
    description: 'Countries, regions, provinces and cities (e.g. Tajikistan, Central Asia, Kabul).',
    aliases: [],
  },
  {
    id: CATEGORY_TAG_IDS.groups,
    name: 'Groups',
    kind: 'group',
    parentId: null,
    description: 'Movements and armed or militant groups (e.g. the Taliban, Islamic State, Al-Qaeda).',
    aliases: [],
  },
  {
    id: CATEGORY_TAG_IDS.themes,
    name: 'Themes',
    kind: 'theme',
    parentId: null,
    description: 'What a passage is about. Query "Themes" to retrieve every thematically coded passage.',
    aliases: [],
  },
  {
    id: 'tag-theme-refugees',
    name: 'Refugees',
    kind: 'theme',
    parentId: CATEGORY_TAG_IDS.themes,
    description: 'Refugee flows, evacuations, asylum and visas; fears of militants arriving among refugees.',
    aliases: ['refugee', 'migrants', 'evacuation'],
  },
  {
    id: 'tag-theme-drugs',
    name: 'Drugs',
    kind: 'theme',
    parentId: CATEGORY_TAG_IDS.themes,
    description: 'Drug production and trafficking: opium, opiates, poppy cultivation, anti-drug cooperation.',
    aliases: ['drug trafficking', 'narcotics', 'opiates'],
  },
  {
    id: 'tag-theme-border',
    name: 'Border',
    kind: 'theme',
    parentId: CATEGORY_TAG_IDS.themes,
    description: 'Borders and their protection: the Afghan-Tajik border, border guards, crossings, cross-border threats.',
    aliases: ['borders', 'border security'],
  },
  {
    id: 'tag-theme-terrorism',
    name: 'Terrorism',
    kind: 'theme',
    parentId: CATEGORY_TAG_IDS.themes,
    description: 'Terrorist and extremist threats, militants, counter-terrorism.',
    aliases: ['terrorist', 'extremism', 'counter-terrorism'],
  },
  {
    id: 'tag-theme-humanitarian-aid',
    name: 'Humanitarian aid',
    kind: 'theme',
    parentId: CATEGORY_TAG_IDS.themes,
    description: 'Food, basic necessities and other humanitarian assistance to Afghanistan and its people.',
    aliases: ['humanitarian assistance', 'aid'],
  },
  {
    id: 'tag-theme-diplomacy',
    name: 'Diplomacy',
    kind: 'theme',
    parentId: CATEGORY_TAG_IDS.themes,
    description: 'Talks, summits, formats (e.g. the Moscow format, the extended troika), recognition of the Taliban.',
    aliases: ['talks', 'negotiations'],
  },
];

/** The starting codebook of a new notebook, each tag with its own palette colour. Deterministic but for createdAt. */
export function defaultCodebook(createdAt: string): Tag[] {
  return SEEDS.map((s, i) => ({ ...s, aliases: [...s.aliases], color: TAG_PALETTE[i % TAG_PALETTE.length], createdAt }));
}

/** True for the default parents (People, Organisations, Places, Groups, Themes): categories, not entities. */
export function isCategoryTag(tag: Pick<Tag, 'id'>): boolean {
  return CATEGORY_ID_SET.has(tag.id);
}

/** The parent a new tag of this kind goes under: the default category if it still exists, else the top level. */
export function defaultParentId(tags: readonly Tag[], kind: TagKind): string | null {
  const id = CATEGORY_FOR_KIND[kind];
  return id !== null && tags.some((t) => t.id === id) ? id : null;
}

/** Names from the root down to the tag, e.g. ['Places', 'Kabul']; [] for an unknown id. Safe against cycles. */
export function tagPath(tags: readonly Tag[], id: string): string[] {
  return lineageOf(tagsById(tags), id)
    .map((t) => t.name)
    .reverse();
}

/** The palette colour used by the fewest tags (the earliest in the palette on a tie): new tags stay distinct. */
export function nextColor(tags: readonly Tag[]): string {
  const uses = new Map<string, number>(TAG_PALETTE.map((c) => [c, 0]));
  for (const t of tags) {
    const c = t.color.toLowerCase();
    if (uses.has(c)) uses.set(c, (uses.get(c) ?? 0) + 1);
  }
  let best = TAG_PALETTE[0];
  for (const c of TAG_PALETTE) if ((uses.get(c) ?? 0) < (uses.get(best) ?? 0)) best = c;
  return best;
}

/** A highlight's colour follows its first tag that still exists; untagged highlights use the default yellow. */
export function highlightColor(highlight: Pick<Highlight, 'tagIds'>, tagsById: ReadonlyMap<string, Tag>): string {
  for (const id of highlight.tagIds) {
    const t = tagsById.get(id);
    if (t) return t.color;
  }
  return DEFAULT_HIGHLIGHT_COLOR;
}

function channels(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

function toHex(rgb: readonly number[]): string {
  return '#' + rgb.map((v) => Math.round(Math.max(0, Math.min(255, v))).toString(16).padStart(2, '0')).join('');
}

/** WCAG relative luminance of a #rrggbb colour. */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = channels(hex).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio between two #rrggbb colours, 1..21. */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/**
 * The solid background to paint a highlight of this tag colour: the colour itself in light mode; in dark mode the
 * colour blended into the dark page (DARK_HIGHLIGHT_ALPHA), so light reader text stays readable on it.
 */
export function highlightBackground(color: string, scheme: 'light' | 'dark'): string {
  if (scheme === 'light') return color.toLowerCase();
  const fg = channels(color);
  const bg = channels(READER_COLORS.dark.background);
  return toHex(fg.map((v, i) => v * DARK_HIGHLIGHT_ALPHA + bg[i] * (1 - DARK_HIGHLIGHT_ALPHA)));
}
