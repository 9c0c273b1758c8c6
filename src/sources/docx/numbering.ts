/**
 * Word's automatic numbering (word/numbering.xml, with the paragraph styles of word/styles.xml
 * that carry numbering): the label Word prints at the start of a numbered paragraph ("1.",
 * "2.1.", "a)", "I.", "Điều 5."), computed as Word does: counters kept per list definition
 * (abstractNum) in document order, a level's counter restarting when a higher level is used
 * (or as w:lvlRestart says), w:start and w:startOverride honoured, w:lvlText's %1…%9 replaced by
 * each level's counter in its own format (all decimal under w:isLgl).
 */
import { scanXml } from "./xml.js";

export interface LevelDefinition {
  start: number;
  /** w:numFmt: decimal, decimalZero, upperRoman, lowerRoman, upperLetter, lowerLetter, bullet, none … */
  format: string;
  /** w:lvlText, e.g. "%1.%2." */
  text: string;
  legal: boolean;
  /** w:lvlRestart: null = after any higher level; 0 = never; n = after level n (1-based) or higher */
  restart: number | null;
  /** w:pStyle: the paragraph style bound to this level */
  style: string | null;
  /** what follows the label: " " for a tab or a space, "" for nothing */
  suffix: string;
}

interface AbstractNumbering {
  levels: Map<number, LevelDefinition>;
  /** w:numStyleLink: the definition is the one of this numbering style's list */
  styleLink: string | null;
}

interface NumberingInstance {
  abstractId: string;
  /** w:lvlOverride: w:startOverride and/or a whole w:lvl, by level */
  startOverrides: Map<number, number>;
  levelOverrides: Map<number, LevelDefinition>;
}

interface StyleNumbering {
  basedOn: string | null;
  numId: string | null;
  level: number | null;
}

export interface NumberingDefinitions {
  abstracts: Map<string, AbstractNumbering>;
  instances: Map<string, NumberingInstance>;
  styles: Map<string, StyleNumbering>;
  defaultParagraphStyle: string | null;
}

export function emptyDefinitions(): NumberingDefinitions {
  return { abstracts: new Map(), instances: new Map(), styles: new Map(), defaultParagraphStyle: null };
}

function intOf(value: string | undefined): number | null {
  if (value === undefined) return null;
  const n = parseInt(value, 10);
  return Number.isFinite(n) ? n : null;
}

function onOff(value: string | undefined): boolean {
  return value === undefined || !["0", "false", "off"].includes(value);
}

function newLevel(): LevelDefinition {
  return { start: 1, format: "", text: "", legal: false, restart: null, style: null, suffix: " " };
}

