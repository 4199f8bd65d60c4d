/**
 * Requests per second with many clients at once: autocannon drives an HTTP server that runs in this process
 * (Atrium's app, or a bare node:http handler around the raw driver's answer), from a worker thread so that the
 * load generator does not queue behind the server on the main thread.
 */
import { createServer, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";
import autocannon from "autocannon";

export interface Throughput {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  failures: number;
}

export async function measureThroughput(
  listener: RequestListener,
  path: string,
  options: { connections: number; seconds: number },
): Promise<Throughput> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  try {
    const result = await autocannon({
      url: `http://127.0.0.1:${port}${path}`,
      connections: options.connections,
      duration: options.seconds,
      workers: 1,
    });
    return {
      requestsPerSecond: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      failures: result.non2xx + result.errors + result.timeouts,
    };
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** A node:http handler that answers every request with what `answer` returns, as JSON. */
export function rawListener(answer: () => Promise<string>): RequestListener {
  return (_request, response) => {
    answer().then(
      (body) => {
        response.writeHead(200, { "content-type": "application/json" });
        response.end(body);
      },
      (error: unknown) => {
        response.writeHead(500);
        response.end(String(error));
      },
    );
  };
}
