/**
 * Attribution suggestions, offline (issue 17): who said what in an article, from rules alone.
 *
 *  - quoted spans (“…”, "…", across paragraphs as wire copy does) with a reporting frame after them
 *    ("…,” the Russian leader stressed; "…," said Uzbek President Shavkat Mirziyoyev), or continuing a framed quote;
 *  - reported speech: NAME said/stressed/warned/noted (that) …; According to NAME, …; As NAME said …, …;
 *    …, NAME noted.; This was stated by NAME; …, adding/noting that … (the same speaker);
 *  - speakers resolved through the article: names (people and organisations, from the entity suggester), pronouns
 *    (he/she: the latest person of that gender), and role phrases ("the Russian leader", "the expert") to the latest
 *    named person with that role and nationality;
 *  - the date said from the frame ("on Friday", "the day before") against the publication date, and the occasion
 *    ("during an online meeting of …").
 * Pure: offsets are UTF-16 indices into the text as stored.
 */
import { suggestEntities } from '../suggest/entities';
import { resolveDateSaid } from './dates';
import type { StatementMode } from './model';

export interface SpeakerMention {
  start: number;
  end: number;
  /** The entity's name, normalised to the fullest form in the article ("Putin" -> "Vladimir Putin"). */
  name: string;
  kind: 'person' | 'organisation';
}

export interface AttributionSuggestion {
  /** Stable while the text is unchanged. */
  key: string;
  start: number;
  end: number;
  text: string;
  speakerName: string;
  speakerKind: 'person' | 'organisation';
  mode: StatementMode;
  dateSaid: string;
  occasion: string;
  /** Which rule found it, for the list ("quote", "reported", "according to" …). */
  cue: string;
}

