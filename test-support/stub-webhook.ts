/**
 * A stand-in for the operator's notification webhook on 127.0.0.1, port 0: it records what it was
 * sent and answers as told: 200, 500, or never (a hang, for timeouts).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export type StubWebhookBehaviour = "ok" | "error" | "hang";

export type ReceivedWebhook = {
  body: string;
  signature: string | undefined;
  contentType: string | undefined;
};

export type StubWebhook = {
  url: string;
  received: ReceivedWebhook[];
  behaviour: StubWebhookBehaviour;
  close(): Promise<void>;
};

export async function startStubWebhook(): Promise<StubWebhook> {
  const hung: http.ServerResponse[] = [];
  const stub: StubWebhook = { url: "", received: [], behaviour: "ok", close: async () => {} };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      stub.received.push({
        body: Buffer.concat(chunks).toString("utf8"),
        signature: req.headers["x-portal-signature"] as string | undefined,
        contentType: req.headers["content-type"],
      });
      if (stub.behaviour === "hang") {
        hung.push(res);
        return;
      }
      res.writeHead(stub.behaviour === "ok" ? 200 : 500, { "Content-Type": "text/plain" });
      res.end(stub.behaviour === "ok" ? "queued" : "mailer down");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  stub.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/portal`;
  stub.close = () =>
    new Promise((resolve) => {
      for (const res of hung) res.destroy();
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return stub;
}
