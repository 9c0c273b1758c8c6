import type { MatchingText } from "../text/matching-text.js";
import type { OrganizationRef } from "../model.js";
import { foldKey, slugify } from "../text/fold-vietnamese.js";
import {
  ORGANIZATION_SPELLING,
  organizationLookupKey,
  PLURAL_OR_MEMBERS_PREFIX,
  PROVINCE_AFTER,
} from "../patterns.js";
import { issuerCodeBase } from "./normalise-symbol.js";
import { boundedEditDistance } from "../text/bounded-edit-distance.js";
import {
  AMBIGUOUS_ISSUER_CODES,
  BODY_KIND_PREFIXES,
  NATIONAL_BODY_PREFIXES,
  ORGANIZATIONS,
  type OrganizationEntry,
} from "../vocabulary/organizations.js";
import { CENTRAL_CITIES, PROVINCES, PROVINCE_SPELLINGS } from "../vocabulary/provinces.js";
import { repairBodyName } from "./repair-body-name.js";

export interface OrganizationMatch {
  org: OrganizationRef;
  entry: OrganizationEntry;
  /** end of the match in the matching text */
  end: number;
  /** the province the text names after the body, if it names one */
  province: string | null;
}

const entryBySpelling: ReadonlyMap<string, OrganizationEntry> = new Map(
  ORGANIZATIONS.flatMap((o) => o.spellings.map((s) => [organizationLookupKey(s), o] as const)),
);
const entryByKey: ReadonlyMap<string, OrganizationEntry> = new Map(ORGANIZATIONS.map((o) => [o.key, o]));
const provinceByFolded: ReadonlyMap<string, string> = new Map([
  ...PROVINCES.map((p) => [organizationLookupKey(foldKey(p)), p] as const),
  ...[...PROVINCE_SPELLINGS].map(([k, p]) => [organizationLookupKey(k), p] as const),
]);

/** The canonical province for a folded spelling ("quang ninh", "ba ria-vung tau"). */
export function provinceFromFolded(folded: string): string | null {
  return provinceByFolded.get(organizationLookupKey(folded)) ?? null;
}

/** The reference to a known body, keyed by province when it is a provincial body. */
export function organizationRef(entry: OrganizationEntry, province: string | null): OrganizationRef {
  if (entry.provincial && province) {
    return { key: `${entry.key}-${slugify(province)}`, name: `${entry.name} ${province}`, kind: entry.kind };
  }
  return { key: entry.key, name: entry.name, kind: entry.kind };
}

/** A known body named at `pos` of the matching text ("Ban Thương\nvụ Tỉnh ủy", "Chính phủ"). */
export function matchOrganizationAt(
  mt: MatchingText,
  pos: number,
  contextProvince: string | null,
): OrganizationMatch | null {
  ORGANIZATION_SPELLING.lastIndex = pos;
  const m = ORGANIZATION_SPELLING.exec(mt.folded);
  if (!m) return null;
  const entry = entryBySpelling.get(organizationLookupKey(m[0]));
  if (!entry) return null;
  let end = pos + m[0].length;
  if (entry.namedWithField && /^\s+ve\s/.test(mt.folded.slice(end, end + 5))) return null;
  let province: string | null = null;
  if (entry.provincial) {
    PROVINCE_AFTER.lastIndex = end;
    const p = PROVINCE_AFTER.exec(mt.folded);
    if (p) {
      province = provinceFromFolded(p[1]!);
      if (province) end = PROVINCE_AFTER.lastIndex;
    }
  }
  return { org: organizationRef(entry, province ?? contextProvince), entry, end, province };
}

/** Spellings long enough to be matched within one edit, by their number of words. */
const NEAR_SPELLINGS: readonly (readonly [string, OrganizationEntry, number])[] = [...entryBySpelling]
  .filter(([spelling]) => spelling.length >= 14)
  .map(([spelling, entry]) => [spelling, entry, spelling.split(" ").length] as const)
  .sort((a, b) => b[0].length - a[0].length);

/**
 * A known body named at `pos` with one letter damaged by OCR ("Ủy han nhân dân tỉnh"): the
 * longest spelling of 14 letters or more within one edit of the same number of words, with the
 * same first letter. For issuers after "của", when the exact match fails.
 */
