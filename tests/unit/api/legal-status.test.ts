import { describe, expect, it } from "vitest";
import {
  deriveStatus,
  eventDate,
  type OwnEffect,
  type StatusEvent,
} from "../../../src/api/services/legal-status.js";
import { citedArticle, scopesOverlap } from "../../../src/api/services/reference.service.js";
import { todayInVietnam } from "../../../src/api/services/document.service.js";

const own = (effect: Partial<OwnEffect> = {}): OwnEffect => ({
  effectiveFrom: null,
  effectiveRule: null,
  effectiveUntil: null,
  effectQuote: null,
  ...effect,
});

let position = 0;
const event = (
  kind: StatusEvent["kind"],
  from: string | null,
  scope: string | null = null,
  byKey = "NĐ|2/2024/NĐ-CP|2024",
): StatusEvent => ({
  kind,
  scope,
  byKey,
  from,
  fromBasis: from ? "effective" : "unknown",
  quote: `Nghị định số 1/2020/NĐ-CP (${kind})`,
  start: position,
  end: (position += 10),
  taskKey: `${byKey}#Điều 9`,
});

const inForce2020 = own({
  effectiveFrom: "2020-03-01",
  effectQuote: "Nghị định này có hiệu lực thi hành kể từ ngày 01 tháng 3 năm 2020",
});

describe("deriveStatus: a document's force at a date, from its own clause and what others say of it", () => {
  it("from its own clause alone: not yet in force, in force, expired; unknown without one", () => {
    expect(deriveStatus(inForce2020, [], "2020-02-29")).toMatchObject({
      code: "NOT_YET_IN_FORCE",
      since: "2020-03-01",
    });
    expect(deriveStatus(inForce2020, [], "2020-03-01")).toMatchObject({
      code: "IN_FORCE",
      since: "2020-03-01",
      ownQuote: inForce2020.effectQuote,
      evidence: [],
    });
    const temporary = own({ effectiveFrom: "2020-03-01", effectiveUntil: "2021-12-31" });
    expect(deriveStatus(temporary, [], "2021-12-31").code).toBe("IN_FORCE");
    expect(deriveStatus(temporary, [], "2022-01-01")).toMatchObject({ code: "EXPIRED", since: "2021-12-31" });
    expect(deriveStatus(own(), [], "2024-01-01")).toMatchObject({
      code: "UNKNOWN",
      since: null,
      evidence: [],
    });
  });

  it("replaced from the day the replacement takes effect, not before; the later statement listed as upcoming", () => {
    const replaced = event("REPLACES", "2024-07-01");
    const before = deriveStatus(inForce2020, [replaced], "2024-06-30");
    expect(before).toMatchObject({ code: "IN_FORCE", upcoming: [replaced] });
    const after = deriveStatus(inForce2020, [replaced], "2024-07-01");
    expect(after).toMatchObject({
      code: "REPLACED",
      since: "2024-07-01",
      evidence: [replaced],
      upcoming: [],
    });
    expect(after.summary).toBe("replaced by 2/2024/NĐ-CP from 2024-07-01");
  });

  it("the earliest whole ending wins: repealed first, replaced later is still repealed", () => {
    const repealed = event("REPEALS", "2022-01-01", null, "NĐ|9/2021/NĐ-CP|2021");
    const replaced = event("REPLACES", "2024-07-01");
    const status = deriveStatus(inForce2020, [replaced, repealed], "2025-01-01");
    expect(status).toMatchObject({ code: "REPEALED", since: "2022-01-01", evidence: [repealed] });
  });

  it("a part repealed or amended leaves it in force, with the parts named", () => {
    const amended = event("AMENDS", "2023-01-01", "Điều 5.2");
    const partRepealed = event("REPEALS", "2023-05-01", "Điều 7");
    const partReplaced = event("REPLACES", "2023-02-01", "Điều 6.1.a");
    expect(deriveStatus(inForce2020, [amended, partReplaced], "2024-01-01")).toMatchObject({
      code: "AMENDED",
      since: "2023-01-01",
      parts: ["Điều 5.2", "Điều 6.1.a"],
    });
    expect(deriveStatus(inForce2020, [amended, partRepealed], "2024-01-01")).toMatchObject({
      code: "PARTLY_REPEALED",
      parts: ["Điều 5.2", "Điều 7"],
    });
    // an amendment that says "một số điều" names no part
    expect(deriveStatus(inForce2020, [event("AMENDS", "2023-01-01")], "2024-01-01")).toMatchObject({
      code: "AMENDED",
      parts: [],
    });
  });

  it("a text that amends a document and repeals or replaces it without naming a part changes parts, not the whole", () => {
    // "Sửa đổi, bổ sung, thay thế, bãi bỏ một số điều của Nghị định số 1/2020/NĐ-CP": read as AMENDS,
    // then REPLACES and REPEALS with no scope, all by the same decree
    const by = "NĐ|5/2024/NĐ-CP|2024";
    const events = [
      event("AMENDS", "2024-07-01", null, by),
      event("REPLACES", "2024-07-01", null, by),
      event("REPEALS", "2024-07-01", null, by),
    ];
    expect(deriveStatus(inForce2020, events, "2025-01-01")).toMatchObject({
      code: "PARTLY_REPEALED",
      parts: [],
    });
    // another text that repeals it whole still ends it
    const repealed = event("REPEALS", "2026-01-01", null, "NĐ|9/2025/NĐ-CP|2025");
    expect(deriveStatus(inForce2020, [...events, repealed], "2026-06-01")).toMatchObject({
      code: "REPEALED",
      evidence: [repealed],
    });
  });

  it("suspended as a whole; a suspension of a part is a change of that part", () => {
    expect(deriveStatus(inForce2020, [event("SUSPENDS", "2021-01-01")], "2021-06-01").code).toBe("SUSPENDED");
    expect(
      deriveStatus(inForce2020, [event("SUSPENDS", "2021-01-01", "Điều 3")], "2021-06-01"),
    ).toMatchObject({
      code: "AMENDED",
      parts: ["Điều 3"],
    });
  });

  it("a statement whose date is unknown applies at any date, and says so", () => {
    const undated = event("REPEALS", null);
    const status = deriveStatus(own(), [undated], "1990-01-01");
    expect(status).toMatchObject({ code: "REPEALED", since: null, evidence: [undated] });
    expect(status.summary).toBe("repealed by 2/2024/NĐ-CP");
  });

  it("a repeal by a stub whose date is only its issue date says so", () => {
    const byIssue = { ...event("REPEALS", "2024-03-01"), fromBasis: "issued" as const };
    expect(deriveStatus(own(), [byIssue], "2024-06-01").summary).toBe(
      "repealed by 2/2024/NĐ-CP from 2024-03-01 (the issue date: no effect date was read)",
    );
  });

  it("an event takes effect with the stating document's effect date, else its issue date", () => {
    expect(eventDate({ effectiveFrom: "2024-07-01", issuedOn: "2024-05-15" })).toEqual({
      from: "2024-07-01",
      fromBasis: "effective",
    });
    expect(eventDate({ effectiveFrom: null, issuedOn: "2024-05-15" })).toEqual({
      from: "2024-05-15",
      fromBasis: "issued",
    });
    expect(eventDate({ effectiveFrom: null, issuedOn: null })).toEqual({ from: null, fromBasis: "unknown" });
  });
});

