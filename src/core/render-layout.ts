// How rendered template text becomes the reply: template line breaks are only for reading;
// {{br}} and {{nl}} leave these marks, and layout() turns them into the reply's breaks.

/** Left by {{br}}: a blank line between paragraphs. */
export const PARAGRAPH = '\u2029';
/** Left by {{nl}}: a line break within a paragraph. */
export const LINE = '\u2028';

/** Template line breaks are only for readability: whitespace folds, {{br}} and {{nl}} break. */
export function layout(rendered: string): string {
  // Between two runs of text: "\n\n" when the gap holds a {{br}}, else "\n" for an {{nl}}, else
  // one space; nothing at either end. One pass by hand: it runs for every reply.
  let out = '';
  let gap = NO_GAP;
  let start = -1;
  for (let i = 0; i <= rendered.length; i++) {
    const code = i < rendered.length ? rendered.charCodeAt(i) : 32;
    if (isSpace(code)) {
      if (start >= 0) out += rendered.slice(start, i);
      start = -1;
      gap = Math.max(gap, code === 0x2029 ? PARAGRAPH_GAP : code === 0x2028 ? LINE_GAP : SPACE_GAP);
    } else if (start < 0) {
      if (out !== '') out += gap === PARAGRAPH_GAP ? '\n\n' : gap === LINE_GAP ? '\n' : ' ';
      gap = NO_GAP;
      start = i;
    }
  }
  return out;
}

const [NO_GAP, SPACE_GAP, LINE_GAP, PARAGRAPH_GAP] = [0, 1, 2, 3];

/** What \s matches (and trim() removes), {{br}} and {{nl}} included; rules-index.ts files phrase keys by it too. */
export function isSpace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}
