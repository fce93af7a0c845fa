import { readFileSync } from 'node:fs';
import { suggestEntities } from './core/suggest/entities';
import { defaultCodebook } from './core/tags/default-codebook';
const text = readFileSync('tests/fixtures/russian/csto-article.txt', 'utf8');
const ss = suggestEntities(text, { tags: defaultCodebook('2024-01-01T00:00:00Z'), highlights: [] });
console.log(ss.map((s) => `${s.kind} ${s.text} -> ${s.proposedName} ${s.tagId ?? ''}`).join('\n'));
