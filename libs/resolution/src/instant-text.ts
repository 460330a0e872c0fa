/** Instants remembered: a handful of window ends are live at a time (one per limit duration). */
const REMEMBERED = 64;
const texts = new Map<number, string>();

/**
 * `new Date(ms).toISOString()`, remembered: a rate limit's window end is the same on every
 * request until the window moves on, and formatting a date costs more than deciding the limit.
 */
export function instantText(ms: number): string {
  let text = texts.get(ms);
  if (text === undefined) {
    if (texts.size >= REMEMBERED) texts.clear();
    text = new Date(ms).toISOString();
    texts.set(ms, text);
  }
  return text;
}
