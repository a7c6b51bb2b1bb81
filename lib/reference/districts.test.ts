import { describe, expect, it } from "vitest";
import { CHONGQING_DISTRICTS, findDistrict, upsertDistricts, type DistrictUpsertClient } from "./districts";

describe("Chongqing districts reference data", () => {
  it("has the 38 county-level divisions: 26 districts and 12 counties", () => {
    expect(CHONGQING_DISTRICTS).toHaveLength(38);
    expect(CHONGQING_DISTRICTS.filter((d) => d.kind === "DISTRICT")).toHaveLength(26);
    expect(CHONGQING_DISTRICTS.filter((d) => d.kind === "COUNTY")).toHaveLength(12);
  });

  it("uses unique six-digit codes of Chongqing (500xxx)", () => {
    const codes = CHONGQING_DISTRICTS.map((d) => d.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^500\d{3}$/);
  });

  it("codes districts 5001xx and counties 5002xx", () => {
    for (const d of CHONGQING_DISTRICTS) {
      expect(d.code.slice(0, 4)).toBe(d.kind === "DISTRICT" ? "5001" : "5002");
      expect(d.name.endsWith(d.kind === "DISTRICT" ? "区" : "县")).toBe(true);
    }
  });

  it("marks exactly the nine central urban districts (Art. 15)", () => {
    const central = CHONGQING_DISTRICTS.filter((d) => d.isCentralUrban).map((d) => d.name);
    expect(central.sort()).toEqual(
      ["渝中区", "大渡口区", "江北区", "沙坪坝区", "九龙坡区", "南岸区", "北碚区", "渝北区", "巴南区"].sort(),
    );
  });

  it("has the codes of the converted counties", () => {
    expect(findDistrict("500118")?.name).toBe("永川区");
    expect(findDistrict("500120")?.name).toBe("璧山区");
    expect(findDistrict("500151")?.name).toBe("铜梁区");
    expect(findDistrict("500152")?.name).toBe("潼南区");
    expect(findDistrict("500153")?.name).toBe("荣昌区");
    expect(findDistrict("500154")?.name).toBe("开州区");
    expect(findDistrict("500155")?.name).toBe("梁平区");
    expect(findDistrict("500156")?.name).toBe("武隆区");
    expect(findDistrict("500243")?.name).toBe("彭水苗族土家族自治县");
    expect(findDistrict("500234")).toBeUndefined(); // 开县, now 开州区
  });

  it("has unique names in both languages", () => {
    expect(new Set(CHONGQING_DISTRICTS.map((d) => d.name)).size).toBe(38);
    expect(new Set(CHONGQING_DISTRICTS.map((d) => d.nameEn)).size).toBe(38);
  });

  it("upserts every division by code", async () => {
    const calls: Parameters<DistrictUpsertClient["district"]["upsert"]>[0][] = [];
    const client: DistrictUpsertClient = {
      district: {
        upsert: async (args) => {
          calls.push(args);
          return args.create;
        },
      },
    };
    await expect(upsertDistricts(client)).resolves.toBe(38);
    expect(calls.map((c) => c.where.code)).toEqual(CHONGQING_DISTRICTS.map((d) => d.code));
    expect(calls[2]?.update).toEqual({ name: "渝中区", nameEn: "Yuzhong District", kind: "DISTRICT", isCentralUrban: true });
  });
});
