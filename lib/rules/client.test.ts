import { describe, expect, it } from "vitest";
import * as client from "./client";
import * as rules from "./index";

// The browser's entry (client.ts) is a subset of the contract's index: the same names bound to
// the same values, so the browser and the server cannot run different rules.

describe("lib/rules/client", () => {
  const names = Object.keys(client);

  it("exports what client code uses", () => {
    expect(names.sort()).toEqual(
      [
        "EMPLOYMENT_BASES", "INELIGIBILITY_ARTICLES", "PRIORITY_CATEGORIES", "RELATIONSHIPS", "UNIT_TYPES",
        "addDays", "addMonths", "allowedUnitTypes", "articleLabel", "assertISODate", "birthDateFromResidentId",
        "compareISODate", "entitledUnitType", "isValidISODate", "isValidResidentId", "maskName", "maskPhone",
        "maskResidentId", "sexFromResidentId", "unitTypeHouseholdSize",
      ].sort(),
    );
  });

  it.each(names)("%s is the index's own export", (name) => {
    expect((client as Record<string, unknown>)[name]).toBe((rules as Record<string, unknown>)[name]);
  });

  it("labels articles as the explanations do", () => {
    expect(client.articleLabel("13.4")).toBe("第十三条第四项");
    expect(client.articleLabel("40", "en")).toBe("Art. 40");
    expect(client.INELIGIBILITY_ARTICLES.INCOME_ABOVE_LIMIT).toBe("13.4");
  });
});
