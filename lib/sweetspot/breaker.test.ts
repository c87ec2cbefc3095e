import { describe, expect, it } from "vitest";
import {
  type BreakerState,
  createCircuitBreaker,
  newBreakerMemory,
  UpstreamCircuitOpenError,
} from "./breaker";
import {
  CheckoutNotFoundError,
  UpstreamHeldBackError,
  UpstreamRateLimitedError,
  UpstreamTimeoutError,
  UpstreamUnavailableError,
} from "./errors";

function setup() {
  let clock = 0;
  const changes: BreakerState[] = [];
  const breaker = createCircuitBreaker({
    failureThreshold: 3,
    cooldownMs: 10_000,
    now: () => clock,
    onStateChange: (state) => changes.push(state),
  });
  let calls = 0;
  const down = () =>
    breaker.run(async () => {
      calls++;
      throw new UpstreamUnavailableError("down");
    });
  const hung = () =>
    breaker.run(async () => {
      calls++;
      throw new UpstreamTimeoutError("hung");
    });
  const up = () =>
    breaker.run(async () => {
      calls++;
      return "ok";
    });
  return { breaker, changes, down, hung, up, calls: () => calls, advance: (ms: number) => (clock += ms) };
}

describe("circuit breaker", () => {
  it("never opens for 429s or for calls the budget held back: the API is up, rate-limiting the key", async () => {
    const b = setup();
    for (let index = 0; index < 5; index++) {
      await b.breaker
        .run(async () => {
          throw new UpstreamRateLimitedError("429", { status: 429, retryAfterSeconds: 30 });
        })
        .catch(() => {});
      await b.breaker
        .run(async () => {
          throw new UpstreamHeldBackError("budget", 1);
        })
        .catch(() => {});
    }
    expect(b.breaker.state()).toBe("closed");
    await b.down().catch(() => {});
    await b.down().catch(() => {});
    expect(b.breaker.state()).toBe("closed");
  });

  it("opens after the threshold of consecutive failures and then fails fast without calling", async () => {
    const b = setup();
    await expect(b.down()).rejects.toBeInstanceOf(UpstreamUnavailableError);
    await expect(b.hung()).rejects.toBeInstanceOf(UpstreamTimeoutError);
    expect(b.breaker.state()).toBe("closed");
    await expect(b.down()).rejects.not.toBeInstanceOf(UpstreamCircuitOpenError);
    expect(b.breaker.state()).toBe("open");

    const error = await b.up().catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(UpstreamCircuitOpenError);
    // Mapped like any unavailability, with a Retry-After of the cool-down left.
    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect((error as UpstreamCircuitOpenError).retryAfterSeconds).toBe(10);
    expect(b.calls()).toBe(3);
  });

  it("a success in between resets the count", async () => {
    const b = setup();
    await b.down().catch(() => {});
    await b.down().catch(() => {});
    await b.up();
    await b.down().catch(() => {});
    await b.down().catch(() => {});
    expect(b.breaker.state()).toBe("closed");
  });

  it("answers that are not outages (a 404) count as the API being alive", async () => {
    const b = setup();
    await b.down().catch(() => {});
    await b.down().catch(() => {});
    await b.breaker
      .run(async () => {
        throw new CheckoutNotFoundError();
      })
      .catch(() => {});
    await b.down().catch(() => {});
    expect(b.breaker.state()).toBe("closed");
  });

  it("after the cool-down lets one probe through: its success closes the breaker", async () => {
    const b = setup();
    for (let i = 0; i < 3; i++) await b.down().catch(() => {});
    b.advance(9_999);
    await expect(b.up()).rejects.toBeInstanceOf(UpstreamCircuitOpenError);
    b.advance(1);
    let release: (value: string) => void = () => {};
    const probe = b.breaker.run(() => new Promise<string>((resolve) => (release = resolve)));
    expect(b.breaker.state()).toBe("half_open");
    // While the probe is out, others still fail fast.
    await expect(b.up()).rejects.toBeInstanceOf(UpstreamCircuitOpenError);
    release("ok");
    await expect(probe).resolves.toBe("ok");
    expect(b.breaker.state()).toBe("closed");
    await expect(b.up()).resolves.toBe("ok");
    expect(b.changes).toEqual(["open", "half_open", "closed"]);
  });

  it("a failed probe opens it again for another cool-down", async () => {
    const b = setup();
    for (let i = 0; i < 3; i++) await b.down().catch(() => {});
    b.advance(10_000);
    await expect(b.hung()).rejects.toBeInstanceOf(UpstreamTimeoutError);
    expect(b.breaker.state()).toBe("open");
    b.advance(5_000);
    await expect(b.up()).rejects.toBeInstanceOf(UpstreamCircuitOpenError);
    b.advance(5_000);
    await expect(b.up()).resolves.toBe("ok");
    expect(b.changes).toEqual(["open", "half_open", "open", "half_open", "closed"]);
  });
});

describe("breakers sharing one state (one per bundle of the same process)", () => {
  it("a breaker opened through one wrapper is open through the other", async () => {
    const memory = newBreakerMemory();
    const options = { failureThreshold: 1, cooldownMs: 10_000, now: () => 0, memory };
    const pages = createCircuitBreaker(options);
    const health = createCircuitBreaker(options);
    await pages
      .run(async () => {
        throw new UpstreamUnavailableError("down");
      })
      .catch(() => {});
    expect(health.state()).toBe("open");
    await expect(health.run(async () => "ok")).rejects.toBeInstanceOf(UpstreamCircuitOpenError);
  });
});
