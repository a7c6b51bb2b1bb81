import type { ISODate } from "@/lib/rules";

// The column layout of each partner agency's file (Art. 17-18), documented for the agencies in
// docs/decisions/007-shared-data-and-rechecks.md and offered as downloadable templates. One source
// per file; the first row holds the headers (Chinese, in any order); headers are matched after
// removing spaces and a trailing "*" and folding full-width brackets, and a few usual variants
// (aliases) are accepted. Columns not listed here are ignored.

export const SHARED_DATA_SOURCES = ["SOCIAL_INSURANCE", "HOUSING_FUND", "TAX", "REAL_ESTATE", "CIVIL_AFFAIRS"] as const;
export type SharedDataSourceCode = (typeof SHARED_DATA_SOURCES)[number];

export type ColumnKind = "residentId" | "text" | "amountFen" | "areaDm2" | "date" | "integer" | "option";

export interface ColumnSpec {
  /** The key in SharedDataRecord.fields. */
  key: string;
  /** The header as agencies write it. */
  header: string;
  aliases?: readonly string[];
  kind: ColumnKind;
  /** The column must be present and every row must fill it. */
  required: boolean;
  maxLength?: number;
  min?: number;
  max?: number;
  /** For `option`: the words accepted, mapped to codes. */
  options?: Readonly<Record<string, string>>;
  /** An example value for the template. */
  example: string;
}

export const SOCIAL_INSURANCE_STATUS = {
  正常: "ACTIVE",
  正常参保: "ACTIVE",
  参保缴费: "ACTIVE",
  在职参保: "ACTIVE",
  暂停: "SUSPENDED",
  暂停缴费: "SUSPENDED",
  中断: "SUSPENDED",
  终止: "TERMINATED",
  终止参保: "TERMINATED",
  停保: "TERMINATED",
  退休: "RETIRED",
  领取养老金: "RETIRED",
  离退休: "RETIRED",
} as const;
export type SocialInsuranceStatus = (typeof SOCIAL_INSURANCE_STATUS)[keyof typeof SOCIAL_INSURANCE_STATUS];

export const HOUSING_FUND_STATUS = {
  正常: "ACTIVE",
  正常缴存: "ACTIVE",
  缴存: "ACTIVE",
  封存: "SEALED",
  销户: "CLOSED",
  已销户: "CLOSED",
} as const;
export type HousingFundStatus = (typeof HOUSING_FUND_STATUS)[keyof typeof HOUSING_FUND_STATUS];

export const PROPERTY_STATUS = {
  持有: "HELD",
  现有: "HELD",
  登记: "HELD",
  已登记: "HELD",
  已转让: "TRANSFERRED",
  转让: "TRANSFERRED",
  已出售: "TRANSFERRED",
  出售: "TRANSFERRED",
  已过户: "TRANSFERRED",
} as const;
export type PropertyStatus = (typeof PROPERTY_STATUS)[keyof typeof PROPERTY_STATUS];

export const CIVIL_AFFAIRS_CATEGORY = {
  低保: "MINIMUM_LIVING",
  最低生活保障: "MINIMUM_LIVING",
  城市低保: "MINIMUM_LIVING",
  特困: "EXTREME_POVERTY",
  特困人员: "EXTREME_POVERTY",
  特困供养: "EXTREME_POVERTY",
  低保边缘: "MARGINAL_LOW_INCOME",
  低边: "MARGINAL_LOW_INCOME",
  优抚对象: "SPECIAL_CARE",
  优抚: "SPECIAL_CARE",
} as const;
export type CivilAffairsCategory = (typeof CIVIL_AFFAIRS_CATEGORY)[keyof typeof CIVIL_AFFAIRS_CATEGORY];

export const CIVIL_AFFAIRS_STATUS = {
  有效: "VALID",
  在保: "VALID",
  正常: "VALID",
  注销: "REVOKED",
  已注销: "REVOKED",
  停发: "REVOKED",
  已退出: "REVOKED",
  失效: "REVOKED",
} as const;
export type CivilAffairsStatus = (typeof CIVIL_AFFAIRS_STATUS)[keyof typeof CIVIL_AFFAIRS_STATUS];

const RESIDENT_ID: ColumnSpec = {
  key: "residentId",
  header: "身份证号",
  aliases: ["身份证号码", "公民身份号码", "证件号码", "身份证"],
  kind: "residentId",
  required: true,
  example: "500103199001011232",
};
const NAME: ColumnSpec = { key: "name", header: "姓名", kind: "text", required: true, maxLength: 50, example: "张三" };

