import type { ServerResponse } from "node:http";

/**
 * Responses the fault injector is holding back (delayed or hung). They are tracked so closing the
 * sandbox can drop them; otherwise a hung request would keep the server open forever.
 */
export class HeldResponses {
  private readonly held = new Map<ServerResponse, () => void>();

  /** Resolves true after `ms`, or false as soon as the client goes away or the sandbox closes. */
  delay(res: ServerResponse, ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.held.delete(res);
        resolve(true);
      }, ms);
      const abandon = () => {
        clearTimeout(timer);
        this.held.delete(res);
        resolve(false);
      };
      res.once("close", abandon);
      this.held.set(res, () => {
        abandon();
        res.destroy();
      });
    });
  }

  /** Never answers; the socket is freed when the client aborts or the sandbox closes. */
  hang(res: ServerResponse): void {
    res.once("close", () => this.held.delete(res));
    this.held.set(res, () => res.destroy());
  }

  releaseAll(): void {
    for (const release of [...this.held.values()]) release();
    this.held.clear();
  }
}
