import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";

// `npm start` seeds the demo from a plain Node process (scripts/start.ts under tsx, with the
// react-server condition as Next's server uses), outside Next's bundler: everything the seed
// imports, through every service it calls, must load there. (The main entry of next-intl, for
// one, pulls in React's client hooks; code outside React translates through lib/i18n/catalog.)
describe("the demo seed", () => {
  it("loads in the start script's own process", () => {
    const out = execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "-e", "await import('./lib/demo/seed.ts'); console.log('loaded')"], {
      cwd: process.cwd(),
      encoding: "utf8",
      env: { ...process.env, NODE_ENV: "production" },
    });
    expect(out.trim()).toBe("loaded");
  }, 60_000);
});
