/** Built-in gazetteer: actors of this corpus (Russia, the CIS and the CSTO on Afghanistan) that the lexicon lacks. */
import { isEntityKind, type TagKind } from '../model';

export interface KnownEntity {
  name: string;
  kind: Exclude<TagKind, 'theme' | 'other'>;
  aliases: string[];
}

import enData from './data/known-entities.en.json' with { type: 'json' };
import ruData from './data/known-entities.ru.json' with { type: 'json' };

/** The entries of a data file; a kind that is not an entity kind is a mistake in the file, refused at load. */
function entities(data: { entities: Array<{ name: string; kind: string; aliases: string[] }> }): readonly KnownEntity[] {
  return data.entities.map((e) => {
    if (!isEntityKind(e.kind)) throw new Error(`Gazetteer entry "${e.name}" has kind "${e.kind}", not person, organisation, place or group.`);
    return { name: e.name, kind: e.kind, aliases: e.aliases };
  });
}

/** The gazetteer's English names (data file). */
export const KNOWN_ENTITIES: readonly KnownEntity[] = entities(enData);

/** The Russian forms of the gazetteer (data file): abbreviations with expansions, English names as aliases. */
export const KNOWN_ENTITIES_RU: readonly KnownEntity[] = entities(ruData);
