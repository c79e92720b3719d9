// Picking a phrasing: a stable number from the message, so the same input gives the same reply.
// Kept apart from render.ts so that choosing a seed does not load Handlebars.

/** FNV-1a: a small, stable string hash. */
export function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
