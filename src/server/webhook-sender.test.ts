import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NO_ALLOWED_TARGETS, parseAllowList } from "../domain/outbound-webhooks/targets.ts";
import { createWebhookSender } from "./webhook-sender.ts";

let receiver: Server;
let port: number;
let received = 0;
beforeAll(async () => {
  receiver = createServer((_req, res) => {
    received++;
    res.writeHead(202).end();
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  port = (receiver.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

describe("the webhook sender", () => {
  it("refuses loopback by address and by a name resolving to it, before connecting", async () => {
    const sender = createWebhookSender(NO_ALLOWED_TARGETS);
    const before = received;
    await expect(sender.post(`http://127.0.0.1:${port}/`, "{}", {})).rejects.toThrow(/loopback/);
    await expect(sender.post(`http://localhost:${port}/`, "{}", {})).rejects.toThrow(/loopback/);
    expect(received).toBe(before);
    expect(await sender.checkTarget(new URL(`http://localhost:${port}/`))).toContain("loopback");
  });

  it("posts to an allowed address and reports the status", async () => {
    const sender = createWebhookSender(parseAllowList("127.0.0.1,::1"));
    expect(await sender.post(`http://127.0.0.1:${port}/`, "{}", {})).toEqual({ status: 202 });
    expect(await sender.post(`http://localhost:${port}/`, "{}", {})).toEqual({ status: 202 });
  });
});
