/** Built-in gazetteer: actors of this corpus (Russia, the CIS and the CSTO on Afghanistan) that the lexicon lacks. */
import { isEntityKind, type TagKind } from '../model';
import { namesMatch } from '../names/name-key';
import { hasCyrillic } from '../names/script';

export interface KnownEntity {
  name: string;
  kind: Exclude<TagKind, 'theme' | 'other'>;
  aliases: string[];
}

import enData from './data/known-entities.en.json' with { type: 'json' };
import ruData from './data/known-entities.ru.json' with { type: 'json' };
import ukData from './data/known-entities.uk.json' with { type: 'json' };
import uzData from './data/known-entities.uz.json' with { type: 'json' };
import tgData from './data/known-entities.tg.json' with { type: 'json' };

/** The entries of a data file; a kind that is not an entity kind is a mistake in the file, refused at load. */
function entities(data: { entities: Array<{ name: string; kind: string; aliases: string[] }> }): readonly KnownEntity[] {
  return data.entities.map((e) => {
    if (!isEntityKind(e.kind)) throw new Error(`Gazetteer entry "${e.name}" has kind "${e.kind}", not person, organisation, place or group.`);
    return { name: e.name, kind: e.kind, aliases: e.aliases };
  });
}

/** The gazetteer's English names (data file). */
export const KNOWN_ENTITIES: readonly KnownEntity[] = entities(enData);

/**
 * The Cyrillic forms of the gazetteer (data files): Russian, Ukrainian, Uzbek and Tajik names, abbreviations with
 * their expansions, English (and Russian) names as aliases.
 */
export const KNOWN_ENTITIES_RU: readonly KnownEntity[] = withNeighbours(entities(ruData), [...entities(ukData), ...entities(uzData), ...entities(tgData)]);

/**
 * The Russian entries, then the neighbours' entries whose names the Russian ones do not already find (Ўзбекистон and
 * Раҳмон key like Узбекистан and Рахмон, so the Russian entry finds them in every form), without the aliases a Russian
 * entry has (one entity, not two competing for a mention).
 */
function withNeighbours(ru: readonly KnownEntity[], others: readonly KnownEntity[]): KnownEntity[] {
  const out = [...ru];
  // Only Cyrillic forms find Cyrillic mentions (Russia keys like Русия, yet the Russian entry would not find it).
  const ruForms = ru.flatMap((r) => [r.name, ...r.aliases].filter(hasCyrillic).map((n) => ({ kind: r.kind, n })));
  const covered = (e: KnownEntity, form: string) => ruForms.some((r) => r.kind === e.kind && namesMatch(r.n, form));
  for (const e of others) {
    if (covered(e, e.name)) continue;
    out.push({ ...e, aliases: e.aliases.filter((a) => !covered(e, a)) });
  }
  return out;
}
