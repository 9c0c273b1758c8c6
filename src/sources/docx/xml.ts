/**
 * A small, tolerant, streaming XML reader for the parts of a DOCX: start tags with their
 * attributes, end tags and text, in order, with no tree built. Names are given with a canonical
 * prefix for the namespaces the reader cares about ("w:" for WordprocessingML, transitional or
 * strict; "mc:" for markup compatibility …), whatever prefix the file declared. A DTD is refused
 * (OOXML forbids one, and it is how entity bombs get in); only the five predefined entities and
 * character references are expanded.
 */

export interface XmlHandler {
  open(name: string, attributes: ReadonlyMap<string, string>, selfClosing: boolean): void;
  close(name: string): void;
  text(text: string): void;
}

export class XmlError extends Error {}

/** Canonical prefixes by namespace URI. */
const CANONICAL: ReadonlyMap<string, string> = new Map([
  ["http://schemas.openxmlformats.org/wordprocessingml/2006/main", "w"],
  ["http://purl.oclc.org/ooxml/wordprocessingml/main", "w"],
  ["http://schemas.openxmlformats.org/markup-compatibility/2006", "mc"],
  ["http://schemas.openxmlformats.org/package/2006/relationships", "rel"],
  ["http://schemas.openxmlformats.org/package/2006/content-types", "ct"],
  ["http://schemas.openxmlformats.org/officeDocument/2006/relationships", "r"],
  ["http://purl.oclc.org/ooxml/officeDocument/relationships", "r"],
  ["http://schemas.openxmlformats.org/officeDocument/2006/math", "m"],
  ["http://purl.oclc.org/ooxml/officeDocument/math", "m"],
  ["urn:schemas-microsoft-com:vml", "v"],
]);

const ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]+);/g, (whole: string, body: string) => {
    if (body.startsWith("#")) {
      const code =
        body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!Number.isFinite(code) || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return "\ufffd";
      return String.fromCodePoint(code);
    }
    return ENTITIES[body] ?? whole;
  });
}

const ATTRIBUTE = /\s*([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;
const NAME = /[^\s/>]+/y;

/** The bytes of an XML part as text: UTF-8 (a BOM stripped) or UTF-16 with its BOM. */
export function decodeXmlBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  return new TextDecoder("utf-8").decode(bytes); // strips a UTF-8 BOM
}

/** Reads `xml` from start to end, calling `handler` for each tag and text run. Throws XmlError. */
export function scanXml(xml: string, handler: XmlHandler): void {
  // namespace scopes: a stack of prefix maps, pushed only by elements that declare some
  const scopes: { depth: number; map: Map<string, string> }[] = [{ depth: -1, map: new Map() }];
  const openNames: string[] = [];
  const canonical = (qname: string, isAttribute: boolean): string => {
    const colon = qname.indexOf(":");
    if (colon < 0) {
      if (isAttribute) return qname;
      const uri = lookup("");
      const prefix = uri === undefined ? undefined : CANONICAL.get(uri);
      return prefix === undefined ? qname : `${prefix}:${qname}`;
    }
    const prefix = qname.slice(0, colon);
    if (prefix === "xmlns" || prefix === "xml") return qname;
    const uri = lookup(prefix);
    const known = uri === undefined ? undefined : CANONICAL.get(uri);
    return known === undefined ? qname : `${known}:${qname.slice(colon + 1)}`;
  };
  const lookup = (prefix: string): string | undefined => {
    for (let i = scopes.length - 1; i >= 0; i--) {
      const uri = scopes[i]?.map.get(prefix);
      if (uri !== undefined) return uri;
    }
    return undefined;
  };

  let pos = 0;
  const length = xml.length;
  while (pos < length) {
    const lt = xml.indexOf("<", pos);
    const textEnd = lt < 0 ? length : lt;
    if (textEnd > pos) handler.text(decodeEntities(xml.slice(pos, textEnd)));
    if (lt < 0) break;
    const next = xml.charCodeAt(lt + 1);
    if (next === 0x3f /* ? */) {
      const end = xml.indexOf("?>", lt + 2);
      if (end < 0) throw new XmlError("unterminated processing instruction");
      pos = end + 2;
      continue;
    }
    if (next === 0x21 /* ! */) {
      if (xml.startsWith("<!--", lt)) {
        const end = xml.indexOf("-->", lt + 4);
        if (end < 0) throw new XmlError("unterminated comment");
        pos = end + 3;
        continue;
      }
      if (xml.startsWith("<![CDATA[", lt)) {
        const end = xml.indexOf("]]>", lt + 9);
        if (end < 0) throw new XmlError("unterminated CDATA section");
        handler.text(xml.slice(lt + 9, end));
        pos = end + 3;
        continue;
      }
      throw new XmlError("a document type declaration (not allowed in OOXML)");
    }
    if (next === 0x2f /* / */) {
      const end = xml.indexOf(">", lt + 2);
      if (end < 0) throw new XmlError("unterminated end tag");
      const raw = xml.slice(lt + 2, end).trim();
      const expected = openNames.pop();
      if (expected === undefined) throw new XmlError(`an end tag </${raw}> with nothing open`);
      // tolerant: an end tag that does not match closes what is open (the names given are the open ones)
      handler.close(expected);
      const top = scopes[scopes.length - 1];
      if (top && top.depth === openNames.length) scopes.pop();
      pos = end + 1;
      continue;
    }
    // a start tag
    NAME.lastIndex = lt + 1;
    const nameMatch = NAME.exec(xml);
    if (!nameMatch) throw new XmlError("a malformed tag");
    const rawName = nameMatch[0];
    let p = NAME.lastIndex;
    const rawAttributes: [string, string][] = [];
    let declarations: Map<string, string> | null = null;
    for (;;) {
      ATTRIBUTE.lastIndex = p;
      const m = ATTRIBUTE.exec(xml);
      if (!m) break;
      const attrName = m[1] ?? "";
      const value = decodeEntities(m[2] ?? m[3] ?? "");
      if (attrName === "xmlns" || attrName.startsWith("xmlns:")) {
        declarations ??= new Map();
        declarations.set(attrName === "xmlns" ? "" : attrName.slice(6), value);
      } else rawAttributes.push([attrName, value]);
      p = ATTRIBUTE.lastIndex;
    }
    while (p < length && /\s/.test(xml[p] ?? "")) p++;
    let selfClosing = false;
    if (xml.startsWith("/>", p)) {
      selfClosing = true;
      p += 2;
    } else if (xml[p] === ">") p += 1;
    else throw new XmlError(`a malformed tag <${rawName}`);
    if (declarations) scopes.push({ depth: openNames.length, map: declarations });
    const name = canonical(rawName, false);
    const attributes = new Map<string, string>();
    for (const [k, v] of rawAttributes) attributes.set(canonical(k, true), v);
    handler.open(name, attributes, selfClosing);
    if (selfClosing) {
      handler.close(name);
      const top = scopes[scopes.length - 1];
      if (top && top.depth === openNames.length) scopes.pop();
    } else openNames.push(name);
    pos = p;
  }
  // tolerant: close whatever a truncated part left open
  while (openNames.length > 0) handler.close(openNames.pop() ?? "");
}
