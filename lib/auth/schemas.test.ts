import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { Role } from "@/lib/generated/prisma/enums";
import { belongsToDistrict, can } from "./permissions";
import { createStaffSchema, normalizePhone, parseAccount, phoneStepSchema, registerSchema, resetPasswordSchema, signInSchema, staffRoles } from "./schemas";

const fieldKeys = (result: { success: boolean; error?: z.ZodError }) =>
  result.success ? {} : z.flattenError(result.error!).fieldErrors;

describe("accounts", () => {
  it.each([
    ["13800138000", { kind: "phone", value: "13800138000" }],
    [" 138 0013 8000 ", { kind: "phone", value: "13800138000" }],
    ["+86 138-0013-8000", { kind: "phone", value: "13800138000" }],
    ["Zhang.Wei", { kind: "username", value: "zhang.wei" }],
    ["admin_01", { kind: "username", value: "admin_01" }],
    ["12800138000", null], // no mobile number starts 12
    ["1380013800", null],
    ["1admin", null],
    ["ab", null],
    ["", null],
  ])("parseAccount(%j)", (raw, expected) => {
    expect(parseAccount(raw)).toEqual(expected);
  });

  it("normalizePhone keeps non-phone text unchanged but compact", () => {
    expect(normalizePhone("0086 13800138000")).toBe("13800138000");
    expect(normalizePhone("+8612345")).toBe("+8612345");
  });
});

describe("signInSchema", () => {
  it("asks for an 11-digit number when digits were typed", () => {
    expect(fieldKeys(signInSchema.safeParse({ account: "1380013", password: "x" }))).toEqual({ account: ["validation.phoneInvalid"] });
  });
  it("asks for the account and password when empty", () => {
    expect(fieldKeys(signInSchema.safeParse({ account: " ", password: "" }))).toEqual({
      account: ["validation.accountRequired"],
      password: ["validation.passwordRequired"],
    });
    expect(fieldKeys(signInSchema.safeParse({}))).toEqual({
      account: ["validation.accountRequired"],
      password: ["validation.passwordRequired"],
    });
  });
  it("does not apply strength rules at sign-in", () => {
    const r = signInSchema.safeParse({ account: "13800138000", password: "short" });
    expect(r.success && r.data.account).toEqual({ kind: "phone", value: "13800138000" });
  });
});

describe("registerSchema", () => {
  const valid = { name: " 张三 ", phone: "13800138000", code: "123456", password: "abc12345", confirmPassword: "abc12345" };
  it("accepts a valid registration and normalises it", () => {
    const r = registerSchema.safeParse(valid);
    expect(r.success && r.data).toEqual({ ...valid, name: "张三" });
  });
  it.each([
    [{ phone: "1380013800" }, { phone: ["validation.phoneInvalid"] }],
    [{ password: "abcdefgh", confirmPassword: "abcdefgh" }, { password: ["validation.passwordWeak"] }],
    [{ password: "12345678", confirmPassword: "12345678" }, { password: ["validation.passwordWeak"] }],
    [{ password: "a1b2c3", confirmPassword: "a1b2c3" }, { password: ["validation.passwordWeak"] }],
    [{ confirmPassword: "abc123456" }, { confirmPassword: ["validation.passwordMismatch"] }],
    [{ password: "", confirmPassword: "" }, { password: ["validation.passwordRequired"] }],
    [{ name: "", confirmPassword: "x" }, { name: ["validation.nameRequired"], confirmPassword: ["validation.passwordMismatch"] }],
    [{ code: "" }, { code: ["validation.codeRequired"] }],
    [{ code: "12345" }, { code: ["validation.codeInvalid"] }],
    [{ code: "12a456" }, { code: ["validation.codeInvalid"] }],
  ])("rejects %j", (patch, expected) => {
    expect(fieldKeys(registerSchema.safeParse({ ...valid, ...patch }))).toEqual(expected);
  });
  it("drops spaces typed in a code", () => {
    const r = registerSchema.safeParse({ ...valid, code: " 123 456 " });
    expect(r.success && r.data.code).toBe("123456");
  });
});

describe("resetPasswordSchema and phoneStepSchema", () => {
  const valid = { phone: "+86 138-0013-8000", code: "654321", password: "abc12345", confirmPassword: "abc12345" };
  it("accepts a valid reset and normalises the number", () => {
    const r = resetPasswordSchema.safeParse(valid);
    expect(r.success && r.data).toEqual({ ...valid, phone: "13800138000" });
  });
  it.each([
    [{ code: undefined }, { code: ["validation.codeRequired"] }],
    [{ password: "abcdefgh", confirmPassword: "abcdefgh" }, { password: ["validation.passwordWeak"] }],
    [{ confirmPassword: "abc123456" }, { confirmPassword: ["validation.passwordMismatch"] }],
  ])("rejects %j", (patch, expected) => {
    expect(fieldKeys(resetPasswordSchema.safeParse({ ...valid, ...patch }))).toEqual(expected);
  });
  it("asks only for a valid number at the first step", () => {
    expect(fieldKeys(phoneStepSchema.safeParse({ phone: "123" }))).toEqual({ phone: ["validation.phoneInvalid"] });
    expect(phoneStepSchema.parse({ phone: "138 0013 8000" })).toEqual({ phone: "13800138000" });
  });
});

describe("createStaffSchema", () => {
  const base = { username: "Li.Si", name: "李四", password: "abc12345" };
  it("requires a district for a district officer", () => {
    expect(fieldKeys(createStaffSchema.safeParse({ ...base, role: "DISTRICT_OFFICER", districtCode: "" }))).toEqual({
      districtCode: ["validation.districtRequired"],
    });
    const r = createStaffSchema.safeParse({ ...base, role: "DISTRICT_OFFICER", districtCode: "500103" });
    expect(r.success && r.data).toMatchObject({ username: "li.si", districtCode: "500103" });
  });
  it("drops a district for other roles, and needs none for them", () => {
    for (const role of ["MUNICIPAL_OFFICER", "ADMIN"] as const) {
      const r = createStaffSchema.safeParse({ ...base, role, districtCode: "500103" });
      expect(r.success && r.data.districtCode).toBeNull();
      expect(createStaffSchema.safeParse({ ...base, role }).success).toBe(true);
    }
  });
  it("refuses the applicant role and bad usernames", () => {
    expect(fieldKeys(createStaffSchema.safeParse({ ...base, role: "APPLICANT", username: "9lives" }))).toEqual({
      role: ["validation.roleInvalid"],
      username: ["validation.usernameInvalid"],
    });
  });
  it("asks a district of exactly the roles the permission table puts in a district", () => {
    for (const role of staffRoles) {
      const without = createStaffSchema.safeParse({ ...base, role });
      const withDistrict = createStaffSchema.safeParse({ ...base, role, districtCode: "500103" });
      expect([role, without.success, withDistrict.success && withDistrict.data.districtCode]).toEqual([
        role,
        !belongsToDistrict(role),
        belongsToDistrict(role) ? "500103" : null,
      ]);
    }
  });
  it("gives exactly the roles of the staff workbench", () => {
    const roles: Role[] = ["APPLICANT", "DISTRICT_OFFICER", "MUNICIPAL_OFFICER", "ADMIN"];
    const workbench = roles.filter((role) => can({ id: "u", role, districtCode: "500103" }, "staffArea:enter"));
    expect([...staffRoles]).toEqual(workbench);
  });
});