export const SOURCE_LAYOUTS: Record<SharedDataSourceCode, readonly ColumnSpec[]> = {
  // 社会保险参保缴费信息: employment in Chongqing (Art. 13.3) and an income record (Art. 18).
  SOCIAL_INSURANCE: [
    RESIDENT_ID,
    NAME,
    { key: "employerName", header: "单位名称", aliases: ["参保单位", "工作单位"], kind: "text", required: false, maxLength: 200, example: "重庆某某科技有限公司" },
    { key: "region", header: "缴费地区", aliases: ["参保地", "参保地区", "缴费地"], kind: "text", required: true, maxLength: 100, example: "重庆市渝中区" },
    { key: "status", header: "参保状态", aliases: ["缴费状态"], kind: "option", required: true, options: SOCIAL_INSURANCE_STATUS, example: "正常参保" },
    { key: "months", header: "缴费月数", aliases: ["本年缴费月数"], kind: "integer", required: false, min: 0, max: 12, example: "12" },
    { key: "annualWageFen", header: "年缴费工资(元)", aliases: ["年缴费基数(元)", "缴费工资(元)", "年收入(元)"], kind: "amountFen", required: false, example: "60000.00" },
    { key: "year", header: "缴费年度", aliases: ["年度"], kind: "integer", required: false, min: 2000, max: 2100, example: "2025" },
  ],
  // 住房公积金缴存信息: employment (Art. 13.3).
  HOUSING_FUND: [
    RESIDENT_ID,
    NAME,
    { key: "employerName", header: "单位名称", aliases: ["缴存单位", "工作单位"], kind: "text", required: true, maxLength: 200, example: "重庆某某科技有限公司" },
    { key: "region", header: "缴存地区", aliases: ["缴存地"], kind: "text", required: true, maxLength: 100, example: "重庆市" },
    { key: "status", header: "缴存状态", aliases: ["账户状态"], kind: "option", required: true, options: HOUSING_FUND_STATUS, example: "正常缴存" },
    { key: "monthlyBaseFen", header: "月缴存基数(元)", aliases: ["缴存基数(元)"], kind: "amountFen", required: false, example: "5000.00" },
  ],
  // 个人所得税纳税信息: income (Art. 13.4, 18).
  TAX: [
    RESIDENT_ID,
    NAME,
    { key: "year", header: "纳税年度", aliases: ["所属年度", "年度"], kind: "integer", required: true, min: 2000, max: 2100, example: "2025" },
    { key: "annualIncomeFen", header: "年收入(元)", aliases: ["收入额(元)", "年度收入(元)", "综合所得收入额(元)"], kind: "amountFen", required: true, example: "60000.00" },
    { key: "withholderName", header: "扣缴单位", aliases: ["扣缴义务人", "单位名称"], kind: "text", required: false, maxLength: 200, example: "重庆某某科技有限公司" },
  ],
  // 不动产登记信息: housing owned in the city and transfers (Art. 13.5).
  REAL_ESTATE: [
    RESIDENT_ID,
    NAME,
    { key: "address", header: "房产地址", aliases: ["坐落", "房屋坐落", "不动产坐落"], kind: "text", required: true, maxLength: 300, example: "重庆市渝中区解放碑街道1号1-1" },
    { key: "areaDm2", header: "房产面积(平方米)", aliases: ["建筑面积(平方米)", "房屋面积(平方米)", "面积(平方米)"], kind: "areaDm2", required: true, example: "89.50" },
    { key: "use", header: "房屋用途", aliases: ["用途", "规划用途"], kind: "text", required: false, maxLength: 50, example: "住宅" },
    { key: "status", header: "权属状态", aliases: ["产权状态"], kind: "option", required: true, options: PROPERTY_STATUS, example: "持有" },
    { key: "registeredOn", header: "登记日期", kind: "date", required: false, example: "2015-06-01" },
    { key: "transferredOn", header: "交易日期", aliases: ["转让日期", "过户日期"], kind: "date", required: false, example: "" },
  ],
  // 民政认定信息: priority status (Art. 14, 22).
  CIVIL_AFFAIRS: [
    RESIDENT_ID,
    NAME,
    { key: "category", header: "认定类别", aliases: ["救助类别", "类别"], kind: "option", required: true, options: CIVIL_AFFAIRS_CATEGORY, example: "低保" },
    { key: "certifiedOn", header: "认定日期", kind: "date", required: false, example: "2024-01-15" },
    { key: "validUntil", header: "有效期至", kind: "date", required: false, example: "2026-12-31" },
    { key: "status", header: "认定状态", aliases: ["状态"], kind: "option", required: false, options: CIVIL_AFFAIRS_STATUS, example: "有效" },
  ],
};

// What SharedDataRecord.fields holds for each source (absent optional columns are omitted).
export interface SocialInsuranceFields {
  residentId: string;
  name: string;
  employerName?: string;
  region: string;
  status: SocialInsuranceStatus;
  months?: number;
  annualWageFen?: number;
  year?: number;
}
export interface HousingFundFields {
  residentId: string;
  name: string;
  employerName: string;
  region: string;
  status: HousingFundStatus;
  monthlyBaseFen?: number;
}
export interface TaxFields {
  residentId: string;
  name: string;
  year: number;
  annualIncomeFen: number;
  withholderName?: string;
}
export interface RealEstateFields {
  residentId: string;
  name: string;
  address: string;
  areaDm2: number;
  use?: string;
  status: PropertyStatus;
  registeredOn?: ISODate;
  transferredOn?: ISODate;
}
export interface CivilAffairsFields {
  residentId: string;
  name: string;
  category: CivilAffairsCategory;
  certifiedOn?: ISODate;
  validUntil?: ISODate;
  status?: CivilAffairsStatus;
}

export interface SourceFieldsMap {
  SOCIAL_INSURANCE: SocialInsuranceFields;
  HOUSING_FUND: HousingFundFields;
  TAX: TaxFields;
  REAL_ESTATE: RealEstateFields;
  CIVIL_AFFAIRS: CivilAffairsFields;
}

/** Header text as compared: no spaces, no trailing "*", ASCII brackets, ㎡ as 平方米. */
export function normalizeHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, "")
    .replace(/\s+/g, "")
    .replace(/[*＊]+$/, "")
    .replace(/^[*＊]+/, "")
    .replace(/（/g, "(")
    .replace(/）/g, ")")
    .replace(/㎡|m2|m²/gi, "平方米");
}

/** Whether a property record counts as housing (Art. 13.5): residential use, or use not stated. */
export function isResidentialUse(use: string | undefined): boolean {
  if (!use) return true;
  return /住宅|住房|居住|公寓/.test(use) && !/商业|办公|车位|车库|储藏/.test(use);
}

/** Whether an agency's region names Chongqing (Art. 13.3: work and social insurance in the city). */
export function isChongqingRegion(region: string | undefined): boolean {
  return !!region && /重庆|渝/.test(region);
}