const VERB_WORDS = [
  'said', 'says', 'stated', 'stressed', 'warned', 'noted', 'added', 'told', 'argued', 'insisted', 'believes', 'believed',
  'recalled', 'explained', 'indicated', 'announced', 'reiterated', 'called', 'described', 'emphasized', 'emphasised',
  'concluded', 'drew attention to', 'spoke of', 'lambasted', 'assured', 'confirmed', 'reported', 'urged', 'claimed',
  'declared', 'pointed out', 'underlined', 'underscored', 'admitted', 'acknowledged', 'suggested', 'promised', 'vowed',
  'predicted', 'replied', 'insists', 'warns', 'notes', 'adds', 'stresses', 'explains',
];
const VERBS = `(?:${VERB_WORDS.map((v) => v.replace(/ /g, '\\s+')).join('|')})`;
const VERB_RE = new RegExp(`\\b${VERBS}\\b`, 'gi');
const PARTICIPLE_RE = /,\s+(noting|adding|saying|stressing|warning|recalling|explaining|emphasizing|emphasising|underscoring|insisting)\b(\s+that\b)?/gi;
const ADVERBS = /(?:\s+(?:also|then|reportedly|earlier|repeatedly|sternly|has|had|have|further|previously|once again|again|firmly|clearly|was quoted as|is quoted as|has been quoted as|in turn|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today))+\s*$/i;
const NATIONALITIES: Record<string, string> = {
  russian: 'russia', russia: 'russia', "russia's": 'russia', kremlin: 'russia', tajik: 'tajikistan', tajikistan: 'tajikistan',
  uzbek: 'uzbekistan', uzbekistan: 'uzbekistan', kazakh: 'kazakhstan', kazakhstan: 'kazakhstan', kyrgyz: 'kyrgyzstan',
  us: 'us', 'u.s.': 'us', american: 'us', afghan: 'afghanistan', chinese: 'china', belarusian: 'belarus', armenian: 'armenia',
};
const ROLE_CLASSES: Array<[RegExp, string]> = [
  [/^(president|leader|head of state)$/, 'president'],
  [/^(minister|diplomat)$/, 'minister'],
  [/^(director|expert|analyst|scientist|orientalist|professor|researcher|political scientist)$/, 'expert'],
  [/^(spokesman|spokeswoman|spokesperson)$/, 'spokesman'],
  [/^(envoy|representative|ambassador)$/, 'envoy'],
  [/^(secretary-general|secretary)$/, 'secretary'],
];
const ROLE_WORD_RE = /\b(president|leader|minister|diplomat|director|expert|analyst|scientist|orientalist|professor|researcher|spokesman|spokeswoman|spokesperson|envoy|representative|ambassador|secretary-general|secretary)\b(?!['’]s)/gi;
const ROLE_NP_RE = /^(?:the\s+)((?:russian|tajik|uzbek|kazakh|kyrgyz|us|u\.s\.|american|afghan|chinese|kremlin)\s+)?(?:foreign\s+|defen[cs]e\s+)?(president|leader|minister|expert|analyst|spokesman|envoy|diplomat|scientist)$/i;
const APPOSITIVE_START = /^(?:director|head|chief|secretary|spokesman|spokeswoman|chairman|minister|president|leader|envoy|expert|analyst|professor|member|deputy|ambassador|representative|founder|author|an?\s|the\s)/i;
const OCCASION_RE = /\b(?:during|at|in)\s+((?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:meeting|summit|session|conference|press conference|video ?conference|interview|talks|call|briefing|statement|readout|address|speech|forum)\b[^,.;”"]{0,90})/i;
const QUOTE_CHARS = new Set(['“', '”', '"', '«', '»', '„']);

interface Quote {
  open: number;
  close: number;
}

interface Span {
  start: number;
  end: number;
}

type SpeakerRef =
  | { type: 'mention'; mention: SpeakerMention }
  | { type: 'pronoun'; female: boolean }
  | { type: 'role'; role: string; nation: string | null }
  | { type: 'inherit' };

interface Candidate {
  start: number;
  end: number;
  /** Where the speaker is named: candidates are resolved in this order (pronouns look back from here). */
  cueAt: number;
  ref: SpeakerRef;
  priority: number;
  cue: string;
  /** The words around the claim that say when and where. */
  frame: string;
  sentence: Span;
  quoted: boolean;
  /** A quote's closing mark: the next quote may continue it. */
  quoteClose?: number;
}

interface PersonInfo {
  roles: Set<string>;
  nations: Set<string>;
  female: boolean;
}

/** Entity mentions of people and organisations, from the entity suggester (the codebook plays no part). */
export function speakerMentions(text: string, furniture: ReadonlyArray<[number, number]> = []): SpeakerMention[] {
  const found = suggestEntities(text, { tags: [], highlights: [], furniture });
  return found
    .filter((s) => s.kind === 'person' || s.kind === 'organisation')
    .map((s) => ({ start: s.start, end: s.end, name: s.proposedName, kind: s.kind as 'person' | 'organisation' }))
    .sort((a, b) => a.start - b.start);
}

/**
 * The statements an article reports, each with its speaker, date said, occasion and mode.
 * `published` is the source's date (yyyy-mm-dd or ''); `furniture` its page-furniture ranges (no mentions there).
 */
export function suggestAttributions(
  text: string,
  published: string,
  options: { furniture?: ReadonlyArray<[number, number]>; mentions?: SpeakerMention[] } = {},
): AttributionSuggestion[] {
  const furniture = options.furniture ?? [];
  const inFurniture = (at: number) => furniture.some(([a, b]) => at >= a && at < b);
  const mentions = (options.mentions ?? speakerMentions(text, furniture)).filter((m) => !inFurniture(m.start));
  const quotes = findQuotes(text);
  const inQuote = (at: number) => quotes.some((q) => at > q.open && at < q.close);
  const sentences = splitSentences(text, quotes);
  const sentenceAt = (at: number): Span => sentences.find((s) => at >= s.start && at < s.end) ?? { start: at, end: at };
  const people = personInfo(text, mentions);

  const candidates: Candidate[] = [];
  const mentionEndingAt = (end: number, from: number) =>
    [...mentions].reverse().find((m) => m.end === end && m.start >= from) ?? null;
  const lastMentionIn = (from: number, to: number) => {
    const inside = mentions.filter((m) => m.start >= from && m.end <= to);
    return inside.filter((m) => m.kind === 'person').pop() ?? inside.pop() ?? null;
  };

  /** The speaker a noun phrase names: a name at its end, he/she, or a role phrase. */
  const refOf = (npStart: number, npEnd: number, loose: boolean): SpeakerRef | null => {
    let raw = text.slice(npStart, npEnd);
    // "X, which includes …, has warned": the subject before a relative clause; "(CSTO)" and appositives dropped.
    raw = raw.replace(/,\s*(?:which|who)\b[\s\S]*$/i, '');
    raw = raw.replace(ADVERBS, '');
    raw = raw.replace(/[\s,]+$/, '');
    raw = raw.replace(/,\s+(?:an?|the)\s[^,]*$/i, '');
    raw = raw.replace(/\s*\([^()]*\)$/, '');
    raw = raw.replace(/(?:\s+(?:press service|press office|said in a statement))$/i, '');
    raw = raw.replace(/[\s,]+$/, '');
    const end = npStart + raw.length;
    const m = mentionEndingAt(end, npStart);
    if (m) return { type: 'mention', mention: m };
    const tail = raw.slice(-60);
    if (/(?:^|[\s,])(?:he)$/i.test(tail)) return { type: 'pronoun', female: false };
    if (/(?:^|[\s,])(?:she)$/i.test(tail)) return { type: 'pronoun', female: true };
    const role = /(?:^|[\s,])(the\s+(?:[\w.]+\s+){0,2}[\w]+)$/i.exec(tail);
    if (role) {
      const r = ROLE_NP_RE.exec(role[1].replace(/\s+/g, ' '));
      if (r) return { type: 'role', role: roleClass(r[2].toLowerCase()) ?? r[2].toLowerCase(), nation: r[1] ? NATIONALITIES[r[1].trim().toLowerCase()] ?? null : null };
    }
    if (loose) {
      const inner = lastMentionIn(npStart, npEnd);
      if (inner) return { type: 'mention', mention: inner };
    }
    return null;
  };

  // 1. Quotes with a reporting frame after them, or continuing a framed quote.
  for (const q of quotes) {
    if (inFurniture(q.open)) continue;
    const content = trimSpan(text, q.open + 1, q.close);
    if (content.end - content.start < 2) continue;
    const para = paragraphEnd(text, q.close);
    const after = text.slice(q.close + 1, para);
    const sentence = sentenceAt(q.open);
    const fragmentStart = sentence.start < q.open && /[A-Za-z]{3}/.test(text.slice(sentence.start, q.open)) ? sentence.start : content.start;
    const trailing = new RegExp(`^\\s*[,.]?\\s*([^“”"«»,.;:!?]{1,90}?)\\s+(${VERBS}|saying)\\b`, 'i').exec(after);
    const inverted = new RegExp(`^\\s*[,.]?\\s*(${VERBS})\\s+([^“”"«»,.;:!?]{1,90}?)(?=[,.;:]|\\s+(?:on|in|at|during|after|before)\\b|$)`, 'i').exec(after);
    let ref: SpeakerRef | null = null;
    let frameEnd = q.close + 1;
    if (trailing && trailing[1].split(/\s+/).length <= 9) {
      const npStart = q.close + 1 + after.indexOf(trailing[1]);
      ref = refOf(npStart, npStart + trailing[1].length, true);
      frameEnd = q.close + 1 + trailing[0].length;
    }
    if (!ref && inverted) {
      const npStart = q.close + 1 + inverted[0].length - inverted[2].length;
      ref = refOf(npStart, npStart + inverted[2].length, true);
      frameEnd = q.close + 1 + inverted[0].length;
    }
    if (ref) {
      const frameSentence = sentenceAt(Math.max(q.close + 1, frameEnd - 1));
      const frame = `${text.slice(q.close + 1, Math.max(frameEnd, frameSentence.end))} ${text.slice(sentence.start, q.open)}`;
      candidates.push({ start: fragmentStart, end: content.end, cueAt: frameEnd, ref, priority: 3, cue: 'quote', frame, sentence, quoted: true, quoteClose: q.close });
    } else {
      candidates.push({ start: content.start, end: content.end, cueAt: q.open, ref: { type: 'inherit' }, priority: 1, cue: 'quote (continued)', frame: '', sentence, quoted: true, quoteClose: -1 });
    }
  }

  // 2. Reported speech in each sentence outside quotes.
  for (const s of sentences) {
    if (inFurniture(s.start) || inQuote(s.start + 1)) {
      // A sentence that starts inside a quote can still end with a frame; those are quotes' business.
      if (inFurniture(s.start)) continue;
    }
    const body = text.slice(s.start, s.end);
    // "This was stated by NAME …" (the previous sentence) and "The fact that CLAUSE was stated by NAME".
    const passive = /\bwas\s+(?:stated|said|announced|noted|reported)\s+by\s+/i.exec(body);
    if (passive && !inQuote(s.start + passive.index)) {
      const npStart = s.start + passive.index + passive[0].length;
      const npText = /^[^.,;]*?(?=\s+(?:during|at|in|on)\b|[.,;]|$)/.exec(text.slice(npStart, s.end))?.[0] ?? '';
      const ref = refOf(npStart, npStart + npText.length, true);
      const fact = /^the fact that\s+/i.exec(body);
      let claim: Span | null = null;
      if (fact) claim = trimSpan(text, s.start + fact[0].length, s.start + passive.index);
      else if (/^(?:this|that|it)\s/i.test(body)) {
        const prev = sentences[sentences.indexOf(s) - 1];
        if (prev) claim = trimSpan(text, prev.start, prev.end);
      }
      if (ref && claim) candidates.push({ ...claim, cueAt: npStart, ref, priority: 2, cue: 'reported', frame: text.slice(npStart, s.end), sentence: s, quoted: false });
    }
    // "According to NAME, CLAUSE".
    const according = /\baccording to\s+/i.exec(body);
    if (according && !inQuote(s.start + according.index)) {
      const npStart = s.start + according.index + according[0].length;
      let comma = text.indexOf(',', npStart);
      while (comma >= 0 && comma < s.end && APPOSITIVE_START.test(text.slice(comma + 1).trimStart())) {
        const next = text.indexOf(',', comma + 1);
        if (next < 0 || next >= s.end) break;
        comma = next;
      }
      if (comma > npStart && comma < s.end) {
        const np = text.slice(npStart, comma);
        const ref = /^(him|her)$/i.test(np.trim())
          ? ({ type: 'pronoun', female: /^her$/i.test(np.trim()) } as SpeakerRef)
          : lastMentionIn(npStart, comma)
            ? ({ type: 'mention', mention: lastMentionIn(npStart, comma) as SpeakerMention } as SpeakerRef)
            : ROLE_NP_RE.test(np.trim())
              ? refOf(npStart, comma, false)
              : null;
        const claim = trimSpan(text, comma + 1, s.end);
        if (ref && claim.end > claim.start) candidates.push({ ...claim, cueAt: npStart, ref, priority: 2, cue: 'according to', frame: np, sentence: s, quoted: false });
      }
    }
    // NAME VERB (that) CLAUSE, and "As NAME VERB …, CLAUSE".
    VERB_RE.lastIndex = 0;
    const found: Array<{ at: number; verb: string; ref: SpeakerRef; claim: Span; frame: string }> = [];
    for (let m = VERB_RE.exec(body); m; m = VERB_RE.exec(body)) {
      const at = s.start + m.index;
      if (inQuote(at) || inFurniture(at)) continue;
      const verb = m[0].toLowerCase().replace(/\s+/g, ' ');
      const before = text.slice(Math.max(s.start, at - 160), at);
      const lastQuote = Math.max(...[...'“”"«»'].map((c) => before.lastIndexOf(c)));
      if (lastQuote >= 0 && /^[\s,.]*[A-Za-z\s.]{0,90}$/.test(before.slice(lastQuote + 1))) continue; // a quote's frame: handled above
      let ref: SpeakerRef | null;
      if (/,?\s+and\s*$/i.test(before) && found.length > 0) ref = { type: 'inherit' };
      else {
        const npStart = Math.max(s.start, at - 160);
        ref = refOf(npStart, at, false);
      }
      if (!ref) continue;
      const afterVerb = at + m[0].length;
      const isAs = /^\s*(?:[A-Z][^,]*,\s*)?as\s/i.test(text.slice(s.start, at)) && /^(?:\s*(?:[A-Z][^,]*,\s*)?)as\s/i.test(body);
      let claimStart = afterVerb;
      let frame = text.slice(s.start, at);
      if (isAs) {
        const comma = text.indexOf(',', afterVerb);
        if (comma < 0 || comma >= s.end) continue;
        frame += text.slice(afterVerb, comma);
        claimStart = comma + 1;
      } else {
        const rest = text.slice(afterVerb, s.end);
        const that = /\bthat\s/i.exec(rest);
        const between = that ? rest.slice(0, that.index) : '';
        if (that && that.index < 220 && !new RegExp(`\\b${VERBS}\\b`, 'i').test(between) && !/[“”"«»]/.test(between)) {
          frame += between;
          claimStart = afterVerb + that.index + that[0].length;
        } else if (verb === 'told') continue;
        else {
          const skip = /^(?:\s+(?:on\s+\w+day|\w+day|earlier|later|today|yesterday|of|about|on|for|to|as saying)\b)*\s*/i.exec(rest);
          if (skip) {
            frame += skip[0];
            claimStart = afterVerb + skip[0].length;
          }
        }
      }
      let claimEnd = s.end;
      const tail = text.slice(claimStart, s.end);
      const stop = new RegExp(`(?:,\\s+and\\s+(?:${VERBS})\\b|,\\s+(?:noting|adding|saying|stressing|warning|recalling|explaining|underscoring)\\b|:\\s*[“"«])`, 'i').exec(tail);
      if (stop) claimEnd = claimStart + stop.index;
      const claim = trimSpan(text, claimStart, claimEnd);
      if (claim.end - claim.start < 8) continue;
      found.push({ at, verb, ref, claim, frame });
      candidates.push({ ...claim, cueAt: at, ref, priority: 2, cue: isAs ? `as … ${verb}` : verb, frame, sentence: s, quoted: false });
    }
    // "…, NAME noted." at the end of a sentence that is no quote.
    const reverse = new RegExp(`,\\s*([^,“”"«»]{1,80}?)\\s+(${VERBS})(\\s+(?:on|in|at|during|after|before|earlier|later|yesterday|today|\\w+day)\\b[^,.“”"«»]{0,80})?[.]\\s*$`, 'i').exec(body);
    if (reverse && !/[“”"«»]\s*$/.test(body.slice(0, reverse.index))) {
      const npStart = s.start + reverse.index + reverse[0].indexOf(reverse[1]);
      const ref = refOf(npStart, npStart + reverse[1].length, false);
      const claim = trimSpan(text, s.start, s.start + reverse.index);
      if (ref && claim.end - claim.start >= 8) candidates.push({ ...claim, cueAt: npStart, ref, priority: 2, cue: 'reported (after)', frame: reverse[0], sentence: s, quoted: false });
    }
    // ", adding that …": the same speaker as the sentence's frame (or its first person).
    PARTICIPLE_RE.lastIndex = 0;
    for (let m = PARTICIPLE_RE.exec(body); m; m = PARTICIPLE_RE.exec(body)) {
      const at = s.start + m.index;
      if (inQuote(at)) continue;
      if (!m[2] && m[1].toLowerCase() !== 'underscoring') continue;
      const claimStart = at + m[0].length;
      const claim = trimSpan(text, claimStart, s.end);
      if (claim.end - claim.start < 8) continue;
      const first = mentions.find((x) => x.kind === 'person' && x.start >= s.start && x.end <= at);
      candidates.push({ ...claim, cueAt: at, ref: first ? { type: 'mention', mention: first } : { type: 'inherit' }, priority: 2, cue: m[1].toLowerCase(), frame: text.slice(s.start, at), sentence: s, quoted: false });
      // Inherit from a frame earlier in the sentence when there is one (resolved below).
      (candidates[candidates.length - 1] as Candidate & { preferFrame?: boolean }).preferFrame = true;
    }
  }

  // 3. Resolve speakers in reading order; keep the strongest of overlapping candidates.
  candidates.sort((a, b) => a.cueAt - b.cueAt || b.priority - a.priority);
  const refs: Array<{ at: number; mention: SpeakerMention }> = mentions
    .filter((m) => !inQuote(m.start) && !/^['’]s\b/.test(text.slice(m.end, m.end + 3)))
    .map((m) => ({ at: m.start, mention: m }));
  const resolved: Array<Candidate & { speaker: SpeakerMention }> = [];
  const lastPerson = (at: number, female: boolean) => {
    let best: { at: number; mention: SpeakerMention } | null = null;
    for (const r of refs) {
      if (r.at >= at) continue;
      if (r.mention.kind !== 'person' || (people.get(r.mention.name)?.female ?? false) !== female) continue;
      if (!best || r.at > best.at) best = r;
    }
    return best?.mention ?? null;
  };
  const byRole = (at: number, role: string, nation: string | null) => {
    let best: { at: number; mention: SpeakerMention } | null = null;
    for (const r of refs) {
      if (r.at >= at || r.mention.kind !== 'person') continue;
      const info = people.get(r.mention.name);
      if (!info?.roles.has(role) || (nation && !info.nations.has(nation))) continue;
      if (!best || r.at > best.at) best = r;
    }
    return best?.mention ?? null;
  };
  for (const c of candidates) {
    let speaker: SpeakerMention | null = null;
    const sameSentence = [...resolved].reverse().find((r) => r.sentence.start === c.sentence.start && r.cueAt <= c.cueAt);
    if ((c as Candidate & { preferFrame?: boolean }).preferFrame && sameSentence) speaker = sameSentence.speaker;
    else if (c.ref.type === 'mention') speaker = c.ref.mention;
    else if (c.ref.type === 'pronoun') speaker = lastPerson(c.cueAt, c.ref.female);
    else if (c.ref.type === 'role') speaker = byRole(c.cueAt, c.ref.role, c.ref.nation);
    else if (c.priority === 1) {
      // A quote with no frame of its own continues the framed quote just before it (same or previous sentence).
      const prev = [...resolved].reverse().find((r) => r.quoteClose !== undefined && r.quoteClose >= 0 && r.quoteClose < c.start);
      if (prev && prev.quoteClose !== undefined && onlyFrameBetween(text, prev.quoteClose, c.start, sentences)) speaker = prev.speaker;
    } else if (sameSentence) speaker = sameSentence.speaker;
    if (!speaker) continue;
    resolved.push({ ...c, speaker });
    refs.push({ at: c.cueAt, mention: speaker });
  }
  const ranked = [...resolved].sort((a, b) => b.priority - a.priority || b.end - b.start - (a.end - a.start));
  const kept: typeof resolved = [];
  for (const c of ranked) {
    if (kept.some((k) => c.start < k.end && k.start < c.end)) continue;
    kept.push(c);
  }
  kept.sort((a, b) => a.start - b.start);

  const occasions = new Map<string, string>();
  return kept.map((c) => {
    const quotedShare = c.quoted ? 1 : quotedFraction(quotes, c.start, c.end);
    const mode: StatementMode = quotedShare >= 0.6 ? 'direct' : 'paraphrase';
    const found = OCCASION_RE.exec(c.frame)?.[1]?.trim().replace(/\s+/g, ' ') ?? '';
    const occasion = found || occasions.get(c.speaker.name) || '';
    if (found) occasions.set(c.speaker.name, found);
    const exact = text.slice(c.start, c.end);
    return {
      key: `${c.start}-${c.end}:${c.speaker.name}`,
      start: c.start,
      end: c.end,
      text: exact,
      speakerName: c.speaker.name,
      speakerKind: c.speaker.kind,
      mode,
      dateSaid: resolveDateSaid(c.frame, published),
      occasion: occasion.slice(0, 300),
      cue: c.cue,
    };
  });
}

function roleClass(word: string): string | null {
  for (const [re, cls] of ROLE_CLASSES) if (re.test(word)) return cls;
  return null;
}

/** Roles, nationalities and gender of each named person, from the words around every mention of them. */
function personInfo(text: string, mentions: readonly SpeakerMention[]): Map<string, PersonInfo> {
  const out = new Map<string, PersonInfo>();
  for (const m of mentions) {
    if (m.kind !== 'person') continue;
    const info = out.get(m.name) ?? { roles: new Set<string>(), nations: new Set<string>(), female: isFemaleName(m.name) };
    out.set(m.name, info);
    const lineStart = Math.max(text.lastIndexOf('\n', m.start), text.lastIndexOf('. ', m.start)) + 1;
    const before = text.slice(Math.max(lineStart, m.start - 90), m.start);
    const afterText = /^,\s*([^,.]{0,90})/.exec(text.slice(m.end, m.end + 100))?.[1] ?? '';
    // The role word nearest the name (before it), or an appositive after it ("Podberezkin, director of …").
    const roleWords = [...before.matchAll(ROLE_WORD_RE)];
    const nearest = roleWords.pop();
    if (nearest) {
      const cls = roleClass(nearest[1].toLowerCase());
      if (cls) info.roles.add(cls);
      const nationWords = before.slice(Math.max(0, (nearest.index ?? 0) - 30)).toLowerCase().match(/[a-z.'’]+/g) ?? [];
      for (const w of nationWords) if (NATIONALITIES[w.replace('’', "'")]) info.nations.add(NATIONALITIES[w.replace('’', "'")]);
      const ofCountry = /\bof\s+(tajikistan|uzbekistan|kazakhstan|russia|kyrgyzstan)\b/i.exec(before.slice(nearest.index ?? 0));
      if (ofCountry) info.nations.add(NATIONALITIES[ofCountry[1].toLowerCase()]);
    }
    const appositive = APPOSITIVE_START.test(afterText) ? afterText.match(ROLE_WORD_RE)?.[0] : undefined;
    if (appositive) {
      const cls = roleClass(appositive.toLowerCase());
      if (cls) info.roles.add(cls);
    }
  }
  return out;
}

function isFemaleName(name: string): boolean {
  const first = name.split(/\s+/)[0] ?? '';
  return name.includes(' ') && /a$/i.test(first) && !/^(nikita|ilya|foma|kuzma|luka|mustafa|joshua|zaka)$/i.test(first);
}

/**
 * Quoted spans: curly marks open and close, a straight mark closes an open quote or opens one; a new opening mark
 * while a quote is open means the earlier one was never closed (wire copy drops closing marks), so it is dropped.
 * A quote may run over paragraphs (each paragraph reopening it is not required).
 */
export function findQuotes(text: string): Quote[] {
  const out: Quote[] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (!QUOTE_CHARS.has(c)) continue;
    if (c === '“' || c === '«' || c === '„') {
      open = i;
    } else if (c === '”' || c === '»') {
      if (open >= 0) out.push({ open, close: i });
      open = -1;
    } else if (open >= 0) {
      out.push({ open, close: i });
      open = -1;
    } else open = i;
    // A quote never survives a blank-line gap of more than 3,000 characters: bounded work on hostile input.
    if (open >= 0 && i - open > 20_000) open = -1;
  }
  return out;
}

const ABBREVIATIONS = /\b(?:Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|No|vs|U\.S|U\.N|Jr|Sr)$/;

/** Sentences within paragraphs; a sentence end inside a quote counts only when the quote ends the paragraph there. */
export function splitSentences(text: string, quotes: readonly Quote[]): Span[] {
  const out: Span[] = [];
  const inQuote = (at: number) => quotes.some((q) => at > q.open && at < q.close);
  let start = 0;
  const push = (a: number, b: number) => {
    const t = trimSpan(text, a, b);
    if (t.end > t.start) out.push(t);
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      push(start, i);
      start = i + 1;
      continue;
    }
    if (c !== '.' && c !== '?' && c !== '!') continue;
    let j = i + 1;
    while (j < text.length && QUOTE_CHARS.has(text[j])) j++;
    if (text[j] !== ' ') continue;
    const next = text.slice(j + 1, j + 3).trimStart()[0] ?? '';
    if (!/[A-Z“"«0-9]/.test(next)) continue;
    if (c === '.' && ABBREVIATIONS.test(text.slice(Math.max(0, i - 4), i))) continue;
    if (inQuote(i) && !(j > i + 1 && quotes.some((q) => q.close > i && q.close < j))) continue;
    push(start, j);
    start = j;
  }
  push(start, text.length);
  return out;
}

function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && /[\s,;:–—-]/.test(text[start])) start++;
  while (end > start && /[\s,;:]/.test(text[end - 1])) end--;
  return { start, end };
}

function paragraphEnd(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  return nl < 0 ? text.length : nl;
}

function quotedFraction(quotes: readonly Quote[], start: number, end: number): number {
  let inside = 0;
  for (const q of quotes) inside += Math.max(0, Math.min(end, q.close) - Math.max(start, q.open + 1));
  return end > start ? inside / (end - start) : 0;
}

/** Between a framed quote's close and the next quote only its frame's sentence end and whitespace lie. */
function onlyFrameBetween(text: string, close: number, next: number, sentences: readonly Span[]): boolean {
  if (next - close > 400) return false;
  const frameSentence = sentences.find((s) => close >= s.start && close < s.end);
  const from = frameSentence ? Math.max(close + 1, frameSentence.end) : close + 1;
  return text.slice(from, next).trim().length === 0;
}