/** Reads word/numbering.xml into `into`. */
export function readNumbering(xml: string, into: NumberingDefinitions): void {
  let abstract: AbstractNumbering | null = null;
  let instance: NumberingInstance | null = null;
  let level: LevelDefinition | null = null;
  let levelIndex = 0;
  let overrideIndex: number | null = null;
  let formatSeen = false;
  scanXml(xml, {
    open(name, a) {
      switch (name) {
        case "w:abstractNum": {
          abstract = { levels: new Map(), styleLink: null };
          into.abstracts.set(a.get("w:abstractNumId") ?? "", abstract);
          break;
        }
        case "w:num": {
          instance = { abstractId: "", startOverrides: new Map(), levelOverrides: new Map() };
          into.instances.set(a.get("w:numId") ?? "", instance);
          break;
        }
        case "w:abstractNumId":
          if (instance) instance.abstractId = a.get("w:val") ?? "";
          break;
        case "w:numStyleLink":
          if (abstract) abstract.styleLink = a.get("w:val") ?? null;
          break;
        case "w:lvlOverride":
          overrideIndex = intOf(a.get("w:ilvl"));
          break;
        case "w:startOverride": {
          const start = intOf(a.get("w:val"));
          if (instance && overrideIndex !== null && start !== null)
            instance.startOverrides.set(overrideIndex, start);
          break;
        }
        case "w:lvl": {
          level = newLevel();
          formatSeen = false;
          levelIndex = intOf(a.get("w:ilvl")) ?? 0;
          if (instance && overrideIndex !== null) instance.levelOverrides.set(overrideIndex, level);
          else if (abstract) abstract.levels.set(levelIndex, level);
          break;
        }
        case "w:start":
          if (level) level.start = intOf(a.get("w:val")) ?? 1;
          break;
        case "w:numFmt": {
          // mc:AlternateContent gives a w14 "custom" format first, then a plain one: the first
          // format understood wins
          const format = a.get("w:val") ?? "";
          if (!level || formatSeen) break;
          if (format === "custom") {
            const pattern = a.get("w:format") ?? "";
            if (/^0+1\b/.test(pattern)) {
              level.format = `decimalZero${pattern.indexOf("1") + 1}`;
              formatSeen = true;
            }
            break;
          }
          level.format = format;
          formatSeen = true;
          break;
        }
        case "w:lvlText":
          if (level) level.text = a.get("w:val") ?? "";
          break;
        case "w:isLgl":
          if (level) level.legal = onOff(a.get("w:val"));
          break;
        case "w:lvlRestart":
          if (level) level.restart = intOf(a.get("w:val"));
          break;
        case "w:pStyle":
          if (level) level.style = a.get("w:val") ?? null;
          break;
        case "w:suff":
          if (level) level.suffix = a.get("w:val") === "nothing" ? "" : " ";
          break;
      }
    },
    close(name) {
      if (name === "w:abstractNum") abstract = null;
      else if (name === "w:num") instance = null;
      else if (name === "w:lvl") level = null;
      else if (name === "w:lvlOverride") overrideIndex = null;
    },
    text() {},
  });
}

/** Reads the numbering of paragraph styles from word/styles.xml into `into`. */
export function readStyles(xml: string, into: NumberingDefinitions): void {
  let style: StyleNumbering | null = null;
  let inParagraphProperties = false;
  scanXml(xml, {
    open(name, a) {
      if (name === "w:style") {
        if ((a.get("w:type") ?? "paragraph") !== "paragraph" && a.get("w:type") !== "numbering") {
          style = null;
          return;
        }
        style = { basedOn: null, numId: null, level: null };
        const id = a.get("w:styleId") ?? "";
        into.styles.set(id, style);
        if (onOff(a.get("w:default") ?? "0") && a.get("w:type") === "paragraph")
          into.defaultParagraphStyle = id;
      } else if (!style) return;
      else if (name === "w:basedOn") style.basedOn = a.get("w:val") ?? null;
      else if (name === "w:pPr") inParagraphProperties = true;
      else if (inParagraphProperties && name === "w:numId") style.numId = a.get("w:val") ?? null;
      else if (inParagraphProperties && name === "w:ilvl") style.level = intOf(a.get("w:val"));
    },
    close(name) {
      if (name === "w:style") style = null;
      else if (name === "w:pPr") inParagraphProperties = false;
    },
    text() {},
  });
}

const ROMAN: readonly (readonly [number, string])[] = [
  [1000, "M"],
  [900, "CM"],
  [500, "D"],
  [400, "CD"],
  [100, "C"],
  [90, "XC"],
  [50, "L"],
  [40, "XL"],
  [10, "X"],
  [9, "IX"],
  [5, "V"],
  [4, "IV"],
  [1, "I"],
];

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  let out = "";
  for (const [value, letters] of ROMAN)
    while (n >= value) {
      out += letters;
      n -= value;
    }
  return out;
}