describe("the article a reference names, and overlapping scopes", () => {
  it.each([
    ["khoản 2 Điều 5 của Nghị định số 113/2017/NĐ-CP", "Điều 5.2"],
    ["điểm a khoản 3 Điều 12 Thông tư số 44/2022/TT-BTC", "Điều 12.3.a"],
    ["Điều 7 Nghị định số 113/2017/NĐ-CP", "Điều 7"],
    ["Nghị định số 113/2017/NĐ-CP ngày 09/10/2017", null],
  ])("%s → %s", (text, scope) => {
    expect(citedArticle(text)).toBe(scope);
  });

  it("overlap: the same part, or one inside the other, never a prefix of another number", () => {
    expect(scopesOverlap("Điều 5", "Điều 5.2.a")).toBe(true);
    expect(scopesOverlap("Điều 5.2", "Điều 5")).toBe(true);
    expect(scopesOverlap("Điều 5", "Điều 50")).toBe(false);
    expect(scopesOverlap("Điều 5.2", "Điều 5.3")).toBe(false);
  });
});

it("today is the calendar date in Việt Nam (UTC+7)", () => {
  expect(todayInVietnam(new Date("2026-12-03T18:30:00Z"))).toBe("2026-12-04");
  expect(todayInVietnam(new Date("2026-12-03T16:59:00Z"))).toBe("2026-12-03");
});
