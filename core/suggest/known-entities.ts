/** Built-in gazetteer: actors of this corpus (Russia, the CIS and the CSTO on Afghanistan) that the lexicon lacks. */
import type { TagKind } from '../model';

export interface KnownEntity {
  name: string;
  kind: Exclude<TagKind, 'theme' | 'other'>;
  aliases: string[];
}

export const KNOWN_ENTITIES: readonly KnownEntity[] = [
  { name: 'CSTO', kind: 'organisation', aliases: ['Collective Security Treaty Organization', 'Collective Security Treaty Organisation'] },
  { name: 'CIS', kind: 'organisation', aliases: ['Commonwealth of Independent States'] },
  { name: 'SCO', kind: 'organisation', aliases: ['Shanghai Cooperation Organization', 'Shanghai Cooperation Organisation'] },
  { name: 'NATO', kind: 'organisation', aliases: ['North Atlantic Treaty Organization'] },
  { name: 'United Nations', kind: 'organisation', aliases: ['UN'] },
  { name: 'European Union', kind: 'organisation', aliases: ['EU'] },
  { name: 'OSCE', kind: 'organisation', aliases: [] },
  { name: 'UNHCR', kind: 'organisation', aliases: [] },
  { name: 'Kremlin', kind: 'organisation', aliases: [] },
  { name: 'TASS', kind: 'organisation', aliases: [] },
  { name: 'EFE', kind: 'organisation', aliases: [] },
  { name: 'RT', kind: 'organisation', aliases: [] },
  { name: 'Sputnik', kind: 'organisation', aliases: [] },
  { name: 'Reuters', kind: 'organisation', aliases: [] },
  { name: 'MGIMO', kind: 'organisation', aliases: [] },
  { name: 'Taliban', kind: 'group', aliases: ['Taleban'] },
  { name: 'Islamic State', kind: 'group', aliases: ['IS', 'ISIS', 'ISIL', 'IG', 'Daesh'] },
  { name: 'Islamic State Khorasan Province', kind: 'group', aliases: ['ISIS-K', 'ISKP', 'IS-K'] },
  { name: 'Al-Qaeda', kind: 'group', aliases: ['Al Qaeda', 'al-Qaida', 'Al-Qaida'] },
  { name: 'Islamic Movement of Uzbekistan', kind: 'group', aliases: ['IMU'] },
  { name: 'Islamic Party of Turkestan', kind: 'group', aliases: ['Turkestan Islamic Party'] },
  { name: 'Jamaat Ansarullah', kind: 'group', aliases: [] },
  { name: 'Haqqani network', kind: 'group', aliases: [] },
  { name: 'Hizb ut-Tahrir', kind: 'group', aliases: [] },
  { name: 'National Resistance Front', kind: 'group', aliases: [] },
  { name: 'Russian Federation', kind: 'place', aliases: [] },
  { name: 'United States', kind: 'place', aliases: ['US', 'USA', 'U.S.', 'United States of America'] },
  { name: 'Central Asia', kind: 'place', aliases: [] },
  { name: 'South Asia', kind: 'place', aliases: [] },
  { name: 'Middle East', kind: 'place', aliases: [] },
  { name: 'Eurasia', kind: 'place', aliases: [] },
  { name: 'Donbas', kind: 'place', aliases: ['Donbass'] },
  { name: 'Balkh', kind: 'place', aliases: [] },
  { name: 'Jawzjan', kind: 'place', aliases: [] },
  { name: 'Panjshir', kind: 'place', aliases: [] },
  { name: 'Kunduz', kind: 'place', aliases: [] },
  { name: 'Badakhshan', kind: 'place', aliases: [] },
  { name: 'Herat', kind: 'place', aliases: [] },
  { name: 'Mazar-i-Sharif', kind: 'place', aliases: [] },
  { name: 'Termez', kind: 'place', aliases: [] },
  { name: 'Bishkek', kind: 'place', aliases: [] },
  { name: 'Ashgabat', kind: 'place', aliases: [] },
  { name: 'Nur-Sultan', kind: 'place', aliases: [] },
];

import ruData from './data/known-entities.ru.json' with { type: 'json' };

/** The Russian forms of the gazetteer (data file): abbreviations with expansions, English names as aliases. */
export const KNOWN_ENTITIES_RU: readonly KnownEntity[] = ruData.entities.map((e) => ({ name: e.name, kind: e.kind as KnownEntity['kind'], aliases: e.aliases }));
