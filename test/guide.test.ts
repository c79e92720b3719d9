// End to end: `webcare guide` against the built binary (`npm run build` first). The texts are
// the domain data, so the tests compare with PERSONA_INFO and RULES rather than copying them.
import { describe, expect, it } from 'vitest';
import { PERSONAS, PERSONA_INFO } from '../src/core/domain.js';
import { RULES } from '../src/core/rules.js';
import { freshConfigDir, isCleanError, run } from './helpers.js';

/** The guide wraps long lines; compare text with the wrapping undone. */
const unwrap = (text: string) => text.replace(/\n {2}\s+/g, ' ');

describe('webcare guide', () => {
  it('gives the nine customer types at a glance, in Dutch by default', () => {
    const result = run(['guide']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^De negen klanttypes/);
    const text = unwrap(result.stdout);
    for (const persona of PERSONAS) {
      const info = PERSONA_INFO[persona];
      expect(text).toContain(info.label.nl);
      expect(text).toContain(`herkennen  ${info.recognise.nl}`);
      expect(text).toContain(`aanpak     ${info.strategy.nl}`);
      expect(text).not.toContain(info.avoid.nl);
    }
  });

  it('gives the overview in English with --lang en, or with the lang setting', () => {
    const flag = run(['guide', '--lang', 'en']);
    expect(flag.code).toBe(0);
    expect(flag.stdout).toMatch(/^The nine customer types/);
    for (const persona of PERSONAS) expect(unwrap(flag.stdout)).toContain(`strategy   ${PERSONA_INFO[persona].strategy.en}`);

    const config = freshConfigDir();
    expect(run(['config', 'set', 'lang', 'en'], { env: { WEBCARE_CONFIG_DIR: config } }).code).toBe(0);
    expect(run(['guide'], { env: { WEBCARE_CONFIG_DIR: config } }).stdout).toBe(flag.stdout);
  });

  it('shows one type in full, with an example reply from the templates', () => {
    const result = run(['guide', 'aggressive', '--lang', 'nl']);
    expect(result.code, result.stderr).toBe(0);
    const text = unwrap(result.stdout);
    const info = PERSONA_INFO.aggressive;
    expect(text).toMatch(/^agressief \(aggressive\)\n/);
    expect(text).toContain(info.recognise.nl);
    expect(text).toContain(info.strategy.nl);
    expect(text).toContain(`vermijd    ${info.avoid.nl}`);
    expect(text).toMatch(/Voorbeeld \(klacht op X, uit de templates\):\n {2}(Hoi|Hi|Hey) Marja,\n {2}.+\^Sanne\n/);
    // The strategy shows in the example: no apology to an aggressive customer, a private channel.
    expect(text).not.toMatch(/\bsorry\b/i);
    expect(text).toMatch(/DM/);
  });

  it('shows a type in English, and knows it by its label too', () => {
    const result = run(['guide', 'ambassador', '--lang', 'en']);
    expect(result.code).toBe(0);
    expect(unwrap(result.stdout)).toContain(PERSONA_INFO.ambassador.avoid.en);
    expect(result.stdout).toMatch(/Example \(compliment on X, from the templates\):\n {2}(Hi|Hey) Mark,/);
    expect(run(['guide', 'chronische klager']).stdout).toMatch(/^chronische klager \(chronic\)/);
  });

  it('signs the example with the configured agent, in the team’s register', () => {
    const config = freshConfigDir();
    const env = { WEBCARE_CONFIG_DIR: config };
    run(['config', 'set', 'agent', 'Ahmed'], { env });
    run(['config', 'set', 'formal', 'true'], { env });
    const result = run(['guide', 'meek'], { env });
    expect(result.stdout).toMatch(/\^Ahmed\n/);
    expect(result.stdout.split('Voorbeeld')[1]).not.toMatch(/\b(je|jij|jouw)\b/i);
  });

  it('lists the anti-patterns with why they backfire', () => {
    const result = run(['guide', 'antipatterns', '--lang', 'en']);
    expect(result.code).toBe(0);
    const text = unwrap(result.stdout);
    for (const rule of RULES) {
      expect(text).toContain(`${rule.title.en} (${rule.id})`);
      expect(text).toContain(rule.why.en);
    }
  });

  it('refuses an unknown type with exit 2 and the valid ids', () => {
    const result = run(['guide', 'grumpy']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(isCleanError(result.stderr)).toBe(true);
    expect(result.stderr).toContain(`unknown customer type "grumpy"`);
    expect(result.stderr).toContain(PERSONAS.join(', '));
  });
});
