import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** Test support only: a real local HTTP server on port 0 standing in for the Sweet Spot API. */

export type RecordedRequest = {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  startedAt: number;
};

export type FakeHandler = (request: IncomingMessage, response: ServerResponse, index: number) => void;

export type FakeUpstream = {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
};

export async function startFakeUpstream(handler: FakeHandler): Promise<FakeUpstream> {
  const requests: RecordedRequest[] = [];
  const server = createServer((request, response) => {
    const index = requests.length;
    requests.push({
      method: request.method ?? "",
      url: request.url ?? "",
      headers: request.headers,
      startedAt: performance.now(),
    });
    handler(request, response, index);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  response.writeHead(status, { "content-type": "application/json", ...headers });
  response.end(JSON.stringify(body));
}

/** A port that was open a moment ago and is closed now: connecting to it fails. */
export async function closedPortUrl(): Promise<string> {
  const upstream = await startFakeUpstream(() => {});
  await upstream.close();
  return upstream.url;
}
