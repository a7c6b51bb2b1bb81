// Anything a client can send gets a 4xx, never a 500: malformed, oversized and cross-site server
// action requests (answered by proxy.ts before Next's own decoding would fail) and junk arguments
// (which the actions' schemas judge).
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

/** The id of a server action by its exported name, from the build the journeys run against. */
function actionId(name: string): string {
  const dist = process.env.ANJU_NEXT_DIST_DIR ?? ".next";
  const manifest = JSON.parse(readFileSync(path.join(dist, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string }>;
  };
  const id = Object.entries(manifest.node).find(([, v]) => v.exportedName === name)?.[0];
  if (!id) throw new Error(`no server action named ${name} in the build`);
  return id;
}

test("malformed server action requests get 4xx answers", async ({ request, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const signIn = actionId("signInAction");
  const post = (body: string | Buffer, headers: Record<string, string> = {}) =>
    request.post("/login", { data: body, headers: { "next-action": signIn, "content-type": "text/plain;charset=UTF-8", origin, ...headers }, failOnStatusCode: false });

  for (const body of ["garbage{", "[1,2", "", '"a string"', '{"not":"a list"}']) {
    expect((await post(body)).status(), body || "(empty)").toBe(400);
  }
  expect((await post("not multipart", { "content-type": "multipart/form-data; boundary=xx" })).status()).toBe(400);
  expect((await post(`["${"a".repeat(1024 * 1024 + 10)}"]`)).status()).toBe(413);
  expect((await post("[]", { origin: "https://elsewhere.example" })).status()).toBe(403);
  expect((await post("[]", { "next-action": "not-an-action-id" })).status()).toBeLessThan(500);
  // Junk arguments of the right shape reach the action, which answers with field errors.
  for (const body of ["[]", '["a string"]', "[null, 42]", '[null, {"account": [1, 2]}]']) {
    const response = await post(body);
    expect(response.status(), body).toBe(200);
    expect(await response.text()).toContain('"ok":false');
  }
});

test("a signed-out visitor posting to a staff page's action is sent to sign in or refused, never a 500", async ({ request, baseURL }) => {
  const response = await request.post("/staff", {
    data: "[]",
    headers: { "next-action": actionId("runJobsNowAction"), "content-type": "text/plain;charset=UTF-8", origin: new URL(baseURL!).origin },
    failOnStatusCode: false,
    maxRedirects: 0,
  });
  expect(response.status()).toBeLessThan(500);
});