export function matchOrganizationNearAt(
  mt: MatchingText,
  pos: number,
  contextProvince: string | null,
): (OrganizationMatch & { nameEnd: number }) | null {
  const window = mt.folded.slice(pos, pos + 80);
  const words = [...window.matchAll(/[a-z0-9&]+/g)];
  if (words.length === 0 || words[0]!.index !== 0) return null;
  for (const [spelling, entry, count] of NEAR_SPELLINGS) {
    if (count > words.length) continue;
    const last = words[count - 1]!;
    const end = last.index + last[0].length;
    const candidate = words
      .slice(0, count)
      .map((w) => w[0])
      .join(" ");
    if (candidate[0] !== spelling[0] || boundedEditDistance(candidate, spelling, 1) > 1) continue;
    if (entry.namedWithField && /^\s+ve\s/.test(window.slice(end, end + 5))) return null;
    // the words between must be separated by white space only (not a sentence break)
    if (/[.;:()]/.test(window.slice(0, end))) continue;
    let stop = pos + end;
    let province: string | null = null;
    if (entry.provincial) {
      PROVINCE_AFTER.lastIndex = stop;
      const p = PROVINCE_AFTER.exec(mt.folded);
      if (p) {
        province = provinceFromFolded(p[1]!);
        if (province) stop = PROVINCE_AFTER.lastIndex;
      }
    }
    return {
      org: organizationRef(entry, province ?? contextProvince),
      entry,
      end: stop,
      province,
      nameEnd: pos + end,
    };
  }
  return null;
}

export function entryForKey(key: string): OrganizationEntry | null {
  return entryByKey.get(key) ?? null;
}

/** Whether the issuer codes of a symbol agree with a body (an empty code list agrees with anything). */
export function issuerAgreesWithCodes(entry: OrganizationEntry, issuerCodes: readonly string[]): boolean {
  if (issuerCodes.length === 0) return true;
  const bases = issuerCodes.map(issuerCodeBase);
  return entry.codes.some((c) => bases.includes(c));
}

/** Whether any known body issues under these codes (unknown codes cannot be checked). */
export function issuerCodesAreKnown(issuerCodes: readonly string[]): boolean {
  const bases = issuerCodes.map(issuerCodeBase);
  return ORGANIZATIONS.some((o) => o.codes.some((c) => bases.includes(c)));
}

/**
 * The one body an issuer code names, when it names exactly one (CP → Chính phủ, TTg → Thủ
 * tướng Chính phủ, QH14 → Quốc hội, BTC → Bộ Tài chính). Codes naming several bodies (TW, TU,
 * HĐND, UBND) or unknown codes give null: the text must say which.
 */
export function singleBodyForCode(code: string, province: string | null = null): OrganizationEntry | null {
  const base = issuerCodeBase(code);
  if (AMBIGUOUS_ISSUER_CODES.has(base)) return null;
  const matches = ORGANIZATIONS.filter((o) => o.codes.includes(base));
  const keys = new Set(matches.map((o) => o.key));
  if (keys.size === 1) return matches[0]!;
  // A provincial board shared by "Tỉnh ủy" and "Thành ủy" (VPTU): the province decides which.
  if (province === null || !matches.every((o) => o.provincial)) return null;
  const level = CENTRAL_CITIES.has(province) ? /Thành ủy$|thành phố$/ : /Tỉnh ủy$|tỉnh$/;
  const fitting = matches.filter((o) => level.test(o.name));
  return new Set(fitting.map((o) => o.key)).size === 1 ? fitting[0]! : null;
}

/** The bodies an ambiguous code may stand for, as references (context province applied). */
export function candidatesForCode(code: string, province: string | null): OrganizationRef[] {
  const keys = AMBIGUOUS_ISSUER_CODES.get(issuerCodeBase(code));
  if (!keys) return [];
  return keys
    .map((k) => entryByKey.get(k))
    .filter((e): e is OrganizationEntry => e !== undefined)
    .map((e) => organizationRef(e, province));
}

/**
 * A body named in free text (section III, headers): known bodies by vocabulary, others by their
 * name. The name is repaired first where OCR damaged it ("tồ chức" → "Tổ chức", "Sở Thông tín
 * Truyền thông" → "Sở Thông tin và Truyền thông", repair-body-name.ts), and a known body takes its
 * vocabulary key and name ("UBND tỉnh" in a Quảng Ninh text is uy-ban-nhan-dan-tinh-quang-ninh,
 * #20); `printed` keeps the name as the text printed it when it differs.
 */
export function organizationFromName(rawName: string, contextProvince: string | null): OrganizationRef {
  const name = rawName.replace(/\s+/g, " ").trim();
  const folded = foldKey(name);
  const printed = capitaliseFirst(name.replace(PLURAL_OR_MEMBERS_PREFIX, ""));
  const display = repairBodyName(printed);
  const repairedFolded = foldKey(display);
  const known =
    entryBySpelling.get(organizationLookupKey(stripProvince(folded).body)) ??
    entryBySpelling.get(organizationLookupKey(stripProvince(repairedFolded).body));
  if (known) {
    const named = stripProvince(repairedFolded).province;
    return withPrinted(organizationRef(known, named ?? contextProvince), printed);
  }
  // a provincial sector is its department: "Ngành giáo dục và đào tạo" is the Sở Giáo dục và Đào tạo
  const sector = /^nganh\s+(.+)$/.exec(stripProvince(repairedFolded).body);
  const department = sector ? entryBySpelling.get(organizationLookupKey(`so ${sector[1]}`)) : undefined;
  if (department?.provincial && contextProvince) {
    return withPrinted(
      organizationRef(department, stripProvince(repairedFolded).province ?? contextProvince),
      printed,
    );
  }
  const head = repairedFolded.replace(/^(?:cac dong chi|cac|nhung)\s+/, "");
  const kind = BODY_KIND_PREFIXES.find(([prefix]) => head.startsWith(prefix))?.[1] ?? "other";
  const national = NATIONAL_BODY_PREFIXES.some((p) => folded.startsWith(p));
  const hasProvince = contextProvince !== null && folded.includes(foldKey(contextProvince));
  const keyName = !national && contextProvince && !hasProvince ? `${display} ${contextProvince}` : display;
  return withPrinted({ key: slugify(keyName), name: display, kind }, printed);
}

