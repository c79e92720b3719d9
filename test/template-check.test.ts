// The combinations `webcare templates check` renders: every persona × type × fault × channel ×
// language × register × intent, with samples and phrasings turning over pairwise.
import { describe, expect, it } from 'vitest';
import { compileTemplates } from '../src/core/render.js';
import { checkCombination, combinations } from '../src/core/template-check.js';
import { loadTemplateEntries } from '../src/templates.js';

describe('templates check combinations', () => {
  const list = [...combinations()];

  it('covers every persona × type × fault × channel × language × register × intent group once', () => {
    expect(list).toHaveLength(9 * 4 * 4 * 7 * 2 * 2 * 3);
    const keys = new Set(list.map((c) => [c.lang, c.formal, c.channel, c.type, c.persona, c.fault, c.intent === 'hide' ? 'delete' : c.intent].join()));
    expect(keys.size).toBe(list.length);
  });

  it('meets every pair of fault, intent and sample, and every phrasing, for each persona and type', () => {
    const pairs = (pick: (c: (typeof list)[number]) => string) =>
      new Set(list.filter((c) => c.lang === 'nl' && c.formal && c.channel === 'x' && c.persona === 'meek' && c.type === 'complaint').map(pick)).size;
    const group = (intent: string) => (intent === 'hide' ? 'delete' : intent);
    expect(pairs((c) => `${c.fault} ${c.sample}`)).toBe(4 * 3);
    expect(pairs((c) => `${group(c.intent)} ${c.sample}`)).toBe(3 * 3);
    const phrasings = new Set(list.filter((c) => c.fault === 'customer' && c.intent === 'reply' && c.lang === 'nl').map((c) => c.variant));
    expect(phrasings.size).toBe(6);
  });

  it('crosses everything with --all', () => {
    let count = 0;
    for (const _ of combinations({ all: true })) count++;
    expect(count).toBe(list.length * 24);
  });

  it('flags informal words in formal Dutch and a greeting without the name', () => {
    const builtIn = loadTemplateEntries();
    const renderer = compileTemplates([
      ...builtIn.filter((file) => file.name !== 'nl/partials/greeting'),
      { name: 'nl/partials/greeting', path: '/tmp/greeting.hbs', source: 'Hoi {{firstName}}, fijn dat je schrijft.{{nl}}' },
    ]);
    const base = { lang: 'nl', channel: 'facebook', type: 'complaint', persona: 'meek', fault: 'company', intent: 'reply', variant: 1 } as const;
    const formal = checkCombination(renderer, { ...base, formal: true, sample: 'named' });
    expect(formal.findings.map((f) => [f.rule, f.excerpt])).toContainEqual(['register', 'je']);
    const noName = checkCombination(renderer, { ...base, formal: false, sample: 'no-name' });
    expect(noName.findings.map((f) => [f.rule, f.excerpt])).toContainEqual(['name-gap', ',']);
    expect(checkCombination(renderer, { ...base, formal: false, sample: 'named' }).findings).toEqual([]);
  });
});
