// The reply linter: text and options in, findings out. Pure (no fs, no process, no colours), and
// fast enough for `webcare batch`: every regex is compiled once, at load, in rules-*.ts.
import { CHANNEL_MAX_LENGTH, type Channel, type Finding, type Lang } from './domain.js';
import { detectLang } from './lang.js';
import { DELETION_WITH_REASON, RULE_INFO, type RuleId } from './rules.js';
import { scanPhrases } from './rules-index.js';
import type { PhraseSet } from './rules-sets.js';
import { findEmails, findPrivateData, findShouting, sentenceAround, type Hit } from './rules-shapes.js';

export interface CheckOptions {
  lang?: Lang;
  /** Enables channel length limits. */
  channel?: Channel;
  /** Rule ids to skip. */
  disable?: readonly string[];
  /** Words or phrases that never trigger a rule (a brand in capitals, a product called "Advocaat"). */
  allow?: readonly string[];
  /** The customer's name when known: a reply without it is impersonal. */
  name?: string | null;
  /** The agent's own signature, which is never private data or shouting. */
  agent?: string | null;
}

export interface CheckResult {
  lang: Lang;
  findings: Finding[];
}

export function check(text: string, options: CheckOptions = {}): CheckResult {
  const lang = options.lang ?? detectLang(text);
  const off = new Set(options.disable ?? []);
  const on = (rule: RuleId) => !off.has(rule);
  // A customer really called "{{agent}}" or "[name]" is data, not a placeholder left in.
  const ownWords = PLACEHOLDER_CHARS.test(options.name ?? '') ? [...(options.allow ?? []), options.name!] : options.allow;
  const masked = mask(text, ownWords, options.agent);
  const hits: Hit[] = [];
  findPhrases(masked, on, hits);
  findEmails(masked, hits, { generic: on('generic-contact'), personal: on('private-data') });
  if (on('private-data')) findPrivateData(masked, hits);
  if (on('shouting')) findShouting(masked, hits);
  if (on('too-long') && options.channel) findTooLong(text, options.channel, hits);
  if (on('impersonal') && options.name) findMissingName(text, options.name, hits);
  return { lang, findings: hits.length === 0 ? [] : toFindings(text, hits, lang) };
}

function findPhrases(text: string, on: (rule: RuleId) => boolean, hits: Hit[]): void {
  // What the whole reply says is looked at only once a phrase of that set matched.
  const inReply = new Map<PhraseSet, { unless: boolean; hint: boolean }>();
  scanPhrases(text, (set, index, end) => {
    if (!on(set.rule)) return;
    if (set.unlessAfter?.().test(text.slice(Math.max(0, index - 40), index))) return;
    if (set.unlessInSentence?.().test(sentenceAround(text, index))) return;
    let reply = inReply.get(set);
    if (!reply) {
      reply = { unless: set.unlessInReply?.().test(text) ?? false, hint: set.hintIfInReply?.().test(text) ?? false };
      inReply.set(set, reply);
    }
    if (!reply.unless) hits.push({ rule: set.rule, index, end, ...(reply.hint ? { severity: 'hint' } : {}) });
  });
}

function findTooLong(text: string, channel: Channel, hits: Hit[]): void {
  const limit = CHANNEL_MAX_LENGTH[channel];
  const reply = text.trimEnd();
  if (reply.length <= limit) return;
  // Characters as people (and X) count them: code points, not UTF-16 units.
  let count = 0;
  let cut = -1;
  for (let i = 0; i < reply.length; i++) {
    const code = reply.charCodeAt(i);
    if (code >= 0xdc00 && code <= 0xdfff) continue;
    if (++count === limit + 1) cut = i;
  }
  if (cut < 0) return;
  hits.push({
    rule: 'too-long',
    index: cut,
    end: reply.length,
    severity: channel === 'x' ? 'error' : 'warning',
    detail: {
      en: `${count} characters, ${channel === 'x' ? 'X takes at most' : 'keep it under'} ${limit}`,
      nl: `${count} tekens, ${channel === 'x' ? 'X neemt er hoogstens' : 'blijf onder de'} ${limit}`,
    },
  });
}

function findMissingName(text: string, name: string, hits: Hit[]): void {
  const first = name.trim().replace(/^@/, '').split(/[\s,]+/)[0] ?? '';
  if (first.length < 2) return;
  if (nameRegex(first).test(text)) return;
  hits.push({
    rule: 'impersonal',
    index: -1,
    end: -1,
    detail: { en: `no "${first}" anywhere: use the first name`, nl: `nergens "${first}": gebruik de voornaam` },
  });
}

// Compiling a Unicode regex costs more than the rest of check(); in a batch names come back.
const nameCache = new Map<string, RegExp>();

function nameRegex(first: string): RegExp {
  let regex = nameCache.get(first);
  if (!regex) {
    const escaped = first.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    regex = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu');
    if (nameCache.size > 1000) nameCache.clear();
    nameCache.set(first, regex);
  }
  return regex;
}

// Allowed phrases and the agent's signature are blanked out before matching, with a character
// that is no letter, digit or space, so columns stay right and nothing around them changes.
const BLANK = '·';
const PLACEHOLDER_CHARS = /[{}[\]<>%$]/;
const maskCache = new Map<string, RegExp | null>();

function mask(text: string, allow: readonly string[] = [], agent?: string | null): string {
  const phrases = agent ? [...allow, agent] : allow;
  if (phrases.length === 0) return text;
  const key = phrases.join('\u0000');
  let regex = maskCache.get(key);
  if (regex === undefined) {
    const body = phrases
      .map((phrase) => phrase.trim())
      .filter(Boolean)
      .map((phrase) => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'))
      .join('|');
    regex = body ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})(?![\\p{L}\\p{N}])`, 'giu') : null;
    if (maskCache.size > 100) maskCache.clear();
    maskCache.set(key, regex);
  }
  return regex ? text.replace(regex, (found) => BLANK.repeat(found.length)) : text;
}

function toFindings(text: string, hits: Hit[], lang: Lang): Finding[] {
  hits.sort((a, b) => a.index - b.index || b.end - a.end);
  const lastEnd = new Map<RuleId, number>();
  const findings: Finding[] = [];
  for (const hit of hits) {
    // One finding per place: overlapping matches of one rule are the same trap.
    if (hit.index >= 0 && (lastEnd.get(hit.rule) ?? -1) > hit.index) continue;
    lastEnd.set(hit.rule, hit.end);
    const info = RULE_INFO[hit.rule];
    const hint = hit.rule === 'deletion' && hit.severity === 'hint';
    const message = hint ? DELETION_WITH_REASON.message[lang] : info.message[lang];
    const { line, column } = hit.index < 0 ? { line: 0, column: 0 } : position(text, hit.index);
    findings.push({
      rule: hit.rule,
      severity: hit.severity ?? info.severity,
      line,
      column,
      excerpt: excerpt(text.slice(Math.max(0, hit.index), Math.max(0, hit.end))),
      message: hit.detail ? `${message}: ${hit.detail[lang]}` : message,
      advice: hint ? DELETION_WITH_REASON.advice[lang] : info.advice[lang],
    });
  }
  return findings;
}

function position(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: index - lineStart + 1 };
}

function excerpt(found: string): string {
  const flat = found.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 59)}…` : flat;
}
