// How a phrase can start: the first characters of every string its regex source matches, so
// rules-index.ts can file it under them. Covers the regex subset the phrase lists use. It reads
// only as far as it must: once every way through a part is long enough, the rest is skipped.

/** Stands for "any character" in a prefix. */
export const ANY_CHAR = '\0';
/** Stands for whitespace in a prefix: a run of it counts once, as rules-index.ts files keys. */
export const SPACE_CHAR = '\u0001';

/** Every start of `length` characters (shorter: the match can end there) the source can match. */
export function startPrefixes(source: string, length: number): Set<string> {
  let i = 0;

  const alternation = (want: number): Set<string> => {
    const result = new Set<string>();
    for (;;) {
      for (const prefix of sequence(want)) result.add(prefix);
      if (source[i] !== '|') return result;
      i++;
    }
  };

  const sequence = (want: number): Set<string> => {
    let current = new Set(['']);
    while (i < source.length && source[i] !== '|' && source[i] !== ')') {
      if (everyLong(current, want)) {
        skipRestOfSequence();
        break;
      }
      const atom = atomPrefixes(want);
      const [min, max] = quantifier();
      current = append(current, repeat(atom, min, max, want), want);
    }
    return current;
  };

  const atomPrefixes = (want: number): Set<string> => {
    const char = source[i]!;
    if (char === '(') {
      const lookaround = source[i + 1] === '?' && (source[i + 2] === '=' || source[i + 2] === '!' || (source[i + 2] === '<' && (source[i + 3] === '=' || source[i + 3] === '!')));
      if (lookaround) {
        i++;
        skipRestOfSequence(true);
        i++;
        return new Set(['']);
      }
      i = source.startsWith('(?:', i) ? i + 3 : source.startsWith('(?<', i) ? source.indexOf('>', i) + 1 : i + 1;
      const inner = alternation(want);
      i++; // the closing parenthesis
      return inner;
    }
    if (char === '[') {
      const close = classEnd(source, i);
      const body = source.slice(i + 1, close);
      i = close + 1;
      if (body.startsWith('^') || /\\[pPdDsSwW]|[^\\]-./.test(body)) return new Set([ANY_CHAR]);
      return new Set((body.match(/\\x[0-9a-f]{2}|\\u[0-9a-f]{4}|\\.|./gi) ?? []).map(literal));
    }
    if (char === '^' || char === '$') {
      i++;
      return new Set(['']);
    }
    if (char === '\\') {
      const next = source[i + 1]!;
      const end = next === 'p' || next === 'P' ? source.indexOf('}', i) + 1 : next === 'x' ? i + 4 : next === 'u' ? i + 6 : i + 2;
      const part = source.slice(i, end);
      i = end;
      if (part === '\\s') return new Set([SPACE_CHAR]);
      return new Set([/^\\([pPdDsSwW]|b)/.test(part) ? ANY_CHAR : literal(part)]);
    }
    i++;
    return new Set([char === '.' ? ANY_CHAR : literal(char)]);
  };

  const quantifier = (): [number, number] => {
    let bounds: [number, number] = [1, 1];
    const char = source[i];
    if (char === '?') bounds = [0, 1];
    else if (char === '*') bounds = [0, Infinity];
    else if (char === '+') bounds = [1, Infinity];
    else if (char === '{' && /^\{\d/.test(source.slice(i, i + 2))) {
      const close = source.indexOf('}', i);
      const [low, high] = source.slice(i + 1, close).split(',');
      bounds = [Number(low), high === undefined ? Number(low) : high === '' ? Infinity : Number(high)];
      i = close;
    } else return bounds;
    i++;
    if (source[i] === '?') i++; // lazy
    return bounds;
  };

  /** Moves i to the next | or ) of this level (or, inside a group, past its content). */
  const skipRestOfSequence = (wholeGroup = false) => {
    let depth = 0;
    while (i < source.length) {
      const char = source[i];
      if (char === '\\') i += 2;
      else if (char === '[') i = classEnd(source, i) + 1;
      else if (char === '(') depth++, i++;
      else if (char === ')') {
        if (depth === 0) return;
        depth--, i++;
      } else if (char === '|' && depth === 0 && !wholeGroup) return;
      else i++;
    }
  };

  return alternation(length);
}

/** The index of the ] that closes the [class] opening at start. */
export function classEnd(source: string, start: number): number {
  let j = start + 1;
  while (source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
  return j;
}

function everyLong(prefixes: Set<string>, want: number): boolean {
  for (const prefix of prefixes) if (prefix.length < want) return false;
  return true;
}

/** The atom repeated min to max times (never more than needed for `want` characters). */
function repeat(atom: Set<string>, min: number, max: number, want: number): Set<string> {
  if (atom.size === 1 && atom.has(SPACE_CHAR)) {
    min = Math.min(min, 1);
    max = Math.min(max, 1);
  }
  const result = new Set<string>();
  let repeated = new Set(['']);
  for (let times = 0; times <= Math.min(max, min + want); times++) {
    for (const prefix of repeated) if (times >= min || prefix.length >= want) result.add(prefix);
    repeated = append(repeated, atom, want);
    if (repeated.size === 0) break;
  }
  return result;
}

function append(starts: Set<string>, rests: Set<string>, want: number): Set<string> {
  const result = new Set<string>();
  for (const start of starts) {
    if (start.length >= want) result.add(start);
    else for (const rest of rests) result.add((start + rest).slice(0, want));
  }
  return result;
}

/** The character a literal or an escape in the source stands for; whitespace as SPACE_CHAR. */
function literal(part: string): string {
  let char: string;
  if (/^\\[xu]/.test(part)) char = String.fromCharCode(parseInt(part.slice(2), 16));
  else if (part === '\\t') char = '\t';
  else if (part === '\\n') char = '\n';
  else char = part.startsWith('\\') ? part.slice(1) : part;
  return /^\s$/.test(char) ? SPACE_CHAR : char;
}
