/**
 * Finds citation quotes in a task's text. The graph keeps each quote exactly as the source prints
 * it (line breaks included) while the task text is normalised, so quotes are matched with any run
 * of whitespace standing for any other.
 */
export interface QuoteSpan<T> {
  start: number;
  end: number;
  item: T;
}

function quotePattern(quote: string): RegExp | null {
  const words = quote.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  return new RegExp(words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("\\s*"), "g");
}

/** Spans of the quotes in text order, without overlaps; quotes not found are left out. */
export function locateQuotes<T extends { quote: string }>(text: string, items: readonly T[]): QuoteSpan<T>[] {
  const spans: QuoteSpan<T>[] = [];
  const taken = (start: number, end: number) => spans.some((span) => start < span.end && span.start < end);
  for (const item of items) {
    const pattern = quotePattern(item.quote);
    if (!pattern) continue;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const end = match.index + match[0].length;
      if (!taken(match.index, end)) {
        spans.push({ start: match.index, end, item });
        break;
      }
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}