function withPrinted(org: OrganizationRef, printed: string): OrganizationRef {
  return printed === org.name ? org : { ...org, printed };
}

function stripProvince(folded: string): { body: string; province: string | null } {
  const key = organizationLookupKey(folded);
  for (const [p, canonical] of provinceByFolded) {
    if (key.endsWith(` ${p}`)) return { body: key.slice(0, key.length - p.length - 1), province: canonical };
  }
  return { body: key, province: null };
}

export function capitaliseFirst(s: string): string {
  return s.length === 0 ? s : s.charAt(0).toUpperCase() + s.slice(1);
}

/** Where a body stands: its province, and the body it is part of (#20). */
export interface OrganizationStructure {
  /** the province (or centrally-run city) it belongs to, when its key names one */
  province: string | null;
  /** the body it is an organ, board, office or department of, when known */
  parent: OrganizationRef | null;
  /** the vocabulary's name for its key ("Tỉnh ủy Quảng Ninh" for tinh-uy-quang-ninh), else null */
  canonicalName: string | null;
}

let provincialEntries: ReadonlyMap<string, readonly [OrganizationEntry, string]> | null = null;

/** Every provincial body's key in every province ("so-tai-chinh-quang-ninh"), built on first use. */
function provincialEntryByKey(): ReadonlyMap<string, readonly [OrganizationEntry, string]> {
  provincialEntries ??= new Map(
    [...entryByKey.values()]
      .filter((entry) => entry.provincial)
      .flatMap((entry) => PROVINCES.map((p) => [organizationRef(entry, p).key, [entry, p]] as const)),
  );
  return provincialEntries;
}

const provinceSlugs: readonly (readonly [string, string])[] = PROVINCES.map(
  (p) => [`-${slugify(p)}`, p] as const,
).sort((a, b) => b[0].length - a[0].length);

/**
 * A body's province and parent, from its key and name: a known body by the vocabulary's
 * `parent` (a department under its province's People's Committee, Ban Thường vụ Tỉnh ủy under
 * the Tỉnh ủy, a ministry under the Government); a body read from free text keeps the province
 * its key was given, and a board "… Tỉnh ủy" ("Ban xây dựng Đảng của Tỉnh ủy") is part of the
 * Tỉnh ủy of that province. Nothing is guessed beyond that.
 */
export function organizationStructure(org: OrganizationRef): OrganizationStructure {
  const provincial = provincialEntryByKey().get(org.key);
  if (provincial) {
    const [entry, province] = provincial;
    return {
      province,
      parent: parentRef(entry.parent, province),
      canonicalName: organizationRef(entry, province).name,
    };
  }
  const entry = entryByKey.get(org.key);
  if (entry) return { province: null, parent: parentRef(entry.parent, null), canonicalName: entry.name };
  const province = provinceSlugs.find(([slug]) => org.key.endsWith(slug))?.[1] ?? null;
  return { province, parent: province ? partyCommitteeOf(org.name, province) : null, canonicalName: null };
}

function parentRef(parentKey: string | undefined, province: string | null): OrganizationRef | null {
  if (!parentKey) return null;
  // a centrally-run city's council and committee are "thành phố"
  const cityKey = parentKey.replace(/-tinh$/, "-thanh-pho");
  const key = province && CENTRAL_CITIES.has(province) && entryByKey.has(cityKey) ? cityKey : parentKey;
  const entry = entryByKey.get(key);
  return entry ? organizationRef(entry, province) : null;
}

/** The Tỉnh ủy (Thành ủy of a centrally-run city) a board named "… [của] Tỉnh ủy" belongs to. */
function partyCommitteeOf(name: string, province: string): OrganizationRef | null {
  const folded = foldKey(name);
  if (/^uy vien\s/.test(folded)) return null; // members, not a body
  const committee = CENTRAL_CITIES.has(province) ? "thanh uy" : "tinh uy";
  if (folded === committee || !folded.endsWith(` ${committee}`)) return null;
  const entry = entryByKey.get(committee.replace(" ", "-"));
  return entry ? organizationRef(entry, province) : null;
}
