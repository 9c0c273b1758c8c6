/**
 * Is a page's text layer garbage (pure)? A font without a usable ToUnicode map gives text that is
 * not Vietnamese: private-use or replacement characters, Latin-1 letters Vietnamese never uses
 * (TCVN3 read as Latin-1: "uû ban nh©n d©n", VNI: "Vieät Nam"), letters of other scripts, or
 * glyph codes that spell nothing ("Fkqvj"). The test is two shares:
 * - foreign: characters that are none of Vietnamese letters, ASCII, common punctuation, digits or
 *   spaces, over all non-space characters;
 * - words: words that are a possible Vietnamese syllable (onset, vowels, coda, one tone at most)
 *   or a pronounceable ASCII word, over the words of two letters or more that are not short
 *   capitals (abbreviations: QĐ, UBND, TW);
 * garbage when foreign > 10 %, when symbols outnumber letters (runs of one symbol, dot leaders,
 * count once), or when fewer than 60 % of at least 8 words can be words.
 */

export interface TextLayerVerdict {
  garbage: boolean;
  /** why, for the message: "42 % of its characters are not Vietnamese text" … */
  reason: string | null;
  foreignShare: number;
  /** share of words that can be Vietnamese syllables or Latin words */
  syllableShare: number;
  words: number;
}

const VIETNAMESE_LETTERS =
  "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệfghiìíỉĩịjklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvwxyỳýỷỹỵz";
const LETTER_SET = new Set([...VIETNAMESE_LETTERS, ...VIETNAMESE_LETTERS.toUpperCase()]);
/** punctuation and symbols of ordinary Vietnamese documents (beyond ASCII) */
const COMMON_SYMBOLS = new Set([..."–—‘’“”…•·°§№€%‰×÷±≤≥→←↑↓•◦▪■□○●★☐☑✓✔«»"]);

const ONSET = "(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?";
const VOWELS = "[aăâeêioôơuưy]{1,3}";
const CODA = "(?:ch|ng|nh|[cmnpt])?";
const SYLLABLE = new RegExp(`^${ONSET}${VOWELS}${CODA}$`, "u");
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/gu;

/** A possible Vietnamese syllable (lower or title case), tone marks included. */
export function isVietnameseSyllable(word: string): boolean {
  const decomposed = word.toLowerCase().normalize("NFD");
  const tones = decomposed.match(TONE_MARKS)?.length ?? 0;
  if (tones > 1) return false;
  const base = decomposed.replace(TONE_MARKS, "").normalize("NFC");
  return SYLLABLE.test(base);
}

function isForeign(ch: string): boolean {
  const code = ch.codePointAt(0)!;
  if (code < 0x80) return code < 0x20 && ch !== "\n" && ch !== "\t" && ch !== "\r"; // controls
  if (LETTER_SET.has(ch) || COMMON_SYMBOLS.has(ch)) return false;
  if (/\s/u.test(ch)) return false;
  return true; // private use, U+FFFD, other scripts, Latin-1 letters Vietnamese never uses …
}

/**
 * A word that could be text: a Vietnamese syllable, or an ASCII word with a vowel and no run of
 * four consonants (English and chemical names in annex tables: "Allyl", "glycidyl", "thiocyanate").
 */
export function isPlausibleWord(word: string): boolean {
  if (isVietnameseSyllable(word)) return true;
  if (!/^[A-Za-z]+$/.test(word)) return false;
  return /[aeiouy]/i.test(word) && !/[b-df-hj-np-tv-xz]{4}/i.test(word);
}

/** The verdict on one page's text. */
export function judgeTextLayer(text: string): TextLayerVerdict {
  const nfc = text.normalize("NFC");
  let chars = 0;
  let foreign = 0;
  let letters = 0;
  let punctuation = 0;
  let last = "";
  for (const ch of nfc) {
    if (/\s/u.test(ch)) {
      last = "";
      continue;
    }
    chars++;
    if (isForeign(ch)) foreign++;
    else if (/\p{L}/u.test(ch)) letters++;
    else if (!/\d/u.test(ch) && ch !== last) punctuation++; // a run of dots or dashes counts once
    last = ch;
  }
  let words = 0;
  let plausible = 0;
  for (const match of nfc.matchAll(/[\p{L}\p{M}]+/gu)) {
    const word = match[0];
    if (word.length < 2) continue;
    if (word === word.toUpperCase() && word.length <= 6) continue; // QĐ, UBND, TW, HĐND
    words++;
    if (isPlausibleWord(word)) plausible++;
  }
  const foreignShare = chars === 0 ? 0 : foreign / chars;
  const syllableShare = words === 0 ? 1 : plausible / words;
  let reason: string | null = null;
  if (foreign >= 3 && foreignShare > 0.1)
    reason = `${Math.round(foreignShare * 100)} % of its characters are not Vietnamese text`;
  else if (punctuation >= 20 && punctuation > letters) reason = "it has more symbols than letters";
  else if (words >= 8 && syllableShare < 0.6)
    reason = `only ${Math.round(syllableShare * 100)} % of its words can be Vietnamese or Latin words`;
  return { garbage: reason !== null, reason, foreignShare, syllableShare, words };
}
