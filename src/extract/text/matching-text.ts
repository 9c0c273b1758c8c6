import type { Span } from "../model.js";
import { foldVietnamese, isLetterCode, latinLookalikes } from "./fold-vietnamese.js";
import { OffsetMap } from "./offset-map.js";
import {
  ETH_FOR_D,
  WORD_INITIAL_TR_CONFUSIONS,
  WORD_INITIAL_U_ACUTE_KEEPS,
} from "../vocabulary/ocr-confusions.js";

/** One repair made to build the matching text, with its place in the original. */
export interface OcrRepair {
  from: string;
  to: string;
  span: Span;
}

/**
 * The text the extractor matches against, and the way back to the original.
 *
 * `text` is the input in NFC, with CRLF/CR turned into LF, control characters into spaces and
 * word-initial OCR confusions repaired; `folded` has the same length as `text`. Two offset maps
 * (normalisation, then repair) take any range of `text` back to the original, so a match
 * `[s, e)` is reported as `spanOf(s, e)` whatever normalisation changed lengths. When nothing
 * needed changing (the common case) a map is the identity and is not stored.
 */
export class MatchingText {
  private constructor(
    readonly original: string,
    readonly text: string,
    readonly folded: string,
    /** normalised text → original, or null for the identity */
    private readonly normalised: OffsetMap | null,
    /** repaired text → normalised text, or null for the identity */
    private readonly repaired: OffsetMap | null,
    readonly repairs: readonly OcrRepair[],
  ) {}

  static build(original: string): MatchingText {
    const needs = survey(original);
    const first = needs.normalise ? normalise(original) : null;
    const text1 = first ? first.text : original;
    const second = needs.repair || first ? repairWordInitialTr(text1) : null;
    // Cyrillic look-alikes inside symbols ("TT-BТС" copied from a PDF): the Latin letters they
    // show, one for one, so every offset still holds
    const repaired = second ? second.text : text1;
    const text = /[\u0400-\u04ff]/.test(repaired) ? latinLookalikes(repaired) : repaired;
    const repairs = (second?.at ?? []).map((i): OcrRepair => {
      const span = first ? mapRange(first.map, i, i + 1) : ([i, i + 1] as Span);
      return {
        from: original.slice(span[0], span[1]),
        to: WORD_INITIAL_TR_CONFUSIONS.get(text1.charCodeAt(i)) ?? "tr",
        span,
      };
    });
    return new MatchingText(
      original,
      text,
      foldVietnamese(text),
      first?.map ?? null,
      second?.map ?? null,
      repairs,
    );
  }

  get length(): number {
    return this.text.length;
  }

  /** The original span of the matching-text range `[start, end)`. */
  spanOf(start: number, end: number): Span {
    const n = this.text.length;
    const s = Math.max(0, Math.min(start, n));
    const e = Math.max(s, Math.min(end, n));
    if (!this.repaired) return this.spanOfNormalised(s, e);
    if (e === s) {
      const at = this.repaired.startOf(s);
      return this.spanOfNormalised(at, at);
    }
    return this.spanOfNormalised(this.repaired.startOf(s), this.repaired.endOf(e - 1));
  }

  private spanOfNormalised(s: number, e: number): Span {
    return this.normalised ? mapRange(this.normalised, s, e) : [s, e];
  }

  /** The original passage behind the matching-text range `[start, end)`. */
  quoteOf(start: number, end: number): string {
    const [s, e] = this.spanOf(start, end);
    return this.original.slice(s, e);
  }
}

/** The source range of the target range `[s, e)` of a map. */
function mapRange(map: OffsetMap, s: number, e: number): Span {
  if (e === s) {
    const at = map.startOf(s);
    return [at, at];
  }
  return [map.startOf(s), map.endOf(e - 1)];
}

/**
 * What the first pass changes: carriage returns, control characters, eth, combining marks (NFD
 * input), characters NFC replaces (singletons, Hangul jamo), lone surrogates. Decided per code
 * unit, from a table filled on first sight: a character-class regular expression over long
 * non-ASCII text costs ten times more.
 */
const CHANGED_BY_NFC =
  /[\p{M}\u0340\u0341\u0343\u0344\u0374\u037e\u0387\u1100-\u11ff\u1f71-\u1ffd\u2000\u2001\u2126\u212a\u212b\u2329\u232a\uf900-\ufaff]/u;
/** 0 unknown, 1 kept, 2 changed by the first pass, 3 a word-initial OCR candidate (ừ ữ ứ). */
const UNIT_CLASS = new Uint8Array(0x10000);

function unitClass(c: number): number {
  let k = UNIT_CLASS[c]!;
  if (k !== 0) return k;
  if (c === 0x0d || (c < 0x20 && c !== 0x09 && c !== 0x0a) || c === 0x7f || ETH_FOR_D.has(c)) k = 2;
  else if (WORD_INITIAL_TR_CONFUSIONS.has(c)) k = 3;
  else if (c >= 0xd800 && c <= 0xdfff) k = 2;
  else k = c >= 0x0300 && CHANGED_BY_NFC.test(String.fromCharCode(c)) ? 2 : 1;
  UNIT_CLASS[c] = k;
  return k;
}

