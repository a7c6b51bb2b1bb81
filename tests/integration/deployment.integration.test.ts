// The server decides from its database whether it is the demo: the embedded PGlite of `npm start`
// is; any real PostgreSQL is not, and there the public development intake secret is refused even
// when the process does not run with NODE_ENV=production (as `next start` always does, whatever
// the shell said).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/intake/applications/route";
import { deploymentMode, resetDeploymentModeForTests } from "@/lib/deployment/mode";
import { DEV_INTAKE_SECRET, signIntakeRequest } from "@/lib/intake/signature";
import { seedWorld, validBody } from "./applications.fixtures";
import { isEmbeddedDatabase, TEST_INTAKE_SECRET, truncateAll } from "./db";

function signed(body: string, secret: string): Request {
  const timestamp = String(Math.floor(Date.now() / 1000));
  return new Request("http://localhost/api/v1/intake/applications", {
    method: "POST",
    body,
    headers: { "content-type": "application/json", "x-intake-timestamp": timestamp, "x-intake-signature": signIntakeRequest(secret, timestamp, body) },
  });
}

beforeEach(async () => {
  await truncateAll();
  await seedWorld();
  resetDeploymentModeForTests();
});

afterEach(() => {
  process.env.INTAKE_HMAC_SECRET = TEST_INTAKE_SECRET;
});

describe("deployment mode", () => {
  it("is the demo exactly on the embedded database", async () => {
    expect(await deploymentMode()).toBe(isEmbeddedDatabase() ? "demo" : "production");
  });

  it("accepts the development secret without INTAKE_HMAC_SECRET only in the demo, and never as a configured secret on a real database", async () => {
    expect(process.env.NODE_ENV).not.toBe("production");
    delete process.env.INTAKE_HMAC_SECRET;
    const unset = await POST(signed(JSON.stringify(validBody()), DEV_INTAKE_SECRET));
    expect(unset.status).toBe(isEmbeddedDatabase() ? 201 : 503);

    process.env.INTAKE_HMAC_SECRET = DEV_INTAKE_SECRET;
    const configuredDev = await POST(signed(JSON.stringify(validBody()), DEV_INTAKE_SECRET));
    expect(configuredDev.status).toBe(isEmbeddedDatabase() ? 201 : 503);

    process.env.INTAKE_HMAC_SECRET = TEST_INTAKE_SECRET;
    expect((await POST(signed(JSON.stringify(validBody()), DEV_INTAKE_SECRET))).status).toBe(401);
    expect((await POST(signed(JSON.stringify(validBody()), TEST_INTAKE_SECRET))).status).toBe(201);
  });
});
