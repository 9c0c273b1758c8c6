import { createHash } from "node:crypto";

/**
 * Headers of the HTML pages (the explorer at /, GraphiQL at /graphiql) and their files: no page
 * may frame them (clickjacking), no type sniffing, no referrer sent elsewhere, and a
 * Content-Security-Policy that lets them load their own scripts and nothing else: no inline
 * script, no eval, no other origin, no form or base URL pointing away.
 */
const common = {
  "x-frame-options": "DENY",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
};

function policy(directives: Record<string, string>): string {
  return Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join("; ");
}

const base = {
  "default-src": "'self'",
  "script-src": "'self'",
  "style-src": "'self'",
  "img-src": "'self' data:",
  "font-src": "'self'",
  "connect-src": "'self'",
  "object-src": "'none'",
  "base-uri": "'none'",
  "form-action": "'self'",
  "frame-ancestors": "'none'",
};

/**
 * Cytoscape (the explorer's graphs) adds one `<style>` element, always this text: allowed by its
 * hash, no other inline style is.
 */
const cytoscapeStylesheet = ".__________cytoscape_container { position: relative; }";
const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

/** The explorer (web/dist, built by Vite: module scripts and stylesheets, no inline code). */
export const explorerHeaders = {
  ...common,
  "content-security-policy": policy({ ...base, "style-src": `'self' ${sha256(cytoscapeStylesheet)}` }),
};

/**
 * GraphiQL 3: its scripts are files (the start-up script too), but its components add `<style>`
 * elements at run time and its stylesheet carries fonts as data: URLs.
 */
export const graphiqlHeaders = {
  ...common,
  "content-security-policy": policy({
    ...base,
    "style-src": "'self' 'unsafe-inline'",
    "font-src": "'self' data:",
  }),
};

/** A page with an inline style attribute and nothing else (the explorer's "not built" page). */
export const plainPageHeaders = {
  ...common,
  "content-security-policy": policy({
    "default-src": "'none'",
    "style-src": "'unsafe-inline'",
    "base-uri": "'none'",
    "form-action": "'none'",
    "frame-ancestors": "'none'",
  }),
};