/** One pass over the input: does it need the first pass, and does it hold repair candidates? */
function survey(src: string): { normalise: boolean; repair: boolean } {
  let normalise = false;
  let repair = false;
  for (let i = 0; i < src.length; i++) {
    const c = src.charCodeAt(i);
    if (c < 0x80 && c >= 0x20 && c !== 0x7f) continue;
    const k = unitClass(c);
    if (k === 2) {
      // A well-formed surrogate pair is kept as it is.
      if (c >= 0xd800 && c <= 0xdbff) {
        const d = src.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          i++;
          continue;
        }
      }
      normalise = true;
      if (repair) break;
    } else if (k === 3) {
      repair = true;
      if (normalise) break;
    }
  }
  return { normalise, repair };
}

function isMark(c: number): boolean {
  return (
    (c >= 0x0300 && c <= 0x036f) ||
    (c >= 0x0483 && unitClass(c) === 2 && /\p{M}/u.test(String.fromCharCode(c)))
  );
}

function normalise(src: string): { text: string; map: OffsetMap } {
  const pieces: string[] = [];
  const map = new OffsetMap(src.length);
  let copied = 0;
  const copyTo = (end: number): void => {
    if (end > copied) {
      pieces.push(src.slice(copied, end));
      map.append(end - copied, copied, end);
      copied = end;
    }
  };
  const emit = (piece: string, start: number, end: number): void => {
    pieces.push(piece);
    map.append(piece.length, start, end);
    copied = end;
  };
  const n = src.length;
  for (let at = 0; at < n; at++) {
    const c = src.charCodeAt(at);
    if (c < 0x80 && c >= 0x20 && c !== 0x7f) continue;
    if (unitClass(c) !== 2) continue;
    if (c === 0x0d) {
      const end = src.charCodeAt(at + 1) === 0x0a ? at + 2 : at + 1;
      copyTo(at);
      emit("\n", at, end);
      at = end - 1;
    } else if (c < 0x20 || c === 0x7f) {
      copyTo(at);
      emit(" ", at, at + 1);
    } else if (c >= 0xd800 && c <= 0xdfff) {
      const d = src.charCodeAt(at + 1);
      if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
        at++;
        continue;
      }
      copyTo(at);
      emit("\ufffd", at, at + 1);
    } else if (ETH_FOR_D.has(c)) {
      copyTo(at);
      emit(String.fromCharCode(ETH_FOR_D.get(c)!), at, at + 1);
    } else if (isMark(c)) {
      let end = at + 1;
      while (end < n && isMark(src.charCodeAt(end))) end++;
      // Marks compose with the base character before them, when it has not been emitted yet.
      const base = at - 1;
      const hasBase = base >= copied && base >= 0 && !/[\s\p{M}]/u.test(src[base]!);
      const from = hasBase ? base : at;
      copyTo(from);
      emit(src.slice(from, end).normalize("NFC"), from, end);
      at = end - 1;
    } else {
      copyTo(at);
      emit(String.fromCharCode(c).normalize("NFC"), at, at + 1);
    }
  }
  copyTo(n);
  return { text: pieces.join(""), map };
}

/**
 * A word-initial ừ/ữ followed by a letter, or ứ followed by a letter it cannot precede
 * (see WORD_INITIAL_TR_CONFUSIONS).
 */
function isRepairAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (!WORD_INITIAL_TR_CONFUSIONS.has(c)) return false;
  if (i > 0 && isLetterCode(text.charCodeAt(i - 1))) return false;
  const next = text.charCodeAt(i + 1);
  if (!(i + 1 < text.length) || !isLetterCode(next)) return false;
  if (c === 0x1ee9 || c === 0x1ee8)
    return !WORD_INITIAL_U_ACUTE_KEEPS.includes(String.fromCharCode(next).toLowerCase());
  return true;
}

function repairWordInitialTr(text: string): { text: string; map: OffsetMap; at: number[] } | null {
  const pieces: string[] = [];
  const map = new OffsetMap(text.length);
  const at: number[] = [];
  let copied = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x1ee8 || c > 0x1eef || !isRepairAt(text, i)) continue;
    if (i > copied) {
      pieces.push(text.slice(copied, i));
      map.append(i - copied, copied, i);
    }
    const to = WORD_INITIAL_TR_CONFUSIONS.get(c) ?? "tr";
    pieces.push(to);
    map.append(to.length, i, i + 1);
    copied = i + 1;
    at.push(i);
  }
  if (at.length === 0) return null;
  if (copied < text.length) {
    pieces.push(text.slice(copied));
    map.append(text.length - copied, copied, text.length);
  }
  return { text: pieces.join(""), map, at };
}
