/**
 * Where each code unit of a derived text came from in its source, as sorted segments: a
 * segment whose two sides have the same length maps unit to unit; one whose lengths differ
 * ("\r\n" → "\n", "e" + U+0301 → "é", "ừ" → "tr") maps all of its units to its whole source
 * range. Few segments in practice, so building is cheap and a lookup is a binary search.
 */
export class OffsetMap {
  private targetStarts: Int32Array;
  private sourceStarts: Int32Array;
  private sourceEnds: Int32Array;
  private count = 0;
  private targetLength = 0;

  constructor(private readonly sourceLength: number) {
    this.targetStarts = new Int32Array(16);
    this.sourceStarts = new Int32Array(16);
    this.sourceEnds = new Int32Array(16);
  }

  /** Appends `length` target units that came from source `[sourceStart, sourceEnd)`. */
  append(length: number, sourceStart: number, sourceEnd: number): void {
    if (length <= 0) return;
    const last = this.count - 1;
    const linear = length === sourceEnd - sourceStart;
    if (last >= 0 && linear) {
      const lastLength = (this.count > 0 ? this.targetLength : 0) - this.targetStarts[last]!;
      const lastLinear = lastLength === this.sourceEnds[last]! - this.sourceStarts[last]!;
      if (lastLinear && this.sourceEnds[last] === sourceStart) {
        this.sourceEnds[last] = sourceEnd;
        this.targetLength += length;
        return;
      }
    }
    if (this.count === this.targetStarts.length) this.grow();
    this.targetStarts[this.count] = this.targetLength;
    this.sourceStarts[this.count] = sourceStart;
    this.sourceEnds[this.count] = sourceEnd;
    this.count++;
    this.targetLength += length;
  }

  private grow(): void {
    const n = this.targetStarts.length * 2;
    const t = new Int32Array(n);
    t.set(this.targetStarts);
    this.targetStarts = t;
    const s = new Int32Array(n);
    s.set(this.sourceStarts);
    this.sourceStarts = s;
    const e = new Int32Array(n);
    e.set(this.sourceEnds);
    this.sourceEnds = e;
  }

  private segmentOf(target: number): number {
    let lo = 0;
    let hi = this.count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.targetStarts[mid]! <= target) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private segmentLength(k: number): number {
    return (k + 1 < this.count ? this.targetStarts[k + 1]! : this.targetLength) - this.targetStarts[k]!;
  }

  /** Source offset where target unit `target` starts (the source's end for the target's end). */
  startOf(target: number): number {
    if (this.count === 0 || target >= this.targetLength) return this.sourceLength;
    const k = this.segmentOf(target);
    const s = this.sourceStarts[k]!;
    const linear = this.segmentLength(k) === this.sourceEnds[k]! - s;
    return linear ? s + (target - this.targetStarts[k]!) : s;
  }

  /** Source offset where target unit `target` ends. */
  endOf(target: number): number {
    if (this.count === 0) return this.sourceLength;
    if (target >= this.targetLength) return this.sourceLength;
    const k = this.segmentOf(target);
    const s = this.sourceStarts[k]!;
    const linear = this.segmentLength(k) === this.sourceEnds[k]! - s;
    return linear ? s + (target - this.targetStarts[k]!) + 1 : this.sourceEnds[k]!;
  }
}
