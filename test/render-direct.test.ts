// The direct renderer must write exactly what Handlebars writes: every combination `templates
// check --all` crosses, through both, and templates it cannot render fall back to Handlebars.
import { describe, expect, it } from 'vitest';
import { PERSONAS } from '../src/core/domain.js';
import { compileTemplates, parseForBuild, type ReplyContext, type TemplateFile } from '../src/core/render.js';
import { LINE, PARAGRAPH, layout } from '../src/core/render-layout.js';
import { checkCombination, combinations } from '../src/core/template-check.js';
import { loadTemplateEntries } from '../src/templates.js';

const builtIn = loadTemplateEntries();

const withFile = (name: string, source: string): TemplateFile[] => [
  ...builtIn.filter((file) => file.name !== name),
  { name, source, path: `/tmp/${name}.hbs` },
];

const context: ReplyContext = {
  name: 'Marja de Vries', firstName: 'Marja', hasName: true, formalName: false, agent: 'Sanne', company: 'Voorbeeld BV', channel: 'facebook',
  type: 'complaint', persona: 'meek', fault: 'company', topic: 'delivery', matter: 'je pakket', sensitive: false, lang: 'nl',
  formal: false, action: 'we bellen je  morgen\u2028', privateChannel: 'een DM', details: 'je ordernummer', intent: 'reply',
  apologise: true, movePrivate: true, inPrivate: false, followUp: true, removal: false, alsoAsks: false, colleague: '', bereaved: false, caution: false, short: false, measured: false, brief: false,
};

describe('direct rendering', () => {
  it('writes the same reply as Handlebars for every combination of answers and phrasing', () => {
    const direct = compileTemplates(builtIn);
    const handlebars = compileTemplates(builtIn, { direct: false });
    let total = 0;
    for (const combination of combinations({ all: true })) {
      // Every 41st (prime to the 6 phrasings) keeps the run short yet meets every part and phrasing.
      if (total++ % 41 !== 0) continue;
      expect(checkCombination(direct, combination).reply).toBe(checkCombination(handlebars, combination).reply);
    }
  });

  it('writes the same from the syntax trees build.mjs stores (dist/templates.json) as from parsing', () => {
    const stored = new Map(JSON.parse(JSON.stringify(parseForBuild(builtIn))) as [string, never][]);
    const fromBuild = compileTemplates(builtIn, { parsed: stored });
    const parsed = compileTemplates(builtIn);
    let total = 0;
    for (const combination of combinations({ all: true })) {
      if (total++ % 37 !== 0) continue;
      expect(checkCombination(fromBuild, combination).reply).toBe(checkCombination(parsed, combination).reply);
    }
    // A phrasing the build never saw (a team's own file) is parsed as before.
    const own = builtIn.map((file) => (file.name === 'nl/partials/greeting' ? { ...file, source: 'Goedemorgen {{firstName}},' } : file));
    expect(compileTemplates(own, { parsed: stored }).render('nl', context, 0)).toMatch(/^Goedemorgen Marja,/);
  });

  it('matches Handlebars on values that are empty, odd or typed by people', () => {
    const direct = compileTemplates(builtIn);
    const handlebars = compileTemplates(builtIn, { direct: false });
    for (const persona of PERSONAS)
      for (const overrides of [{}, { hasName: false, firstName: '', name: '', agent: '', action: '' }, { action: '{{agent}} & <b>' }])
        for (let seed = 0; seed < 6; seed++) {
          const ctx = { ...context, persona, ...overrides };
          expect(direct.render('nl', ctx, seed)).toBe(handlebars.render('nl', ctx, seed));
          expect(direct.render('en', { ...ctx, lang: 'en' }, seed)).toBe(handlebars.render('en', { ...ctx, lang: 'en' }, seed));
        }
  });

  it('leaves templates it does not cover to Handlebars, with the same result', () => {
    const sources = [
      '{{#each (r "a" "b")}}x{{/each}}Hoi {{firstName}},',
      '{{#with firstName}}Hoi {{this}},{{/with}}',
      '{{#hasName}}Hoi {{firstName}},{{/hasName}}',
      'Hoi {{lookup this "firstName"}}, {{@root.agent}}',
      '{{#if hasName includeZero=true}}Hoi {{firstName}}{{else if agent}}Hoi{{/if}},',
    ];
    for (const source of sources) {
      const files = withFile('nl/partials/greeting', source);
      expect(compileTemplates(files).render('nl', context, 3)).toBe(compileTemplates(files, { direct: false }).render('nl', context, 3));
    }
  });

  it('names the file of a missing persona either way', () => {
    const files = builtIn.filter((file) => file.name !== 'nl/persona/meek');
    for (const direct of [true, false]) {
      expect(() => compileTemplates(files, { direct }).render('nl', context, 0)).toThrow(/nl\/persona\/meek\.hbs: this template is missing/);
    }
  });
});

describe('layout', () => {
  // What layout() did before it became one pass: split on the marks, fold, trim, drop empties.
  const byParts = (text: string) =>
    text
      .split(PARAGRAPH)
      .map((p) => p.split(LINE).map((line) => line.replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n'))
      .filter(Boolean)
      .join('\n\n');

  it('folds whitespace and breaks on the marks exactly as splitting did', () => {
    for (const text of [
      '', ' ', `${PARAGRAPH}${LINE}`, `  Hoi${LINE} \n Marja,${PARAGRAPH}${PARAGRAPH} Tekst.\t\u00a0${LINE}${LINE}`,
      `a${PARAGRAPH} ${LINE}b${LINE}c \u3000 d\ufeff`, `${LINE}x${PARAGRAPH}`, 'één\u2003twee\u200bdrie',
    ]) {
      expect(layout(text)).toBe(byParts(text));
    }
  });
});
