import { wrapForScreen } from '../src/ui/draft-view.js';
import { describe, expect, it } from 'vitest';
import { MESSAGE_TYPES, PERSONAS, type Persona } from '../src/core/domain.js';
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

/** Every language, register, persona and phrasing of one kind of message. */
function* everyPhrasing(overrides: Partial<Answers>, variants: number) {
  for (const lang of ['nl', 'en'] as const)
    for (const formal of [false, true])
      for (const persona of PERSONAS)
        for (let variant = 1; variant <= variants; variant++) {
          const label = `${lang} ${formal ? 'formal' : 'informal'} ${persona} ${variant}`;
          yield { label, lang, given: answers({ ...overrides, persona, lang, formal, variant }) };
        }
}

describe('composeDraft', () => {
  it('warns when the moderator\'s action breaks the register, and only then', () => {
    const mixed = draft({ formal: true, action: 'we bellen je vandaag nog terug' });
    expect(mixed.warnings.map((w) => [w.rule, w.excerpt])).toContainEqual(['register', 'je']);
    expect(draft({ formal: true, action: 'we bellen u vandaag nog terug' }).warnings.filter((w) => w.rule === 'register')).toEqual([]);
    expect(draft({ formal: false, action: 'we bellen u vandaag' }).warnings.map((w) => w.rule)).toContain('register');
    expect(draft({ formal: false }).warnings).toEqual([]);
  });

  it('keeps "Hey", "Groetjes" and "Cheers" off LinkedIn, e-mail and review sites', () => {
    for (const channel of ['linkedin', 'email', 'review'] as const) {
      for (const lang of ['nl', 'en'] as const) {
        for (let variant = 1; variant <= 4; variant++) {
          const reply = draft({ channel, lang, variant }).reply;
          expect(reply, `${channel} ${lang} ${variant}`).not.toMatch(/^Hey\b|Groetjes,|Cheers,/m);
        }
      }
    }
    expect([1, 2, 3, 4].map((variant) => draft({ channel: 'facebook', variant }).reply).join('\n')).toMatch(/^Hey\b|Groetjes,/m);
  });

  it('answers the question inside a compliment too, cleanly, in every persona, language and phrasing', () => {
    for (const { label, lang, given } of everyPhrasing({ type: 'compliment', channel: 'x', fault: 'unclear' }, 3)) {
      const asked = composeDraft(MESSAGE, given, { ...neutralClassification(lang), type: 'compliment', alsoAsks: true }, renderer);
      expect(asked.reply, label).toMatch(lang === 'nl' ? /vraag/ : /question/);
      expect(asked.warnings, asked.reply).toEqual([]);
      expect(asked.reply.length).toBeLessThanOrEqual(280);
    }
    expect(draft({ type: 'compliment' }).reply).not.toMatch(/vraag/);
  });

  it('passes praise on to the colleague it names, in every persona, language, register and phrasing', () => {
    for (const { label, lang, given } of everyPhrasing({ type: 'compliment', channel: 'facebook', fault: 'unclear' }, 4)) {
      const praised = composeDraft(MESSAGE, given, { ...neutralClassification(lang), type: 'compliment', colleague: 'Jan-Willem' }, renderer);
      expect(praised.reply, label).toContain('Jan-Willem');
      expect(praised.warnings, praised.reply).toEqual([]);
      // Once is enough: "je bericht ... je bericht" reads as a script.
      expect(praised.reply.match(/bericht|message/g)?.length ?? 0, praised.reply).toBeLessThanOrEqual(1);
    }
    // Only a compliment thanks a colleague: a complaint that names one does not.
    const complaint = composeDraft(MESSAGE, answers({ type: 'complaint' }), { ...neutralClassification('nl'), colleague: 'Jan-Willem' }, renderer);
    expect(complaint.reply).not.toContain('Jan-Willem');
  });

  it('tells future readers of a review what will change: the review goes to the team it is about', () => {
    for (const { label, lang, given } of everyPhrasing({ type: 'complaint', fault: 'company', channel: 'review' }, 3)) {
      const { reply, warnings } = draft({ ...given, lang });
      expect(reply, label).toMatch(lang === 'nl' ? /team (dat|waar|in kwestie)/ : /team (involved|it's about|concerned)/);
      expect(warnings, reply).toEqual([]);
    }
    expect(draft({ type: 'complaint', channel: 'facebook' }).reply).not.toMatch(/team (dat|waar|in kwestie)/);
  });

  it('warns not to click or share before anything else when a customer asks whether a mail is ours', () => {
    for (const type of ['question', 'complaint'] as const) {
      for (const { label, lang, given } of everyPhrasing({ type, fault: 'unclear', channel: 'facebook' }, 3)) {
        const { reply, warnings } = composeDraft(MESSAGE, given, { ...neutralClassification(lang), type, scamWorry: true }, renderer);
        expect(reply, `${type} ${label}`).toMatch(lang === 'nl' ? /link|klik/i : /link|click/i);
        expect(warnings, reply).toEqual([]);
      }
    }
    expect(draft({ type: 'question' }).reply).not.toMatch(/link|klik/i);
  });

  it('opens with condolences for someone who lost a person, in a calm tone, for every kind of message', () => {
    for (const type of MESSAGE_TYPES) {
      const fault = type === 'complaint' ? 'company' : 'unclear';
      for (const { label, lang, given } of everyPhrasing({ type, fault, channel: 'facebook', name: null }, 4)) {
        const { reply, warnings } = composeDraft(MESSAGE, given, { ...neutralClassification(lang), type, bereaved: true }, renderer);
        expect(reply.split('\n')[2], `${type} ${label}`).toMatch(lang === 'nl' ? /^(Allereerst: g|G|Wat verdrietig\. G)econdoleerd met (je|uw) verlies\./ : /sorry for your loss\./);
        expect(reply, `${type} ${label}`).not.toMatch(/^(Hey|Hi!|Hoi!|Hallo!|Hello!)|Groetjes|Cheers/m);
        // No persona line: "No wonder you're angry" or "Ik zou ook boos zijn" to someone grieving.
        expect(reply, `${type} ${label}`).not.toMatch(/angry|boos|baalt|Mind if we share|Mogen we/);
        if (type === 'question') expect(reply, label).not.toMatch(/Goede vraag|Good question|Glad you asked|Fijn dat/);
        expect(warnings, reply).toEqual([]);
      }
    }
    expect(draft({ type: 'question' }).reply).not.toMatch(/gecondoleerd/i);
    // Thanks at such a time get a quiet line: no "!", no "Mind if we share?", no "You're a star".
    for (const { label, lang, given } of everyPhrasing({ type: 'compliment', fault: 'unclear', channel: 'instagram' }, 4)) {
      const { reply } = composeDraft(MESSAGE, given, { ...neutralClassification(lang), type: 'compliment', bereaved: true }, renderer);
      expect(reply.split('\n').slice(1, -1).join(' '), label).not.toMatch(/!|delen|share|star|topper|[😊🙌💛]/u);
    }
  });

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
    expect(replies.get('opportunist')).toMatch(/oplos|uitkomst/);
    expect(replies.get('introvert')).toMatch(/\?/);
    expect(replies.get('angry')).toMatch(/boos|baalt|balen/);
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
    for (const channel of ['x', 'facebook'] as const) {
      for (const lang of ['nl', 'en'] as const) {
        const variants = new Set([1, 2, 3, 4].map((variant) => draft({ variant, channel, lang }).reply));
        expect(variants.size, `${channel} ${lang}`).toBe(4);
      }
    }
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

const OTHER: Record<'nl' | 'en', { complaint: string; compliment: string; question: string }> = {
  nl: {
    complaint: MESSAGE,
    compliment: 'Wat een top service! Mijn bestelling was binnen een dag binnen.',
    question: 'Hoe kan ik het bezorgadres van mijn bestelling nog wijzigen?',
  },
  en: {
    complaint: 'My parcel still has not arrived, a week late already.',
    compliment: 'What great service! My order arrived within a day.',
    question: 'How do I change the delivery address on my order?',
  },
};

describe('the persona shapes the reply', () => {
  const FOLLOW_UP = /laat (je|u) (ons )?(even )?weten|horen we van|let us know|tell us (how|if)|how it goes/i;

  it('gives eight or more different replies to one message, for a complaint, a compliment and a question, on X and Facebook, with and without an action', () => {
    for (const lang of ['nl', 'en'] as const) {
      const action = lang === 'nl' ? 'we sturen vandaag een nieuw pakket' : "we're sending a new parcel today";
      for (const type of ['complaint', 'compliment', 'question'] as const) {
        for (const channel of ['x', 'facebook'] as const) {
          for (const given of [null, action]) {
            if (given === null && channel === 'x' && type === 'compliment') continue; // covered with the action
            const replies = PERSONAS.map((persona) => draft({ persona, type, channel, lang, action: given }, OTHER[lang][type]).reply);
            expect(new Set(replies).size, `${lang} ${type} ${channel} ${given ?? 'no action'}:\n${replies.join('\n')}`).toBeGreaterThanOrEqual(8);
            if (channel === 'x') for (const reply of replies) expect(reply.length, reply).toBeLessThanOrEqual(280);
          }
        }
      }
    }
  });

  it('asks whether it worked out only after an action', () => {
    for (const lang of ['nl', 'en'] as const) {
      for (const persona of PERSONAS) {
        for (let variant = 1; variant <= 4; variant++) {
          const without = draft({ persona, lang, variant, channel: 'facebook' }).reply;
          expect(without, without).not.toMatch(FOLLOW_UP);
        }
      }
      for (const persona of ['angry', 'demanding'] as const) {
        for (let variant = 1; variant <= 3; variant++) {
          const action = lang === 'nl' ? 'we sturen vandaag een nieuw pakket' : "we're sending a new parcel today";
          const withAction = draft({ persona, lang, variant, channel: 'facebook', action }).reply;
          expect(withAction, withAction).toMatch(FOLLOW_UP);
        }
      }
    }
  });

  it('never apologises for a question, and admits nothing when the fault is the customer’s', () => {
    for (const lang of ['nl', 'en'] as const) {
      for (const persona of PERSONAS) {
        for (let variant = 1; variant <= 4; variant++) {
          const question = draft({ persona, lang, variant, type: 'question', fault: 'company' }, OTHER[lang].question).reply;
          expect(question, question).not.toMatch(APOLOGY);
          const customer = draft({ persona, lang, variant, fault: 'customer' }).reply;
          expect(customer, customer).not.toMatch(/terecht|eerlijke kritiek|onze fout|ligt bij ons|you're right|fair criticism|our mistake|on us|expect (more|better)/i);
        }
      }
    }
  });

  it('never says "not the first time" to a chronic complainer, and never promises without an action', () => {
    for (const lang of ['nl', 'en'] as const) {
      for (const type of ['complaint', 'question', 'remark'] as const) {
        for (const persona of PERSONAS) {
          for (let variant = 1; variant <= 4; variant++) {
            const reply = draft({ persona, lang, variant, type }).reply;
            if (persona === 'chronic') expect(reply, reply).not.toMatch(/eerste keer|first time|again|weer |vaker/i);
            expect(reply, reply).not.toMatch(/oplossing verwachten|expect a solution|on it now|aan de slag\.|picking it up now/i);
          }
        }
      }
    }
  });

  it('writes a strategy line that agrees with the reply', () => {
    for (const lang of ['nl', 'en'] as const) {
      for (const persona of ['aggressive', 'opportunist'] as const) {
        const result = draft({ persona, lang, fault: 'company' });
        expect(result.reply).not.toMatch(APOLOGY);
        expect(result.strategy).not.toMatch(/excuses aan|and apologise/);
      }
      const meek = draft({ persona: 'meek', lang, fault: 'customer' });
      expect(meek.strategy).not.toMatch(/excuses aan|apologise publicly/);
      expect(draft({ persona: 'meek', lang, type: 'compliment' }).strategy).not.toMatch(/excuses aan|apologise publicly/);
    }
  });

  it('asks a traveller for the journey’s details, not a booking code', () => {
    const reply = draft({ topic: 'travel', lang: 'nl' }).reply;
    expect(reply).toMatch(/reisgegevens/);
    expect(reply).not.toMatch(/boekingscode/);
    expect(draft({ topic: 'travel', lang: 'en' }).reply).toMatch(/journey details/);
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

  it('answers a customer who writes "u" in the formal register, unless a flag or the team says otherwise', () => {
    const formal = { ...neutralClassification('nl'), formal: true, formalCues: ['u'] };
    expect(resolveAnswers(formal, { flags: {}, settings: {} }).formal).toBe(true);
    expect(resolveAnswers(formal, { flags: {}, settings: { formal: false } }).formal).toBe(false);
    expect(resolveAnswers(formal, { flags: { formal: false }, settings: { formal: true } }).formal).toBe(false);
    expect(resolveAnswers(neutralClassification('nl'), { flags: {}, settings: {} }).formal).toBe(false);
  });

  it('finds the first name in what the customer wrote', () => {
    expect(firstNameOf('Dennis Voorn (@VoornDennis)')).toBe('Dennis');
    expect(firstNameOf('Jan-Willem de Boer')).toBe('Jan-Willem');
    expect(firstNameOf("O'Brien")).toBe("O'Brien");
    expect(firstNameOf(null)).toBe('');
    expect(firstNameOf('J. Hoekstra')).toBe('J. Hoekstra');
    expect(firstNameOf('Mevr. Postma')).toBe('Mevr. Postma');
    expect(firstNameOf('H.')).toBe('');
    expect(firstNameOf('de Vries')).toBe('');
    expect(firstNameOf('🙂 Marja')).toBe('Marja');
    expect(firstNameOf('Dr. Anna Smit')).toBe('Dr. Anna Smit');
  });

  it('greets a titled name formally and a surname or an emoji never as a first name', () => {
    for (const lang of ['nl', 'en'] as const) {
      for (let variant = 1; variant <= 4; variant++) {
        for (const name of ['Mevr. de Vries', 'Dr. Anna Smit']) {
          expect(draft({ name, lang, variant }).reply, name).toMatch(new RegExp(`^(Beste|Goedendag|Dear|Hello) ${name.replace('.', '\\.')},`));
        }
        expect(draft({ name: 'de Vries', lang, variant }).reply).not.toMatch(/^\S+ de,/);
        expect(draft({ name: 'de Vries', lang, variant }).reply.split('\n')[0]).not.toMatch(/de/);
        expect(draft({ name: '🙂 Marja', lang, variant }).reply).toMatch(/^\S+ Marja,/);
      }
    }
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
