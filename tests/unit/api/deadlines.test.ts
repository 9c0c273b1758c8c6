import { describe, expect, it } from "vitest";
import { dueDateOf } from "../../../src/graph/ingest-rows.js";
import { toDeadlines, toTarget } from "../../../src/api/services/graph-records.js";

describe("deadlines: the last day each allows", () => {
  it.each([
    [{ date: "2022-12-31", period: null }, "2022-12-31"],
    [{ date: null, period: "2022-Q1" }, "2022-03-31"],
    [{ date: null, period: "2022-Q2" }, "2022-06-30"],
    [{ date: null, period: "2022-Q3" }, "2022-09-30"],
    [{ date: null, period: "2022-Q4" }, "2022-12-31"],
    [{ date: null, period: "2030" }, "2030-12-31"],
    [{ date: null, period: "hằng quý" }, null],
    [{ date: null, period: null }, null],
  ])("%j → %s", (deadline, due) => {
    expect(dueDateOf(deadline)).toBe(due);
  });

  it("reads both stored shapes: a task's (start, end, due) and an assignment's (the extractor's span)", () => {
    expect(
      toDeadlines(
        '[{"date":null,"period":"2022-Q3","due":"2022-09-30","quote":"đến hết Quý III/2022","start":5,"end":25}]',
      ),
    ).toEqual([
      { date: null, period: "2022-Q3", due: "2022-09-30", quote: "đến hết Quý III/2022", start: 5, end: 25 },
    ]);
    expect(
      toDeadlines('[{"date":"2021-12-31","period":null,"quote":"trước ngày 31/12/2021","span":[10,32]}]'),
    ).toEqual([
      {
        date: "2021-12-31",
        period: null,
        due: "2021-12-31",
        quote: "trước ngày 31/12/2021",
        start: 10,
        end: 32,
      },
    ]);
    // graphs loaded before #20 have no deadlines on tasks; a damaged value reads as none
    expect(toDeadlines(null)).toEqual([]);
    expect(toDeadlines("not json")).toEqual([]);
  });

  it("a target's quantities come from their stored JSON, the printed form kept", () => {
    const target = toTarget({
      key: "d#target-3",
      ordinal: 3,
      group: "xây dựng Đảng",
      text: "Số lượng đảng viên mới được kết nạp tăng từ 3 - 3,5% so với đầu năm.",
      quantities: '[{"value":3,"valueMax":3.5,"unit":"%","comparator":"từ","quote":"3 - 3,5%","span":[1,9]}]',
      start: 0,
      end: 70,
      documentKey: "d",
      taskKey: "d#I.2",
    });
    expect(target.quantities).toEqual([
      { value: 3, valueMax: 3.5, unit: "%", comparator: "từ", quote: "3 - 3,5%" },
    ]);
    expect(target.taskKey).toBe("d#I.2");
  });
});
