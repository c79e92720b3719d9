import { describe, expect, it } from 'vitest';
import { LineError, idOf, readMessage, reviewReasons } from '../src/commands/batch.js';
import { MAX_TEXT_BYTES, type Finding } from '../src/core/domain.js';
import { neutralClassification, type Draft } from '../src/core/draft.js';

function lineError(work: () => unknown): LineError {
  try {
    work();
  } catch (error) {
    if (error instanceof LineError) return error;
    throw error;
  }
  throw new Error('expected a LineError');
}

describe('readMessage', () => {
  it('takes the text and every answer a record may settle, from JSON values or CSV strings', () => {
    const fromJson = readMessage({
      text: 'Waar blijft mijn pakket?',
      name: 'Marja',
      channel: 'facebook',
      type: 'question',
      persona: 'meek',
      sensitive: true,
      fault: 'company',
      action: 'We bellen je morgen.',
      lang: 'nl',
      topic: 'delivery',
      formal: false,
      intent: 'private',
      unknownColumn: 'ignored',
    });
    expect(fromJson.text).toBe('Waar blijft mijn pakket?');
    expect(fromJson.flags).toEqual({
      name: 'Marja',
      channel: 'facebook',
      type: 'question',
      persona: 'meek',
      sensitive: true,
      fault: 'company',
      action: 'We bellen je morgen.',
      lang: 'nl',
      topic: 'delivery',
      formal: false,
      intent: 'private',
    });
    const fromCsv = readMessage({ text: 'x', sensitive: 'yes', formal: '0', persona: ' Angry ', channel: '', name: '' });
    expect(fromCsv.flags).toEqual({ sensitive: true, formal: false, persona: 'angry' });
  });

  it('leaves out what a record does not give, so draft --yes infers it', () => {
    expect(readMessage({ text: 'hoi', name: null, channel: null }).flags).toEqual({});
  });

  it('refuses a missing, wrong-typed, empty, binary or oversized text, each with its own code', () => {
    expect(lineError(() => readMessage({})).code).toBe('missing-text');
    expect(lineError(() => readMessage({ text: 42 })).code).toBe('invalid-value');
    expect(lineError(() => readMessage({ text: ' \n\t ' })).code).toBe('empty-text');
    expect(lineError(() => readMessage({ text: 'a\u0000b' })).code).toBe('binary');
    const big = lineError(() => readMessage({ text: 'é'.repeat(MAX_TEXT_BYTES / 2 + 1) }));
    expect(big.code).toBe('too-long');
    expect(big.message).toBe('text is over 100 KB; split or trim it');
  });

  it('names the valid values when a choice is unknown', () => {
    const error = lineError(() => readMessage({ text: 'x', persona: 'grumpy' }));
    expect(error.code).toBe('invalid-value');
    expect(error.message).toBe(
      'persona "grumpy" is not one of: meek, aggressive, demanding, opportunist, chronic, ambassador, critic, introvert, angry',
    );
    expect(lineError(() => readMessage({ text: 'x', sensitive: 'maybe' })).message).toBe(
      'sensitive "maybe" is not one of: true, false, yes, no, 1, 0',
    );
    expect(lineError(() => readMessage({ text: 'x', name: 7 })).message).toBe('"name" must be a string, not 7');
  });
});

describe('idOf', () => {
  it('keeps a text or number id as given and refuses anything else', () => {
    expect(idOf({ id: 'x-1' })).toBe('x-1');
    expect(idOf({ id: 7 })).toBe(7);
    expect(idOf({ id: '' })).toBeUndefined();
    expect(idOf({})).toBeUndefined();
    expect(lineError(() => idOf({ id: { nested: true } })).code).toBe('invalid-value');
  });
});

describe('reviewReasons', () => {
  const finding = (rule: string, severity: Finding['severity']): Finding => ({
    rule,
    severity,
    line: 1,
    column: 1,
    excerpt: '',
    message: '',
    advice: '',
  });
  const draft = (changes: Partial<Draft> = {}): Draft => ({
    reply: 'Hoi Marja',
    lang: 'nl',
    channel: 'x',
    type: 'complaint',
    persona: 'meek',
    sensitive: false,
    fault: 'unclear',
    topic: 'other',
    intent: 'reply',
    formal: false,
    name: 'Marja',
    action: null,
    variant: 1,
    warnings: [],
    strategy: '',
    ...changes,
  });
  const calm = neutralClassification('nl');

  it('is empty for a plain draft of a calm message', () => {
    expect(reviewReasons(draft(), calm, 'Mijn pakket is er nog niet.')).toEqual([]);
  });

  it('lists each finding rule once, but not hints', () => {
    const warnings = [finding('too-long', 'error'), finding('too-long', 'error'), finding('cliche', 'warning'), finding('deletion', 'hint')];
    expect(reviewReasons(draft({ warnings }), calm, 'x')).toEqual(['finding:too-long', 'finding:cliche']);
  });

  it('flags sensitive matters, angry and aggressive customers, legal words and abuse', () => {
    expect(reviewReasons(draft({ sensitive: true, persona: 'aggressive' }), calm, 'x')).toEqual(['sensitive', 'persona:aggressive']);
    expect(reviewReasons(draft({ persona: 'angry' }), calm, 'x')).toEqual(['persona:angry']);
    expect(reviewReasons(draft(), calm, 'Dan stap ik naar de rechter.')).toEqual(['legal']);
    expect(reviewReasons(draft(), calm, 'I will sue you')).toEqual(['legal']);
    expect(reviewReasons(draft(), { ...calm, sensitiveReasons: ['legal'] }, 'x')).toEqual(['legal']);
    expect(reviewReasons(draft(), { ...calm, abusive: true, abuseTarget: 'person' }, 'x')).toEqual(['abusive']);
  });

  it('does not read "court" inside another word as a legal threat', () => {
    expect(reviewReasons(draft(), calm, 'Ik sta bij de Courtyard-ingang')).toEqual([]);
  });
});
