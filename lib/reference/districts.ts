// The 38 county-level divisions of Chongqing (26 districts, 12 counties) with their official
// six-digit administrative division codes (GB/T 2260, as published by the Ministry of Civil
// Affairs). Pure data: district offices receive applications (Art. 15) and the intake API
// identifies them by `code`.
//
// The codes reflect the conversions of former counties into districts: 璧山 500120 (2014),
// 铜梁 500151 and 潼南 500152 (2014-2015), 荣昌 500153 (2015), 开州 500154 (2016),
// 梁平 500155 and 武隆 500156 (2016). Their old county codes (5002xx) are no longer valid.
import type { DistrictKind } from "@/lib/generated/prisma/enums";

export interface DistrictReference {
  code: string;
  name: string;
  nameEn: string;
  kind: DistrictKind;
  /** One of the nine central urban districts (中心城区), where municipal estates are (Art. 15). */
  isCentralUrban: boolean;
}

const district = (code: string, name: string, nameEn: string, isCentralUrban = false): DistrictReference => ({
  code,
  name,
  nameEn,
  kind: "DISTRICT",
  isCentralUrban,
});

const county = (code: string, name: string, nameEn: string): DistrictReference => ({
  code,
  name,
  nameEn,
  kind: "COUNTY",
  isCentralUrban: false,
});

/** In code order. */
export const CHONGQING_DISTRICTS: readonly DistrictReference[] = Object.freeze([
  district("500101", "万州区", "Wanzhou District"),
  district("500102", "涪陵区", "Fuling District"),
  district("500103", "渝中区", "Yuzhong District", true),
  district("500104", "大渡口区", "Dadukou District", true),
  district("500105", "江北区", "Jiangbei District", true),
  district("500106", "沙坪坝区", "Shapingba District", true),
  district("500107", "九龙坡区", "Jiulongpo District", true),
  district("500108", "南岸区", "Nan'an District", true),
  district("500109", "北碚区", "Beibei District", true),
  district("500110", "綦江区", "Qijiang District"),
  district("500111", "大足区", "Dazu District"),
  district("500112", "渝北区", "Yubei District", true),
  district("500113", "巴南区", "Banan District", true),
  district("500114", "黔江区", "Qianjiang District"),
  district("500115", "长寿区", "Changshou District"),
  district("500116", "江津区", "Jiangjin District"),
  district("500117", "合川区", "Hechuan District"),
  district("500118", "永川区", "Yongchuan District"),
  district("500119", "南川区", "Nanchuan District"),
  district("500120", "璧山区", "Bishan District"),
  district("500151", "铜梁区", "Tongliang District"),
  district("500152", "潼南区", "Tongnan District"),
  district("500153", "荣昌区", "Rongchang District"),
  district("500154", "开州区", "Kaizhou District"),
  district("500155", "梁平区", "Liangping District"),
  district("500156", "武隆区", "Wulong District"),
  county("500229", "城口县", "Chengkou County"),
  county("500230", "丰都县", "Fengdu County"),
  county("500231", "垫江县", "Dianjiang County"),
  county("500233", "忠县", "Zhong County"),
  county("500235", "云阳县", "Yunyang County"),
  county("500236", "奉节县", "Fengjie County"),
  county("500237", "巫山县", "Wushan County"),
  county("500238", "巫溪县", "Wuxi County"),
  county("500240", "石柱土家族自治县", "Shizhu Tujia Autonomous County"),
  county("500241", "秀山土家族苗族自治县", "Xiushan Tujia and Miao Autonomous County"),
  county("500242", "酉阳土家族苗族自治县", "Youyang Tujia and Miao Autonomous County"),
  county("500243", "彭水苗族土家族自治县", "Pengshui Miao and Tujia Autonomous County"),
]);

const BY_CODE: ReadonlyMap<string, DistrictReference> = new Map(CHONGQING_DISTRICTS.map((entry) => [entry.code, entry]));

/** Looks a division up by its six-digit code. */
export function findDistrict(code: string): DistrictReference | undefined {
  return BY_CODE.get(code);
}

/**
 * A district's names for a list row, from this reference data rather than a join: the 38 names
 * change only with a new release of this file (the District table is seeded from it).
 */
export function districtNames(code: string): { districtName: string; districtNameEn: string } {
  const d = findDistrict(code);
  return { districtName: d?.name ?? code, districtNameEn: d?.nameEn ?? code };
}

/** The part of a Prisma client (or transaction client) that upsertDistricts needs. */
export interface DistrictUpsertClient {
  district: {
    upsert(args: {
      where: { code: string };
      create: DistrictReference;
      update: Omit<DistrictReference, "code">;
    }): Promise<unknown>;
  };
}

/**
 * Inserts the 38 divisions, or brings existing rows back in line with this list (names and
 * central-urban flags). Idempotent; run by seeds and tests. Rows not in the list are left alone.
 */
export async function upsertDistricts(client: DistrictUpsertClient): Promise<number> {
  for (const entry of CHONGQING_DISTRICTS) {
    const { code, ...rest } = entry;
    await client.district.upsert({ where: { code }, create: { ...entry }, update: rest });
  }
  return CHONGQING_DISTRICTS.length;
}
