/**
 * OCR through Tesseract's command line (Debian's `tesseract-ocr` with `tesseract-ocr-vie`) and page
 * rendering through poppler's `pdftoppm` (issue #18). Nothing is downloaded: the engine is found on
 * this machine or it is not there (findOcrEngine gives null, and the caller reports
 * OCR_UNAVAILABLE with `ocrInstallHint`).
 *
 * Every child process runs with a time limit and is killed (SIGKILL) when it runs past it; a call
 * returns only after its child has exited, so nothing is left running. Inputs go through a private
 * temporary directory (mkdtemp under os.tmpdir()) that is removed before the call returns.
 */
import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { SourceError, type OcrEngine } from "./types.js";

/** The line that installs what OCR needs on Debian and Ubuntu. */
export const ocrInstallHint = "sudo apt-get install tesseract-ocr tesseract-ocr-vie poppler-utils";

/** Pixels of one rendered page when the caller gives no bound: an A4 page at 300 dpi is 8.7 Mpx. */
export const DEFAULT_RENDER_MAX_PIXELS = 40_000_000;
/** A page rendered below this resolution (to stay under the pixel bound) is too coarse to read. */
export const MIN_RENDER_DPI = 70;
const DEFAULT_RECOGNISE_TIMEOUT_MS = 120_000;
const DEFAULT_RENDER_TIMEOUT_MS = 60_000;
const PROBE_TIMEOUT_MS = 15_000;
/** What a child may print on stdout before it is stopped (a TSV of a dense page is ~200 KB). */
const MAX_CHILD_OUTPUT_BYTES = 64 * 1024 * 1024;
const PROBE_OUTPUT_BYTES = 1024 * 1024;

export interface OcrEngineOptions {
  /** the tesseract command (a path, or a name looked up on PATH); default "tesseract" */
  tesseract?: string;
  /** poppler's pdftoppm (a path or a name); pdfinfo is looked up beside it; default "pdftoppm" */
  pdftoppm?: string;
  /** Tesseract's language model; default "vie" */
  language?: string;
  /** page segmentation mode; default 3 (fully automatic) */
  psm?: number;
  /** renderPdfPage: the most pixels (width × height) of one rendered page; the dpi is lowered to fit */
  maxPixels?: number;
  /** renderPdfPage: milliseconds for pdfinfo and pdftoppm each */
  renderTimeoutMs?: number;
  /** where the private temporary directories are made; default os.tmpdir() */
  tmpRoot?: string;
  /** called with every child's process id as it starts (benchmarks poll its memory; tests check it ends) */
  onSpawn?: (pid: number, command: string) => void;
}

interface ChildResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: Buffer;
  /** the last few hundred bytes of stderr, for a short reason */
  stderrTail: string;
}

interface RunOptions {
  timeoutMs: number;
  maxOutputBytes: number;
  env?: NodeJS.ProcessEnv;
  onSpawn?: (pid: number, command: string) => void;
}

class ChildTimeout extends Error {}
class ChildOutputTooLarge extends Error {}

/**
 * Runs a command to its end (or kills it at the time limit and waits for it to exit). Rejects with
 * the spawn error (ENOENT …), ChildTimeout or ChildOutputTooLarge; a non-zero exit is a result.
 */
function run(command: string, args: string[], options: RunOptions): Promise<ChildResult> {
  return new Promise<ChildResult>((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: ["ignore", "pipe", "pipe"],
      env: options.env ?? process.env,
      windowsHide: true,
    });
    const chunks: Buffer[] = [];
    let size = 0;
    let stderrTail = "";
    let failure: Error | null = null;
    const stop = (error: Error): void => {
      if (failure === null) failure = error;
      child.kill("SIGKILL");
    };
    const timer = setTimeout(() => stop(new ChildTimeout()), Math.max(1, options.timeoutMs));
    if (child.pid !== undefined) options.onSpawn?.(child.pid, command);
    child.stdout.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > options.maxOutputBytes) stop(new ChildOutputTooLarge());
      else chunks.push(chunk);
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderrTail = (stderrTail + chunk.toString("utf8")).slice(-400);
    });
    child.on("error", (error) => {
      // spawn failed (ENOENT, EACCES): no process runs; "close" still follows
      if (failure === null) failure = error;
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (failure !== null) reject(failure);
      else resolve({ code, signal, stdout: Buffer.concat(chunks), stderrTail });
    });
  });
}

