import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answersPing, type RedisServer, redisServerBinary, startRedisServer } from "./redis-server";

describe("redisServerBinary", () => {
  it("says how to install redis-server when it is missing, rather than skipping", () => {
    expect(() => redisServerBinary(["/nonexistent/redis-server", "no-such-redis-server-binary"])).toThrow(
      /redis-server is needed .* sudo apt-get install -y redis-server/,
    );
  });
});

describe("startRedisServer", () => {
  let server: RedisServer;
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(async () => {
    await server?.dispose();
  });

  it("answers PING on its own port once started, and not after it stopped", async () => {
    expect(server.url).toBe(`redis://127.0.0.1:${server.port}`);
    expect(await answersPing(server.port)).toBe(true);
    await server.stop();
    expect(await answersPing(server.port)).toBe(false);
    await server.restart();
    expect(await answersPing(server.port)).toBe(true);
  });
});
