import type { MatchingText } from "../text/matching-text.js";
import type { Citation, ListedRelation } from "../model.js";
import type { RawCitation } from "./scan-citations.js";
import { amendingList } from "./relation-kind.js";
import { scopeIn } from "../tree/scope-codes.js";

/** folded: an article's heading line, group 1 what it says after its number. */
const ARTICLE_LINE = /(?<=^|\n)[ \t*_#]*dieu\s+\d{1,3}[a-z]?\s*[.:][ \t]*([^\n]*)/g;
/** folded: the verb an article's heading opens with, group 1. */
const HEADING_VERB =
  /^(sua\s+doi\s*,?\s*bo\s+sung\s*,?\s*bai\s+bo|sua\s+doi\s*,?\s*bo\s+sung|sua\s+doi|bo\s+sung|bai\s+bo|thay\s+the)(?![a-z])/;
/** folded: words of a heading that act on wording or annexes ("Thay thế, bãi bỏ một số cụm từ", "Thay thế Phụ lục"). */
const WORDING_OR_ANNEX = /(?<![a-z])(?:cum\s+tu|tu\s+ngu|phu\s+luc|mau\s+so|bieu\s+mau|mau\s+bieu)(?![a-z])/;

/**
 * A text that amends one document alone, named in its title or enacting formula ("NGHỊ ĐỊNH⏎Sửa
 * đổi, bổ sung một số điều của Nghị định số 124/2020/NĐ-CP …"), whose articles then name no
 * document ("Điều 1. Sửa đổi, bổ sung khoản 4 của Điều 5", "Điều 7. Bãi bỏ Điều 9."): each such
 * article states its verb about that document, with the parts its heading (or its items) name.
 * Added to the listed relations of that document's citation in the title.
 */
export function impliedArticleRelations(
  mt: MatchingText,
  raws: readonly RawCitation[],
  citations: Citation[],
): void {
  const { folded } = mt;
  const first = /(?<=^|\n)[ \t*_#]*dieu\s+1\s*[.:]/.exec(folded);
  if (!first) return;
  const amendedBefore = citations.filter(
    (c, k) => c.relationKind === "AMENDS" && raws[k] !== undefined && raws[k]!.leadStart < first.index,
  );
  const symbols = new Set(amendedBefore.map((c) => c.symbol));
  if (symbols.size !== 1) return;
  const target = amendedBefore[0]!;
  const leads = raws.map((r) => r.leadStart);
  const added: ListedRelation[] = [];
  ARTICLE_LINE.lastIndex = first.index;
  for (let m = ARTICLE_LINE.exec(folded); m; m = ARTICLE_LINE.exec(folded)) {
    const headStart = m.index + m[0].length - m[1]!.length;
    const lineEnd = m.index + m[0].length;
    const verb = HEADING_VERB.exec(m[1]!);
    if (!verb) continue;
    // a heading that names a document (on its line or the next) is that citation's, read as such
    const nextLineEnd = folded.indexOf("\n", lineEnd + 1);
    const reach = nextLineEnd < 0 ? folded.length : nextLineEnd;
    if (
      leads.some((l) => l >= headStart && l < reach) ||
      /(?<![a-z])so\s{0,2}\d/.test(folded.slice(headStart, reach))
    )
      continue;
    const word = verb[1]!.replace(/\s+/g, " ");
    let kind: ListedRelation["kind"] =
      word.startsWith("sua doi") || word === "bo sung"
        ? "AMENDS"
        : word === "bai bo"
          ? "REPEALS"
          : "REPLACES";
    if (kind !== "AMENDS" && WORDING_OR_ANNEX.test(m[1]!)) kind = "AMENDS";
    const own = scopeIn(mt, headStart, lineEnd);
    const list = amendingList(mt, headStart, lineEnd, kind !== "AMENDS");
    const span = mt.spanOf(
      m.index + (m[0].length - m[0].trimStart().length),
      m.index + m[0].trimEnd().length,
    );
    const heading = { span, quote: mt.original.slice(span[0], span[1]), task: null };
    const scope = own ?? (kind === "AMENDS" ? (list?.amended ?? null) : null);
    if (scope) added.push({ kind, scope, ...heading });
    for (const r of list?.repealed ?? []) {
      const at = mt.spanOf(r.start, r.end);
      added.push({
        kind: "REPEALS",
        scope: r.scope,
        span: at,
        quote: mt.original.slice(at[0], at[1]),
        task: null,
      });
    }
  }
  if (added.length > 0) target.listedRelations = [...(target.listedRelations ?? []), ...added];
}