/** A one-line reason from a child's stderr, without tesseract's progress noise. */
function shortReason(result: ChildResult): string {
  const lines = result.stderrTail
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(
      (line) =>
        line.length > 0 &&
        !/^(Detected \d+ diacritics|Estimating resolution|Tesseract Open Source)/.test(line),
    );
  const last = lines.at(-1);
  const status = result.signal !== null ? `signal ${result.signal}` : `exit code ${String(result.code)}`;
  return last === undefined ? status : `${status}: ${last.slice(0, 160)}`;
}

async function withTempDir<T>(root: string, work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await fs.mkdtemp(path.join(root, "cancu-ocr-"));
  try {
    return await work(dir);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** The file extension tesseract (leptonica) reads best for these bytes; it sniffs content anyway. */
function imageExtension(image: Uint8Array): string {
  if (image[0] === 0x89 && image[1] === 0x50) return ".png";
  if (image[0] === 0xff && image[1] === 0xd8) return ".jpg";
  if ((image[0] === 0x49 && image[1] === 0x49) || (image[0] === 0x4d && image[1] === 0x4d)) return ".tif";
  return ".img";
}

interface TsvWord {
  key: string;
  par: string;
  text: string;
  conf: number;
}

/**
 * Tesseract's TSV → text and mean word confidence. Words (level 5) come in reading order; words
 * of one line are joined by a space, lines by "\n", and paragraphs (and blocks) are separated by a
 * blank line.
 */
export function textFromTsv(tsv: string): { text: string; confidence: number; words: number } {
  const rows = tsv.split("\n");
  const header = (rows[0] ?? "").split("\t");
  const column = (name: string): number => header.indexOf(name);
  const [cLevel, cPage, cBlock, cPar, cLine, cConf, cText] = [
    column("level"),
    column("page_num"),
    column("block_num"),
    column("par_num"),
    column("line_num"),
    column("conf"),
    column("text"),
  ];
  if ([cLevel, cPage, cBlock, cPar, cLine, cConf, cText].some((c) => c < 0)) {
    return { text: "", confidence: 0, words: 0 };
  }
  const words: TsvWord[] = [];
  for (let i = 1; i < rows.length; i++) {
    const cells = (rows[i] ?? "").replace(/\r$/, "").split("\t");
    if (cells[cLevel] !== "5") continue;
    const text = (cells[cText] ?? "").trim();
    if (text.length === 0) continue;
    const par = `${cells[cPage] ?? ""}|${cells[cBlock] ?? ""}|${cells[cPar] ?? ""}`;
    words.push({ key: `${par}|${cells[cLine] ?? ""}`, par, text, conf: Number(cells[cConf]) });
  }
  let text = "";
  let confSum = 0;
  let confCount = 0;
  let previous: TsvWord | null = null;
  for (const word of words) {
    if (previous === null) text += word.text;
    else if (word.par !== previous.par) text += "\n\n" + word.text;
    else if (word.key !== previous.key) text += "\n" + word.text;
    else text += " " + word.text;
    if (Number.isFinite(word.conf) && word.conf >= 0) {
      confSum += word.conf;
      confCount++;
    }
    previous = word;
  }
  return {
    text: text.normalize("NFC"),
    confidence: confCount === 0 ? 0 : Math.round((confSum / confCount) * 10) / 10,
    words: words.length,
  };
}

/**
 * Tesseract's Vietnamese model sometimes reads Đ as the Icelandic eth Ð (U+00D0), or as both
 * ("QĐÐ/TW" for "QĐ/TW"), which breaks document symbols. Ð and ð are not Vietnamese letters: a
 * doubled "ĐÐ" becomes "Đ", and any other Ð/ð the Vietnamese Đ/đ. ("ĐĐ" itself is left: it is a
 * real symbol code, e.g. ĐĐBQH.)
 */
export function fixVietnameseOcr(text: string): string {
  return text
    .replace(/Đ\u00d0|\u00d0Đ/g, "Đ")
    .replace(/đ\u00f0|\u00f0đ/g, "đ")
    .replace(/\u00d0/g, "Đ")
    .replace(/\u00f0/g, "đ");
}

/** Page size in points of one page, from `pdfinfo -f N -l N -box` (the larger of media and crop box). */
function pageSizeFromPdfinfo(output: string, page: number): { width: number; height: number } | null {
  let width = 0;
  let height = 0;
  const size = new RegExp(`^Page\\s+${page}\\s+size:\\s+([\\d.]+)\\s+x\\s+([\\d.]+)`, "m").exec(output);
  if (size !== null) {
    width = Number(size[1]);
    height = Number(size[2]);
  }
  const boxes = new RegExp(
    `^Page\\s+${page}\\s+(?:MediaBox|CropBox):\\s+([-\\d.]+)\\s+([-\\d.]+)\\s+([-\\d.]+)\\s+([-\\d.]+)`,
    "gm",
  );
  for (const box of output.matchAll(boxes)) {
    width = Math.max(width, Math.abs(Number(box[3]) - Number(box[1])));
    height = Math.max(height, Math.abs(Number(box[4]) - Number(box[2])));
  }
  return Number.isFinite(width) && Number.isFinite(height) && width > 0 && height > 0
    ? { width, height }
    : null;
}

function pagesFromPdfinfo(output: string): number | null {
  const match = /^Pages:\s+(\d+)/m.exec(output);
  return match === null ? null : Number(match[1]);
}

/** The child ran but could not start (no such command …): a spawn error, not the input's fault. */
function isSpawnError(error: unknown): boolean {
  return (
    error instanceof Error && "code" in error && typeof (error as NodeJS.ErrnoException).code === "string"
  );
}

async function probe(command: string, args: string[]): Promise<ChildResult | null> {
  try {
    const result = await run(command, args, {
      timeoutMs: PROBE_TIMEOUT_MS,
      maxOutputBytes: PROBE_OUTPUT_BYTES,
    });
    return result;
  } catch {
    return null;
  }
}

/**
 * Finds tesseract (with the language model) and pdftoppm/pdfinfo on this machine; null when any
 * is missing. Call once and keep the engine: it runs three short probes.
 */
export async function findOcrEngine(options: OcrEngineOptions = {}): Promise<OcrEngine | null> {
  const tesseract = options.tesseract ?? "tesseract";
  const pdftoppm = options.pdftoppm ?? "pdftoppm";
  const pdfinfo =
    options.pdftoppm !== undefined && options.pdftoppm.includes(path.sep)
      ? path.join(path.dirname(options.pdftoppm), "pdfinfo")
      : "pdfinfo";
  const language = options.language ?? "vie";
  const psm = options.psm ?? 3;
  const maxPixels = options.maxPixels ?? DEFAULT_RENDER_MAX_PIXELS;
  const renderTimeoutMs = options.renderTimeoutMs ?? DEFAULT_RENDER_TIMEOUT_MS;
  const tmpRoot = options.tmpRoot ?? os.tmpdir();
  const onSpawn = options.onSpawn;

  const versionRun = await probe(tesseract, ["--version"]);
  if (versionRun === null || versionRun.code !== 0) return null;
  // tesseract 4+ prints its version on stdout, 3.x on stderr
  const versionText = versionRun.stdout.toString("utf8") + "\n" + versionRun.stderrTail;
  const versionLine = /^tesseract\s+v?[\d.]+\S*/im.exec(versionText);
  if (versionLine === null) return null;
  const version = versionLine[0].trim();

  const langsRun = await probe(tesseract, ["--list-langs"]);
  if (langsRun === null || langsRun.code !== 0) return null;
  const langs = (langsRun.stdout.toString("utf8") + "\n" + langsRun.stderrTail)
    .split(/\r?\n/)
    .map((l) => l.trim());
  if (!langs.includes(language)) return null;

  for (const tool of [pdftoppm, pdfinfo]) {
    const toolRun = await probe(tool, ["-v"]);
    if (toolRun === null || toolRun.code !== 0) return null;
  }

  // one core per OCR: the caller decides how many pages run at once
  const env: NodeJS.ProcessEnv = { ...process.env, OMP_THREAD_LIMIT: "1" };

  return {
    version,
    language,

    async recognise(image: Uint8Array, recogniseOptions: { timeoutMs?: number } = {}) {
      const timeoutMs = recogniseOptions.timeoutMs ?? DEFAULT_RECOGNISE_TIMEOUT_MS;
      return withTempDir(tmpRoot, async (dir) => {
        const input = path.join(dir, "page" + imageExtension(image));
        await fs.writeFile(input, image);
        let result: ChildResult;
        try {
          result = await run(tesseract, [input, "stdout", "-l", language, "--psm", String(psm), "tsv"], {
            timeoutMs,
            maxOutputBytes: MAX_CHILD_OUTPUT_BYTES,
            env,
            onSpawn,
          });
        } catch (error) {
          if (error instanceof ChildTimeout) {
            throw new SourceError("TIMEOUT", `OCR ran past its time limit (${timeoutMs} ms)`);
          }
          if (error instanceof ChildOutputTooLarge) {
            throw new SourceError("TOO_LARGE", "OCR output over its limit");
          }
          throw new SourceError("OCR_UNAVAILABLE", `tesseract could not be started (${ocrInstallHint})`);
        }
        if (result.code !== 0) {
          throw new SourceError("CORRUPT", `OCR failed on the image (${shortReason(result)})`);
        }
        const { text, confidence } = textFromTsv(result.stdout.toString("utf8"));
        return { text: language.split("+").includes("vie") ? fixVietnameseOcr(text) : text, confidence };
      });
    },

    async renderPdfPage(pdf: Uint8Array, page: number, dpi: number) {
      if (!Number.isInteger(page) || page < 1) throw new SourceError("NO_PAGES", `no page ${page} to render`);
      if (!Number.isFinite(dpi) || dpi <= 0)
        throw new SourceError("CORRUPT", `no page can be rendered at ${dpi} dpi`);
      return withTempDir(tmpRoot, async (dir) => {
        const input = path.join(dir, "in.pdf");
        await fs.writeFile(input, pdf);
        const runTool = async (
          command: string,
          args: string[],
          maxOutputBytes: number,
        ): Promise<ChildResult> => {
          try {
            return await run(command, args, { timeoutMs: renderTimeoutMs, maxOutputBytes, env, onSpawn });
          } catch (error) {
            if (error instanceof ChildTimeout) {
              throw new SourceError(
                "TIMEOUT",
                `rendering page ${page} ran past its time limit (${renderTimeoutMs} ms)`,
              );
            }
            if (error instanceof ChildOutputTooLarge) {
              throw new SourceError("TOO_LARGE", `page ${page} renders to more than its limit`);
            }
            if (isSpawnError(error)) {
              throw new SourceError("OCR_UNAVAILABLE", `poppler could not be started (${ocrInstallHint})`);
            }
            throw error;
          }
        };

        // the page's size first, so that no page renders to more pixels than the bound
        const info = await runTool(
          pdfinfo,
          ["-f", String(page), "-l", String(page), "-box", input],
          PROBE_OUTPUT_BYTES,
        );
        const infoText = info.stdout.toString("latin1");
        if (info.code !== 0) {
          if (/wrong page range/i.test(info.stderrTail)) {
            throw new SourceError("NO_PAGES", `no page ${page} to render (the PDF has fewer pages)`);
          }
          if (/password|encrypt/i.test(info.stderrTail)) {
            throw new SourceError("ENCRYPTED", "the PDF is password-protected");
          }
          throw new SourceError("CORRUPT", `the PDF cannot be read (${shortReason(info)})`);
        }
        const pages = pagesFromPdfinfo(infoText);
        if (pages !== null && page > pages) {
          throw new SourceError("NO_PAGES", `no page ${page} to render (the PDF has ${pages})`);
        }
        const size = pageSizeFromPdfinfo(infoText, page);
        if (size === null) throw new SourceError("CORRUPT", `page ${page} has no readable size`);
        const pixelsAt = (d: number): number =>
          Math.ceil((size.width / 72) * d) * Math.ceil((size.height / 72) * d);
        let effectiveDpi = dpi;
        if (pixelsAt(effectiveDpi) > maxPixels) {
          effectiveDpi = Math.floor(Math.sqrt(maxPixels / ((size.width / 72) * (size.height / 72))));
          while (effectiveDpi > 0 && pixelsAt(effectiveDpi) > maxPixels) effectiveDpi--;
          if (effectiveDpi < Math.min(MIN_RENDER_DPI, dpi)) {
            throw new SourceError(
              "TOO_LARGE",
              `page ${page} is ${Math.round(size.width)} × ${Math.round(size.height)} pt: over ${maxPixels} pixels even at ${MIN_RENDER_DPI} dpi`,
            );
          }
        }

        const root = path.join(dir, "out");
        const rendered = await runTool(
          pdftoppm,
          [
            "-f",
            String(page),
            "-l",
            String(page),
            "-r",
            String(effectiveDpi),
            "-png",
            "-singlefile",
            input,
            root,
          ],
          PROBE_OUTPUT_BYTES,
        );
        if (rendered.code !== 0) {
          if (rendered.code === 3 || /password|encrypt/i.test(rendered.stderrTail)) {
            throw new SourceError("ENCRYPTED", "the PDF is password-protected");
          }
          throw new SourceError("CORRUPT", `page ${page} cannot be rendered (${shortReason(rendered)})`);
        }
        const output = root + ".png";
        let stat;
        try {
          stat = await fs.stat(output);
        } catch {
          throw new SourceError("CORRUPT", `page ${page} cannot be rendered (no image made)`);
        }
        if (stat.size > MAX_CHILD_OUTPUT_BYTES)
          throw new SourceError("TOO_LARGE", `page ${page} renders to more than its limit`);
        return new Uint8Array(await fs.readFile(output));
      });
    },
  };
}