/** Word's letters: a … z, then aa … zz, aaa … */
function letters(n: number): string {
  if (n <= 0) return String(n);
  const letter = String.fromCharCode(0x61 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

/** A counter in a w:numFmt (formats without a Latin rendering fall back to decimal). */
export function formatCounter(n: number, format: string): string {
  switch (format) {
    case "upperRoman":
      return roman(n);
    case "lowerRoman":
      return roman(n).toLowerCase();
    case "upperLetter":
      return letters(n).toUpperCase();
    case "lowerLetter":
      return letters(n);
    case "decimalZero":
      return String(n).padStart(2, "0");
    case "none":
      return "";
    default: {
      const padded = /^decimalZero(\d)$/.exec(format);
      if (padded) return String(n).padStart(Number(padded[1]), "0");
      return String(n);
    }
  }
}

/** A bullet as printed: symbol-font characters (private use area) become "•". */
function bullet(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    out += code >= 0xe000 && code <= 0xf8ff ? "•" : ch;
  }
  return out.trim() === "" ? "•" : out;
}

/** The counters of a document being read, in document order. */
export class NumberingCounter {
  private readonly counters = new Map<string, (number | undefined)[]>();
  private readonly started = new Set<string>();

  constructor(private readonly definitions: NumberingDefinitions) {}

  /** numId and level of a paragraph: its own w:numPr, else its style's (and the styles it is based on). */
  resolve(
    styleId: string | null,
    numId: string | null,
    level: number | null,
  ): { numId: string; level: number } | null {
    let id = numId;
    let lvl = level;
    let style = styleId ?? this.definitions.defaultParagraphStyle;
    const boundStyle = style;
    for (let hops = 0; style !== null && hops < 20 && (id === null || lvl === null); hops++) {
      const s = this.definitions.styles.get(style);
      if (!s) break;
      id ??= s.numId;
      lvl ??= s.level;
      style = s.basedOn;
    }
    if (id === null || id === "0") return null;
    if (lvl === null) {
      // a style bound to a level by the level's w:pStyle
      const abstract = this.abstractOf(id);
      if (abstract && boundStyle !== null)
        for (const [i, def] of abstract.levels) if (def.style === boundStyle) lvl = i;
    }
    return { numId: id, level: Math.min(Math.max(lvl ?? 0, 0), 8) };
  }

  private abstractIdOf(numId: string): string | null {
    let id: string | null = numId;
    for (let hops = 0; id !== null && hops < 5; hops++) {
      const instance = this.definitions.instances.get(id);
      if (!instance) return null;
      const abstract = this.definitions.abstracts.get(instance.abstractId);
      if (!abstract) return null;
      if (abstract.styleLink === null) return instance.abstractId;
      // the definition is a numbering style's: follow that style's list
      const style = this.definitions.styles.get(abstract.styleLink);
      id = style?.numId ?? null;
      if (id === numId) return instance.abstractId;
    }
    return null;
  }

  private abstractOf(numId: string): AbstractNumbering | null {
    const id = this.abstractIdOf(numId);
    return id === null ? null : (this.definitions.abstracts.get(id) ?? null);
  }

  /** The label of the next paragraph of list `numId` at `level`, with its suffix; null if none. */
  next(numId: string, level: number): string | null {
    const instance = this.definitions.instances.get(numId);
    const abstractId = this.abstractIdOf(numId);
    if (!instance || abstractId === null) return null;
    const abstract = this.definitions.abstracts.get(abstractId);
    if (!abstract) return null;
    const definition = (l: number): LevelDefinition | undefined =>
      instance.levelOverrides.get(l) ?? abstract.levels.get(l);
    const counters = this.counters.get(abstractId) ?? new Array<number | undefined>(9).fill(undefined);
    this.counters.set(abstractId, counters);
    if (!this.started.has(numId)) {
      // a list instance with w:startOverride restarts those levels where it begins
      this.started.add(numId);
      for (const l of instance.startOverrides.keys()) counters[l] = undefined;
    }
    const start = (l: number): number => instance.startOverrides.get(l) ?? definition(l)?.start ?? 1;
    const own = definition(level);
    if (!own) return null;
    const current = counters[level];
    counters[level] = current === undefined ? start(level) : current + 1;
    for (let k = level + 1; k < 9; k++) {
      const restart = definition(k)?.restart ?? null;
      if (restart === null || (restart !== 0 && level < restart)) counters[k] = undefined;
    }
    let label: string;
    if (own.format === "bullet") label = bullet(own.text);
    else
      label = own.text.replace(/%([1-9])/g, (_whole: string, digit: string) => {
        const l = Number(digit) - 1;
        const value = counters[l] ?? start(l);
        const format = own.legal ? "decimal" : (definition(l)?.format ?? "decimal");
        return formatCounter(value, format === "bullet" ? "decimal" : format);
      });
    if (label.trim() === "") return null;
    return label + own.suffix;
  }
}
