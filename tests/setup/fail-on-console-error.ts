import { afterEach, beforeEach, type MockInstance, vi } from "vitest";

/**
 * A console.error during a test is a bug we have not looked at (a failed background job, a
 * masked resolver error): it fails the test. A test that expects one calls `allowConsoleError()`.
 */
let spy: MockInstance<typeof console.error> | undefined;
let allowed = false;

export function allowConsoleError(): void {
  allowed = true;
}

beforeEach(() => {
  allowed = false;
  spy = vi.spyOn(console, "error");
});

afterEach(() => {
  const calls = spy?.mock.calls ?? [];
  spy?.mockRestore();
  if (calls.length > 0 && !allowed) {
    throw new Error(
      `console.error was called:\n${calls.map((args) => args.map(String).join(" ")).join("\n")}`,
    );
  }
});
