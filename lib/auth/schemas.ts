import { z } from "zod";

// One schema per form, used by the server action (and safe to import in a client form). Messages
// are message keys (messages/*.json, namespace "validation"); the action wrapper translates them.

export const PHONE_PATTERN = /^1[3-9]\d{9}$/;
/** Starts with a letter, so a username can never be mistaken for a mobile number. */
export const USERNAME_PATTERN = /^[a-z][a-z0-9._-]{2,31}$/;
const MAX_PASSWORD = 128; // argon2 cost grows with input; also a sane upper bound

/** Removes spaces and hyphens and a +86 / 0086 country prefix: "+86 138-0013-8000" → "13800138000". */
export function normalizePhone(raw: string): string {
  const compact = raw.replace(/[\s-]/g, "");
  return compact.replace(/^(?:\+86|0086)(?=\d{11}$)/, "");
}

export type AccountId = { kind: "phone"; value: string } | { kind: "username"; value: string };

/** A sign-in account: a mobile number (applicants) or a username (staff); null when neither. */
export function parseAccount(raw: string): AccountId | null {
  const trimmed = raw.trim();
  const phone = normalizePhone(trimmed);
  if (PHONE_PATTERN.test(phone)) return { kind: "phone", value: phone };
  const username = trimmed.toLowerCase();
  if (USERNAME_PATTERN.test(username)) return { kind: "username", value: username };
  return null;
}

function looksLikePhone(raw: string): boolean {
  return /^[\d\s+-]+$/.test(raw.trim());
}

const accountSchema = z
  .string({ error: "validation.accountRequired" })
  .trim()
  .min(1, { error: "validation.accountRequired" })
  .max(64, { error: "validation.accountInvalid" })
  .transform((raw, ctx) => {
    const account = parseAccount(raw);
    if (!account) {
      ctx.addIssue({ code: "custom", message: looksLikePhone(raw) ? "validation.phoneInvalid" : "validation.accountInvalid" });
      return z.NEVER;
    }
    return account;
  });

/** Sign-in: only presence and shape; strength rules are for choosing a password, not for using one. */
export const signInSchema = z.object({
  account: accountSchema,
  password: z
    .string({ error: "validation.passwordRequired" })
    .min(1, { error: "validation.passwordRequired" })
    .max(MAX_PASSWORD, { error: "validation.passwordTooLong" }),
  next: z.string().max(512).optional(),
});
export type SignInInput = z.input<typeof signInSchema>;

export const newPasswordSchema = z
  .string({ error: "validation.passwordRequired" })
  .min(1, { error: "validation.passwordRequired", abort: true })
  .max(MAX_PASSWORD, { error: "validation.passwordTooLong" })
  .refine((p) => p.length >= 8 && /[A-Za-z]/.test(p) && /\d/.test(p), { error: "validation.passwordWeak" });

export const personNameSchema = z
  .string({ error: "validation.nameRequired" })
  .trim()
  .min(1, { error: "validation.nameRequired" })
  .max(50, { error: "validation.nameTooLong" });

export const phoneSchema = z
  .string({ error: "validation.phoneRequired" })
  .trim()
  .min(1, { error: "validation.phoneRequired" })
  .transform(normalizePhone)
  .refine((p) => PHONE_PATTERN.test(p), { error: "validation.phoneInvalid" });

function passwordsMatch(data: { password: string; confirmPassword: string }): boolean {
  return data.password === data.confirmPassword;
}

/** Where and when a mismatch of the two password fields is said. */
const PASSWORDS_MATCH = {
  path: ["confirmPassword"],
  error: "validation.passwordMismatch",
  // Say so even while another field (say, the name) is still wrong; never for what is not an object at all.
  when: (payload: { value: unknown; issues: ReadonlyArray<{ path?: PropertyKey[] }> }) =>
    typeof payload.value === "object" &&
    payload.value !== null &&
    payload.issues.every((i) => i.path !== undefined && i.path.length > 0 && i.path[0] !== "password" && i.path[0] !== "confirmPassword"),
};

/** A one-time SMS code: six digits (spaces typed with it are dropped). */
export const phoneCodeSchema = z
  .string({ error: "validation.codeRequired" })
  .transform((raw) => raw.replace(/\s/g, ""))
  .refine((c) => c.length > 0, { error: "validation.codeRequired", abort: true })
  .refine((c) => /^\d{6}$/.test(c), { error: "validation.codeInvalid" });

