import { redirect } from "next/navigation";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";

const currentUser = vi.hoisted(() => ({ value: null as null | { id: string; name: string; role: string; districtCode: string | null } }));

vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => currentUser.value }));
vi.mock("@/lib/i18n/server-translator", () => ({
  getServerTranslator: async () => (key: string, values?: Record<string, unknown>, fallback?: string) => {
    const known = /^(errors|validation|auth)\./.test(key);
    const used = known ? key : (fallback ?? "errors.generic");
    return values ? `t(${used}:${JSON.stringify(values)})` : `t(${used})`;
  },
}));

const { authedAction } = await import("./authed-action");

const officerA = { id: "u1", name: "王五", role: "DISTRICT_OFFICER", districtCode: "500103" };
const schema = z.object({ districtCode: z.string().regex(/^\d{6}$/, { error: "validation.districtUnknown" }), note: z.string().optional() });

describe("authedAction", () => {
  beforeEach(() => {
    currentUser.value = officerA;
  });

  it("refuses when nobody is signed in, before running anything", async () => {
    currentUser.value = null;
    const fn = vi.fn();
    const result = await authedAction(schema, "district:read", fn)({ districtCode: "500103" });
    expect(result).toEqual({ ok: false, fieldErrors: {}, formError: "t(errors.unauthenticated)" });
    expect(fn).not.toHaveBeenCalled();
  });

  it("refuses a role without the permission, before parsing", async () => {
    const fn = vi.fn();
    const result = await authedAction(schema, "user:manage", fn)({ districtCode: "bad" });
    expect(result).toEqual({ ok: false, fieldErrors: {}, formError: "t(errors.forbidden)" });
    expect(fn).not.toHaveBeenCalled();
  });

  it("returns translated field errors for invalid input; unknown zod messages fall back", async () => {
    const result = await authedAction(schema, "district:read", vi.fn())({ note: 3 });
    expect(result).toEqual({
      ok: false,
      formError: null,
      fieldErrors: { districtCode: ["t(validation.invalid)"], note: ["t(validation.invalid)"] },
    });
    const second = await authedAction(schema, "district:read", vi.fn())({ districtCode: "12" });
    expect(second.ok === false && second.fieldErrors).toEqual({ districtCode: ["t(validation.districtUnknown)"] });
  });

  it("parses FormData, accepts the useActionState (previous, formData) call, and returns data", async () => {
    const fn = vi.fn(async (input: z.output<typeof schema>, ctx: { user: { id: string } }) => ({ got: input, by: ctx.user.id }));
    const form = new FormData();
    form.set("districtCode", "500103");
    form.set("$ACTION_ID_abc", "");
    const result = await authedAction(schema, "district:read", fn)(null, form);
    expect(result).toEqual({ ok: true, data: { got: { districtCode: "500103" }, by: "u1" } });
  });

  it("checks the resource scope: an officer of district A is refused district B", async () => {
    const fn = vi.fn(async () => "done");
    const action = authedAction(schema, { permission: "district:read", resource: (input) => ({ districtCode: input.districtCode }) }, fn);
    expect(await action({ districtCode: "500103" })).toEqual({ ok: true, data: "done" });
    expect(await action({ districtCode: "500106" })).toEqual({ ok: false, fieldErrors: {}, formError: "t(errors.forbidden)" });
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it("null permission means any signed-in user", async () => {
    currentUser.value = { id: "a1", name: "张三", role: "APPLICANT", districtCode: null };
    expect(await authedAction(schema, null, async () => 1)({ districtCode: "500103" })).toEqual({ ok: true, data: 1 });
  });

  it("maps AppError to formError and fieldErrors", async () => {
    const action = authedAction(schema, "district:read", async () => {
      throw new AppError("CONFLICT", { messageKey: "auth.register.phoneTaken", fieldErrors: { phone: ["auth.register.phoneTaken"] } });
    });
    expect(await action({ districtCode: "500103" })).toEqual({
      ok: false,
      fieldErrors: { phone: ["t(auth.register.phoneTaken)"] },
      formError: "t(auth.register.phoneTaken)",
    });
    const locked = authedAction(schema, "district:read", async () => {
      throw new AppError("RATE_LIMITED", { values: { minutes: 3 } });
    });
    expect(await locked({ districtCode: "500103" })).toMatchObject({ formError: 't(errors.rateLimited:{"minutes":3})' });
  });

  it("logs unexpected errors without their message and shows a generic message with a reference", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const action = authedAction(schema, "district:read", async () => {
      throw new Error("duplicate value 13800138000 for 张三");
    });
    const result = await action({ districtCode: "500103" });
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.formError).toMatch(/^t\(errors\.genericWithRef:\{"ref":"[0-9a-f]{8}"\}\)$/);
    const logged = log.mock.calls.flat().join(" ");
    expect(logged).toContain("ref=");
    expect(logged).not.toContain("13800138000");
    expect(logged).not.toContain("张三");
    log.mockRestore();
  });

  it("lets redirect() propagate", async () => {
    const action = authedAction(schema, "district:read", async () => redirect("/staff"));
    await expect(action({ districtCode: "500103" })).rejects.toMatchObject({ digest: expect.stringContaining("NEXT_REDIRECT") });
  });
});
