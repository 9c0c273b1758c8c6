import { describe, expect, it } from "vitest";
import { planCorpus, renderDocument } from "../../../bench/scale/generator.js";
import { checkRecognition } from "../../../bench/scale/recognition.js";

const plan = planCorpus({ targetNodes: 6000, seed: 11 });
const ingestedKeys = new Set(plan.documents.map((d) => d.own.key));

describe("the scale benchmark's synthetic corpus", () => {
  it("is the same for the same seed, and different for another", () => {
    const again = planCorpus({ targetNodes: 6000, seed: 11 });
    expect(again.documents.length).toBe(plan.documents.length);
    for (const index of [0, 7, plan.documents.length - 1]) {
      expect(renderDocument(again.documents[index]!, 11).text).toBe(
        renderDocument(plan.documents[index]!, 11).text,
      );
    }
    const other = planCorpus({ targetNodes: 6000, seed: 12 });
    expect(renderDocument(other.documents[5]!, 12).text).not.toBe(
      renderDocument(plan.documents[5]!, 11).text,
    );
  });

  it("stops at about the number of nodes asked for", () => {
    expect(plan.estimatedNodes).toBeGreaterThanOrEqual(6000);
    expect(plan.estimatedNodes).toBeLessThan(6000 * 1.05);
  });

  it("is read by the extractor exactly as planned: keys, every citation, task and target counts", () => {
    const check = checkRecognition(plan, 80);
    expect(check.failures).toEqual([]);
    expect(check.documents).toBe(80);
    expect(check.citationsFound).toBe(check.citationsPlanted);
    expect(check.citationsPlanted).toBeGreaterThan(300);
  });

  it("uses Party and State symbols, for documents and for citations", () => {
    const styles = new Set(plan.documents.map((d) => d.kind.style));
    expect([...styles].sort()).toEqual(["party", "state"]);
    const cited = plan.documents.flatMap((d) => renderDocument(d, 11).citationKeys);
    for (const form of [
      /-NQ\/TW\|/,
      /-CT\/TU\|/,
      /\/NQ-CP\|/,
      /\/\d{4}\/NQ-HĐND\|/,
      /\/QĐ-TTg\|/,
      /\/NĐ-CP\|/,
    ]) {
      expect(
        cited.some((key) => form.test(key)),
        String(form),
      ).toBe(true);
    }
  });

  it("cites only earlier documents, so chains form, and has heavily cited hubs", () => {
    const position = new Map(plan.documents.map((d, i) => [d.own.key, i]));
    const cites = plan.documents.map((d) => renderDocument(d, 11).citationKeys);
    const citesIngested = cites.map((keys) => keys.some((k) => ingestedKeys.has(k)));
    const citedBy = new Map<string, number>();
    let chained = 0;
    for (const [index, keys] of cites.entries()) {
      for (const key of keys) {
        citedBy.set(key, (citedBy.get(key) ?? 0) + 1);
        if (ingestedKeys.has(key)) expect(position.get(key)!).toBeLessThan(index);
      }
      // D cites E, which cites F, all ingested: a chain of directives two documents long
      if (keys.some((k) => ingestedKeys.has(k) && citesIngested[position.get(k)!])) chained += 1;
    }
    expect(chained).toBeGreaterThan(plan.documents.length / 2);
    const median = [...citedBy.values()].sort((a, b) => a - b)[Math.floor(citedBy.size / 2)]!;
    for (const hub of plan.hubs) expect(citedBy.get(hub)!).toBeGreaterThan(median * 3);
    expect(plan.externalDocuments).toBeGreaterThan(0);
  });
});
