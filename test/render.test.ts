import { describe, expect, it } from 'vitest';
import { PERSONAS } from '../src/core/domain.js';
import { compileTemplates, type ReplyContext } from '../src/core/render.js';
import { loadTemplateEntries } from '../src/templates.js';

const builtIn = loadTemplateEntries();

function context(overrides: Partial<ReplyContext> = {}): ReplyContext {
  return {
    name: 'Marja de Vries',
    firstName: 'Marja',
    hasName: true,
    formalName: false,
    agent: 'Sanne',
    company: '',
    channel: 'facebook',
    type: 'complaint',
    persona: 'meek',
    fault: 'company',
    topic: 'delivery',
    matter: 'je pakket',
    sensitive: false,
    lang: 'nl',
    formal: false,
    action: '',
    privateChannel: 'een DM',
    details: 'je ordernummer',
    intent: 'reply',
    apologise: true,
    movePrivate: true,
    inPrivate: false,
    followUp: false,
    removal: false,
    alsoAsks: false,
    colleague: '',
    bereaved: false,
    caution: false,
    short: false,
    measured: false,
    brief: false,
    ...overrides,
  };
}

function withFile(name: string, source: string) {
  return [...builtIn.filter((file) => file.name !== name), { name, source, path: `/tmp/${name}.hbs` }];
}

describe('compileTemplates', () => {
  const renderer = compileTemplates(builtIn);

  it('renders the same reply for the same seed, and another phrasing for another seed', () => {
    const replies = new Set([1, 2, 3, 4].map((seed) => renderer.render('nl', context(), seed)));
    expect(renderer.render('nl', context(), 1)).toBe(renderer.render('nl', context(), 1));
    expect(replies.size).toBeGreaterThan(1);
  });

  it('leaves names, actions and symbols exactly as typed: no HTML escaping, no template evaluation', () => {
    for (const seed of [0, 1, 2]) {
      const reply = renderer.render(
        'en',
        context({ lang: 'en', firstName: "O'Brien", name: "O'Brien", action: '5 > 3 & more {{agent}}', matter: '' }),
        seed,
      );
      expect(reply).toContain("O'Brien");
      expect(reply).toContain('5 > 3 & more {{agent}}');
      expect(reply).not.toMatch(/&#x27;|&gt;|&amp;/);
    }
  });

  it('never leaves a gap where the name would be', () => {
    for (const lang of ['nl', 'en'] as const) {
      for (let seed = 0; seed < 6; seed++) {
        const reply = renderer.render(lang, context({ lang, hasName: false, firstName: '', name: '' }), seed);
        expect(reply).not.toMatch(/^(Hoi|Hi|Hey|Hallo|Beste|Hello) ?,/);
      }
    }
  });

  it('writes "u" throughout formal Dutch, for every persona and type', () => {
    for (const persona of PERSONAS) {
      for (const type of ['complaint', 'question', 'remark', 'compliment']) {
        for (let seed = 0; seed < 4; seed++) {
          const reply = renderer.render(
            'nl',
            context({ persona, type, formal: true, matter: 'uw pakket', details: 'uw ordernummer', followUp: true, apologise: type !== 'compliment' }),
            seed,
          );
          expect(reply, `${persona} ${type} ${seed}: ${reply}`).not.toMatch(/\b(je|jij|jou|jouw|jullie)\b/i);
        }
      }
    }
  });

  it('signs with a caret on X and with a greeting line elsewhere', () => {
    expect(renderer.render('nl', context({ channel: 'x', short: true }), 0)).toMatch(/\^Sanne$/);
    expect(renderer.render('nl', context(), 0)).toMatch(/\n\n(Groet|Groetjes|Fijne dag),\nSanne$/);
  });

  it('refuses a template with an unknown variable, naming file and line', () => {
    expect(() => compileTemplates(withFile('nl/partials/greeting', 'Hoi\n{{voornaam}},'))).toThrow(
      /^\/tmp\/nl\/partials\/greeting\.hbs:2: unknown variable "voornaam"/,
    );
  });

  it('refuses a syntax error and an unknown partial with the line', () => {
    expect(() => compileTemplates(withFile('en/partials/sign-off', 'Bye\n{{#if agent}}'))).toThrow(/sign-off\.hbs:\d+: syntax error/);
    expect(() => compileTemplates(withFile('en/reply', '{{> greeting}}\n\n{{> signature}}'))).toThrow(
      /reply\.hbs:3: unknown partial "signature"/,
    );
  });

  it('counts lines across phrasings separated by ---', () => {
    expect(() => compileTemplates(withFile('nl/partials/follow-up', 'Een\n---\nTwee\n{{oops}}'))).toThrow(/follow-up\.hbs:4:/);
  });
});
