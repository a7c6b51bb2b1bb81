// Whatever a client can send to a server action gets a clear 4xx-style answer (a validation
// result), never an exception that Next turns into a 500: a non-form argument, a missing one,
// nested junk. (Malformed action request bodies at the HTTP level: tests/e2e/malformed.spec.ts.)
import { describe, expect, it, vi } from "vitest";

vi.mock("@/lib/i18n/server-translator", () => ({ getServerTranslator: async () => (key: string) => key }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => null }));
// Auth.js itself needs Next's runtime; these tests never get as far as signing in.
vi.mock("next-auth", () => ({ AuthError: class extends Error {}, CredentialsSignin: class extends Error {} }));
vi.mock("@/lib/auth/auth", () => ({ signIn: vi.fn(), signOut: vi.fn() }));

import { actionInput } from "@/lib/actions/action-result";
import { registerAction, signInAction } from "@/lib/auth/actions";
import { lodgeObjectionAction } from "@/lib/publicity/actions";
import { saveHouseholdStepAction } from "@/lib/applications/actions";

const JUNK: unknown[][] = [[], ["a string"], [null, 42], [null, null], [undefined, ["an", "array"]], [null, { account: [1, 2], password: { deep: true } }], [new Map()]];

describe("server actions given what a client can send", () => {
  it.each(JUNK.map((args) => [JSON.stringify(args) ?? "[]", args]))("sign-in with %s answers with field errors", async (_label, args) => {
    const result = await signInAction(...(args as unknown[]));
    expect(result.ok).toBe(false);
    expect(result).toHaveProperty("fieldErrors");
  });

  it.each(JUNK.map((args) => [JSON.stringify(args) ?? "[]", args]))("registration with %s answers with field errors", async (_label, args) => {
    const result = await registerAction(...(args as unknown[]));
    expect(result.ok).toBe(false);
  });

  it.each(JUNK.map((args) => [JSON.stringify(args) ?? "[]", args]))("a public objection with %s answers with field errors", async (_label, args) => {
    const result = await lodgeObjectionAction(...(args as unknown[]));
    expect(result).toMatchObject({ ok: false });
  });

  it("an authed action refuses the signed-out caller before reading junk", async () => {
    const result = await saveHouseholdStepAction(null as never, "junk" as never);
    expect(result).toMatchObject({ ok: false, formError: "errors.unauthenticated" });
  });

  it("actionInput takes the last of one or two arguments, and a form as a plain object", () => {
    const form = new FormData();
    form.append("a", "1");
    form.append("b", "2");
    form.append("b", "3");
    form.append("$ACTION_ID_x", "");
    expect(actionInput([form])).toEqual({ a: "1", b: ["2", "3"] });
    expect(actionInput([{ prev: true }, form])).toEqual({ a: "1", b: ["2", "3"] });
    expect(actionInput(["only"])).toBe("only");
    expect(actionInput([])).toBeUndefined();
  });
});
