/**
 * The extractor functions the API reuses (its citation grammar and symbol normaliser), loaded on
 * first use: the API starts and serves reads even while src/extract cannot load, and only the
 * fields that parse text fail then.
 */
export function extractor() {
  return import("../../extract/index.js");
}

export function editDistance() {
  return import("../../extract/bounded-edit-distance.js");
}
