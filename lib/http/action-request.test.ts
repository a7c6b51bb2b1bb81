import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT_BYTES, actionRequestProblem, isActionRequest } from "./action-request";

function action(body: BodyInit | null, headers: Record<string, string> = {}): Request {
  return new Request("http://localhost:3000/login", {
    method: "POST",
    body,
    headers: { "next-action": "7f00", host: "localhost:3000", "content-type": "text/plain;charset=UTF-8", ...headers },
  });
}

describe("server action requests a client can send", () => {
  it("recognises actions by method and header", () => {
    expect(isActionRequest(action("[]"))).toBe(true);
    expect(isActionRequest(new Request("http://localhost/login", { method: "POST", body: "[]" }))).toBe(false);
    expect(isActionRequest(new Request("http://localhost/login", { headers: { "next-action": "x" } }))).toBe(false);
  });

  it.each([
    ["an argument list", "[]", null],
    ["arguments", '[null,{"account":"x"}]', null],
    ["a reference to a form part", '["$@1"]', null],
    ["broken JSON", "garbage{", 400],
    ["an unterminated list", "[1,2", 400],
    ["an empty body", "", 400],
    ["a string instead of a list", '"str"', 400],
    ["an object instead of a list", '{"a":1}', 400],
  ] as const)("%s as text → %s", async (_label, body, status) => {
    const problem = await actionRequestProblem(action(body));
    expect(problem?.status ?? null).toBe(status);
  });

  it("answers a broken multipart body with 400 and takes a real form", async () => {
    expect((await actionRequestProblem(action("not multipart", { "content-type": "multipart/form-data; boundary=xx" })))?.status).toBe(400);
    const form = new FormData();
    form.append("account", "13800000001");
    const request = new Request("http://localhost:3000/login", { method: "POST", body: form, headers: { "next-action": "7f00", host: "localhost:3000" } });
    expect(await actionRequestProblem(request)).toBeNull();
    // A browser's boundary, mixed case as Chromium sends it.
    const boundary = "----WebKitFormBoundary9V9j73oofpYutsOA";
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="1_account"\r\n\r\n13800000001\r\n--${boundary}\r\nContent-Disposition: form-data; name="0"\r\n\r\n["$K1"]\r\n--${boundary}--\r\n`;
    expect(await actionRequestProblem(action(body, { "content-type": `multipart/form-data; boundary=${boundary}` }))).toBeNull();
  });

  it("answers more than the limit with 413, declared or not", async () => {
    const big = `["${"a".repeat(ACTION_BODY_LIMIT_BYTES)}"]`;
    expect((await actionRequestProblem(action(big)))?.status).toBe(413);
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const chunked = new Request("http://localhost:3000/login", { method: "POST", body: stream, headers: { "next-action": "7f00", host: "localhost:3000" }, duplex: "half" } as RequestInit);
    expect((await actionRequestProblem(chunked))?.status).toBe(413);
  });

  it("answers another site's origin with 403, and leaves the original body readable", async () => {
    expect((await actionRequestProblem(action("[]", { origin: "https://evil.example" })))?.status).toBe(403);
    expect(await actionRequestProblem(action("[]", { origin: "http://localhost:3000" }))).toBeNull();
    const request = action('["kept"]');
    await actionRequestProblem(request);
    expect(await request.text()).toBe('["kept"]');
  });
});
