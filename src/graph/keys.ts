/**
 * The key scheme of tasks: a task's key is its document's key and its code, `${documentKey}#${code}`
 * (`NQ|26-NQ/TW|2018#II.2.1`). Built and read only here. A code never holds "#"; a document key
 * (type, symbol or subject, year) might, so the last one separates them.
 */
const separator = "#";

export function taskKey(documentKey: string, code: string): string {
  return `${documentKey}${separator}${code}`;
}

/** The key of the document a task key belongs to. */
export function documentKeyOf(taskKey: string): string {
  const at = taskKey.lastIndexOf(separator);
  return at < 0 ? taskKey : taskKey.slice(0, at);
}
