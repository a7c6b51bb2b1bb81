// The district codes tests name (lib/reference/districts.ts has them all).
/** 渝中区, central urban. */
export const YUZHONG = "500103";
/** 沙坪坝区, central urban. */
export const SHAPINGBA = "500106";
/** 万州区, not central urban. */
export const WANZHOU = "500101";
