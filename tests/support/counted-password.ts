// The password module with every check counted, for tests that prove how many passwords were
// actually checked (attempts refused by the throttle must check none). Use it as
//   vi.mock("@/lib/auth/password", async (importOriginal) => (await import("../support/counted-password")).countedPasswordModule(importOriginal));
// and read `passwordChecks.count`.
type PasswordModule = typeof import("@/lib/auth/password");

export const passwordChecks = { count: 0 };

export async function countedPasswordModule(importOriginal: <T = unknown>() => Promise<T>): Promise<PasswordModule> {
  const original = await importOriginal<PasswordModule>();
  return {
    ...original,
    verifyPassword: async (hash: string, password: string) => {
      passwordChecks.count++;
      return original.verifyPassword(hash, password);
    },
    verifyAgainstDummy: async (password: string) => {
      passwordChecks.count++;
      return original.verifyAgainstDummy(password);
    },
  };
}
