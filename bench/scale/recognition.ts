/**
 * Does cancu's extractor read the synthetic documents as the generator meant them? For a sample of
 * documents: the document's own key, every planted citation (Party and State symbols) by key, and
 * the number of headings. A benchmark on a graph the extractor misread would measure the wrong graph.
 */
import { extractDocument } from "../../src/extract/index.js";
import { renderDocument, type CorpusPlan } from "./generator.js";
import type { RecognitionCheck } from "./results.js";

function multisetDifference(
  want: readonly string[],
  got: readonly string[],
): { missing: string[]; extra: string[] } {
  const counts = new Map<string, number>();
  for (const key of want) counts.set(key, (counts.get(key) ?? 0) + 1);
  const extra: string[] = [];
  for (const key of got) {
    const left = counts.get(key) ?? 0;
    if (left > 0) counts.set(key, left - 1);
    else extra.push(key);
  }
  const missing = [...counts].flatMap(([key, n]) => Array<string>(n).fill(key));
  return { missing, extra };
}

/** Checks `sample` documents: the first few (the earliest, most cited) and the rest spread evenly. */
export function checkRecognition(plan: CorpusPlan, sample: number): RecognitionCheck {
  const total = plan.documents.length;
  const picked = new Set<number>();
  const head = Math.min(total, Math.ceil(sample / 4));
  for (let i = 0; i < head; i++) picked.add(i);
  const rest = Math.min(total - head, sample - head);
  for (let i = 0; i < rest; i++) picked.add(head + Math.floor((i * (total - head)) / rest));
  const result: RecognitionCheck = {
    documents: 0,
    documentsWrong: 0,
    citationsPlanted: 0,
    citationsFound: 0,
    failures: [],
  };
  for (const index of [...picked].sort((a, b) => a - b)) {
    const doc = renderDocument(plan.documents[index]!, plan.seed);
    const parsed = extractDocument(doc.text, { sourceName: doc.name });
    const { missing, extra } = multisetDifference(
      doc.citationKeys,
      parsed.citations.map((c) => c.key),
    );
    result.documents += 1;
    result.citationsPlanted += doc.citationKeys.length;
    result.citationsFound += doc.citationKeys.length - missing.length;
    const problems: string[] = [];
    if (parsed.document.key !== doc.key) problems.push(`key ${parsed.document.key}, planted ${doc.key}`);
    if (missing.length > 0) problems.push(`citations not found: ${missing.join(", ")}`);
    if (extra.length > 0) problems.push(`citations not planted: ${extra.join(", ")}`);
    if (parsed.tasks.length !== doc.headings)
      problems.push(`${parsed.tasks.length} headings, planted ${doc.headings}`);
    if (parsed.targets.length !== doc.targets)
      problems.push(`${parsed.targets.length} targets, planted ${doc.targets}`);
    if (problems.length > 0) {
      result.documentsWrong += 1;
      if (result.failures.length < 5) result.failures.push(`${doc.name}: ${problems.join("; ")}`);
    }
  }
  return result;
}
