import { wrapForScreen } from '../src/ui/draft-view.js';
import { describe, expect, it } from 'vitest';
import { PERSONAS, type Persona } from '../src/core/domain.js';
import {
  composeDraft,
  firstNameOf,
  matterPhrase,
  neutralClassification,
  resolveAnswers,
  type Answers,
} from '../src/core/draft.js';
import { compileTemplates } from '../src/core/render.js';
import { loadTemplateEntries } from '../src/templates.js';

const renderer = compileTemplates(loadTemplateEntries());
const MESSAGE = 'Mijn pakket is nog steeds niet bezorgd, al een week te laat.';

function answers(overrides: Partial<Answers> = {}): Answers {
  return {
    name: 'Marja de Vries',
    channel: 'facebook',
    type: 'complaint',
    persona: 'meek',
    sensitive: false,
    fault: 'company',
    topic: 'delivery',
    intent: 'reply',
    action: null,
    lang: 'nl',
    formal: false,
    agent: 'Sanne',
    company: null,
    privateChannel: null,
    variant: 1,
    ...overrides,
  };
}

const draft = (overrides: Partial<Answers> = {}, message = MESSAGE) =>
  composeDraft(message, answers(overrides), neutralClassification(overrides.lang ?? 'nl'), renderer);

const APOLOGY = /\b(sorry|excuses|I'm sorry|apolog)/i;

describe('composeDraft', () => {
  it('greets by first name and signs as the agent', () => {
    const reply = draft().reply;
    expect(reply).toMatch(/^(Hoi|Hi|Hey) Marja,/);
    expect(reply).toMatch(/Sanne$/);
  });

  it('apologises for our own fault, except to aggressive and opportunist customers', () => {
    for (const persona of PERSONAS) {
      for (const lang of ['nl', 'en'] as const) {
        const reply = draft({ persona, lang }).reply;
        if (persona === 'aggressive' || persona === 'opportunist') expect(reply, reply).not.toMatch(APOLOGY);
        else expect(reply, `${persona}: ${reply}`).toMatch(APOLOGY);
      }
    }
  });

  it('never apologises for a compliment', () => {
    for (const persona of PERSONAS) {
      for (const lang of ['nl', 'en'] as const) {
        for (let variant = 1; variant <= 3; variant++) {
          const reply = draft({ persona, lang, type: 'compliment', variant }).reply;
          expect(reply, reply).not.toMatch(APOLOGY);
          expect(reply, reply).toMatch(/dank|thank|thanks|blij|lovely|made our day/i);
        }
      }
    }
  });

  it('gives each persona its own strategy: eight or more different replies to one message', () => {
    const replies = new Map<Persona, string>(PERSONAS.map((persona) => [persona, draft({ persona, channel: 'x' }).reply]));
    expect(new Set(replies.values()).size).toBeGreaterThanOrEqual(8);
    expect(replies.get('aggressive')).toMatch(/DM/);
    expect(replies.get('opportunist')).toMatch(/oplossen|nodig/);
    expect(replies.get('introvert')).toMatch(/\?/);
    expect(replies.get('angry')).toMatch(/boos|baalt/);
  });

  it('keeps X replies within 280 characters, even with a long action', () => {
    const action = 'we sturen vandaag nog een nieuw pakket met spoed via de koerier, en je krijgt de verzendkosten terug op je rekening';
    for (const persona of PERSONAS) {
      for (const lang of ['nl', 'en'] as const) {
        const reply = draft({ persona, lang, channel: 'x', action }).reply;
        expect(reply.length, reply).toBeLessThanOrEqual(280);
      }
    }
  });

  it('uses the action verbatim', () => {
    expect(draft({ action: 'we sturen vandaag een nieuw pakket' }).reply).toContain('we sturen vandaag een nieuw pakket.');
  });

  it('moves sensitive matters to a private channel and asks nothing in public', () => {
    const reply = draft({ sensitive: true, action: 'we zetten het geld vandaag terug' }).reply;
    expect(reply).toMatch(/privébericht|DM/);
    expect(reply).toMatch(/gegevens/);
  });

  it('is deterministic, and --variant picks another phrasing', () => {
    expect(draft().reply).toBe(draft().reply);
    const variants = new Set([1, 2, 3].map((variant) => draft({ variant }).reply));
    expect(variants.size).toBeGreaterThan(1);
  });

  it('warns on a move that backfires, and allows removing abuse at a person with a stated reason', () => {
    expect(draft({ intent: 'delete' }).warnings).toContainEqual(expect.objectContaining({ rule: 'deletion', severity: 'error' }));
    expect(draft({ intent: 'ignore' }).warnings).toContainEqual(expect.objectContaining({ rule: 'ignoring', severity: 'error' }));
    expect(draft({ intent: 'legal' }).warnings).toContainEqual(expect.objectContaining({ rule: 'legal-threat', severity: 'error' }));
    const abusive = { ...neutralClassification('nl'), abusive: true, abuseTarget: 'person' as const, abusiveCues: ['idioot'] };
    const removal = composeDraft(MESSAGE, answers({ intent: 'delete' }), abusive, renderer);
    expect(removal.reply).toMatch(/verwijderd/);
    expect(removal.reply).toMatch(/scheldwoorden/);
    expect(removal.warnings.filter((w) => w.severity === 'error')).toEqual([]);
    expect(removal.warnings).toContainEqual(expect.objectContaining({ rule: 'deletion', severity: 'hint' }));
  });
});

describe('answers and wording', () => {
  it('takes flags over config over the message', () => {
    const classification = { ...neutralClassification('en'), name: 'Dennis Voorn', channel: 'x' as const };
    const resolved = resolveAnswers(classification, {
      flags: { persona: 'critic' },
      settings: { agent: 'Sanne', channel: 'facebook', formal: true },
    });
    expect(resolved).toMatchObject({ persona: 'critic', channel: 'facebook', name: 'Dennis Voorn', agent: 'Sanne', formal: true, lang: 'en' });
  });

  it('finds the first name in what the customer wrote', () => {
    expect(firstNameOf('Dennis Voorn (@VoornDennis)')).toBe('Dennis');
    expect(firstNameOf('Jan-Willem de Boer')).toBe('Jan-Willem');
    expect(firstNameOf("O'Brien")).toBe("O'Brien");
    expect(firstNameOf(null)).toBe('');
    expect(firstNameOf('J. Hoekstra')).toBe('J. Hoekstra');
    expect(firstNameOf('Mevr. Postma')).toBe('Mevr. Postma');
    expect(firstNameOf('H.')).toBe('');
  });

  it('names the matter in the customer’s words and the team’s register', () => {
    const classification = {
      ...neutralClassification('nl'),
      topic: 'delivery' as const,
      subject: { lang: 'nl' as const, phrase: 'pakket', possessive: true },
    };
    expect(matterPhrase(classification, 'delivery', 'nl', false)).toBe('je pakket');
    expect(matterPhrase(classification, 'delivery', 'nl', true)).toBe('uw pakket');
    expect(matterPhrase(classification, 'delivery', 'en', false)).toBe('your order');
    expect(matterPhrase(classification, 'outage', 'nl', false)).toBe('de storing');
    expect(matterPhrase(classification, 'other', 'nl', false)).toBe('');
  });
});

describe('the reply on the screen', () => {
  it('breaks long lines at spaces for the terminal, and keeps every word and line break', () => {
    const reply = 'Hoi Dennis,\n' + 'Sorry dat het zo misgaat met je internet, dat is niet hoe het hoort. '.repeat(3).trim();
    const shown = wrapForScreen(reply, 50);
    for (const line of shown.split('\n')) expect(line.length).toBeLessThanOrEqual(48);
    expect(shown.replace(/\n/g, ' ')).toBe(reply.replace(/\n/g, ' '));
    expect(shown.startsWith('Hoi Dennis,\n')).toBe(true);
  });
});
