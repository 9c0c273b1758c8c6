/**
 * The sentence around a relation's quote: what the stating text says of the cited document
 * ("2. Thông tư số 36/2021/TT-BLĐTBXH … hết hiệu lực thi hành kể từ ngày Thông tư này có hiệu lực
 * thi hành."), where the quote alone is only the citation. Read from a window of the stating
 * document's text around the quote's span; pure, so the rules are unit-tested.
 */

/** Characters read on each side of a quote: a sentence longer than this is cut, with "…". */
export const SENTENCE_WINDOW = 500;

/** Where a sentence starts after: end punctuation and a space, or a line that opens an item. */
const START = /[.;!?]["”)]?\s+|:\s*\n|\n(?=[ \t]*(?:\d+(?:\.\d+)*\.\s|[a-zđ]\)\s|[-–•+]\s|Điều\s+\d+))/gu;
/** Where it ends: end punctuation before a space or the end, or a line that opens an item. */
const END = /[.;!?](?=["”)]?(?:\s|$))|\n(?=[ \t]*(?:\d+(?:\.\d+)*\.\s|[a-zđ]\)\s|[-–•+]\s|Điều\s+\d+))/u;

/**
 * The sentence of `window` that holds `quote`, white space squashed; null when the quote is not in
 * the window. `expectedAt` is where the quote should start in the window (the span may be off by a
 * few characters when the database counts code points: the nearest occurrence is taken).
 * `cutBefore`/`cutAfter` say that the window does not reach the text's start or end.
 */
export function sentenceAround(
  window: string,
  quote: string,
  expectedAt: number,
  cutBefore: boolean,
  cutAfter: boolean,
): string | null {
  if (!quote) return null;
  let at = -1;
  for (let i = window.indexOf(quote); i >= 0; i = window.indexOf(quote, i + 1))
    if (at < 0 || Math.abs(i - expectedAt) < Math.abs(at - expectedAt)) at = i;
  if (at < 0) return null;
  let begin = 0;
  for (const match of window.slice(0, at).matchAll(START)) begin = match.index + match[0].length;
  const tail = window.slice(at + quote.length);
  const end = END.exec(tail);
  const stop = end ? at + quote.length + end.index + (end[0] === "\n" ? 0 : 1) : window.length;
  const sentence = window.slice(begin, stop).replace(/\s+/gu, " ").trim();
  return `${begin === 0 && cutBefore ? "…" : ""}${sentence}${!end && cutAfter ? "…" : ""}`;
}