/** Registration, step 1, and the password reset's first step: the number a code goes to. */
export const phoneStepSchema = z.object({ phone: phoneSchema });

/** Registration, step 2: the code sent to the number, then the account's name and password. */
export const registerSchema = z
  .object({
    name: personNameSchema,
    phone: phoneSchema,
    code: phoneCodeSchema,
    password: newPasswordSchema,
    confirmPassword: z.string({ error: "validation.passwordRequired" }),
  })
  .refine(passwordsMatch, PASSWORDS_MATCH);
export type RegisterInput = z.input<typeof registerSchema>;

/** Password reset, step 2: the code sent to the number and the new password. */
export const resetPasswordSchema = z
  .object({
    phone: phoneSchema,
    code: phoneCodeSchema,
    password: newPasswordSchema,
    confirmPassword: z.string({ error: "validation.passwordRequired" }),
  })
  .refine(passwordsMatch, PASSWORDS_MATCH);

/** Roles an administrator can give: those of the staff workbench. Applicants register themselves. */
export const staffRoles = ["DISTRICT_OFFICER", "MUNICIPAL_OFFICER", "ADMIN"] as const;

export const createStaffSchema = z
  .object({
    role: z.enum(staffRoles, { error: "validation.roleInvalid" }),
    districtCode: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v : null)),
    username: z
      .string({ error: "validation.usernameInvalid" })
      .trim()
      .toLowerCase()
      .regex(USERNAME_PATTERN, { error: "validation.usernameInvalid" }),
    name: personNameSchema,
  })
  .superRefine((data, ctx) => {
    // The roles that belong to a district (permissions.ts belongsToDistrict) need one. Spelled out
    // here because this file also goes to the browser, which does not carry the permission table;
    // schemas.test.ts holds the two together.
    if (data.role === "DISTRICT_OFFICER" && !data.districtCode) {
      ctx.addIssue({ code: "custom", path: ["districtCode"], message: "validation.districtRequired" });
    } else if (data.districtCode && !/^\d{6}$/.test(data.districtCode)) {
      ctx.addIssue({ code: "custom", path: ["districtCode"], message: "validation.districtUnknown" });
    }
  })
  // Only those roles belong to a district; a value left in the select for another role is dropped.
  .transform((data) => ({ ...data, districtCode: data.role === "DISTRICT_OFFICER" ? data.districtCode : null }));
export type CreateStaffInput = z.output<typeof createStaffSchema>;

/** What a new password's two fields must satisfy together: the same text twice. */
const confirmedPassword = {
  password: newPasswordSchema,
  confirmPassword: z.string({ error: "validation.passwordRequired" }),
};

/** A signed-in user changes their own password: the current one, and the new one twice. */
export const changePasswordSchema = z
  .object({
    currentPassword: z
      .string({ error: "validation.currentPasswordRequired" })
      .min(1, { error: "validation.currentPasswordRequired" })
      .max(MAX_PASSWORD, { error: "validation.passwordTooLong" }),
    ...confirmedPassword,
  })
  .refine(passwordsMatch, PASSWORDS_MATCH)
  .refine((data) => data.password !== data.currentPassword, { path: ["password"], error: "validation.passwordUnchanged" });
export type ChangePasswordInput = z.output<typeof changePasswordSchema>;

/** A new staff member sets their password with the one-time activation code an administrator gave them. */
export const activateAccountSchema = z
  .object({
    username: z
      .string({ error: "validation.usernameInvalid" })
      .trim()
      .toLowerCase()
      .regex(USERNAME_PATTERN, { error: "validation.usernameInvalid" }),
    code: z
      .string({ error: "validation.activationCodeRequired" })
      .trim()
      .min(1, { error: "validation.activationCodeRequired" })
      .max(40, { error: "validation.activationCodeInvalid" }),
    ...confirmedPassword,
  })
  .refine(passwordsMatch, PASSWORDS_MATCH);
export type ActivateAccountInput = z.output<typeof activateAccountSchema>;

/** An administrator's action on one staff account. */
export const staffAccountSchema = z.object({
  userId: z.string({ error: "validation.userUnknown" }).regex(/^[A-Za-z0-9_-]{1,64}$/, { error: "validation.userUnknown" }),
});
export const staffAccountActions = ["deactivate", "reactivate", "reset", "forceChange"] as const;
export const staffAccountActionSchema = staffAccountSchema.extend({
  action: z.enum(staffAccountActions, { error: "validation.userActionInvalid" }),
});
export type StaffAccountAction = (typeof staffAccountActions)[number];
