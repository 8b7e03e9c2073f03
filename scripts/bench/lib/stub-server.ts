import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { LatencyModel } from "./latency";
import { OpenAiStub } from "./openai-stub";
import { ReplicateStub } from "./replicate-stub";

// One loopback server playing both upstreams: Replicate (/v1/predictions…, /files/…) and an
// OpenAI-compatible LLM (/v1/chat/completions, /v1/models). Both clients take the same base URL.

export type StubServer = {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** `http://127.0.0.1:<port>/v1`, for REPLICATE_BASE_URL and OPENAI_BASE_URL. */
  baseUrl: string;
  replicate: ReplicateStub;
  openai: OpenAiStub;
  close(): Promise<void>;
};

export type StubServerOptions = {
  latency: LatencyModel;
  image: Buffer;
  seed?: number;
  /** The server closes itself after this long, whatever happens to the bench (default 15 min). */
  lifetimeMs?: number;
  /** The stand-in's clock (ms); tests pass a fake one to step predictions through their states. */
  now?: () => number;
};

export async function startStubServer(options: StubServerOptions): Promise<StubServer> {
  const replicate = new ReplicateStub({ latency: options.latency, image: options.image, seed: options.seed, now: options.now });
  const openai = new OpenAiStub();
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    void (async () => {
      try {
        if (await replicate.handle(req, res, url)) return;
        if (await openai.handle(req, res, url)) return;
        res.writeHead(404, { "content-type": "application/json" });
        res.end(JSON.stringify({ detail: "Not found." }));
      } catch (e) {
        if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ detail: (e as Error).message }));
      }
    })();
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  replicate.origin = origin;

  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    clearTimeout(deadline);
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  // Bounded in time even if the bench hangs: the stand-in never outlives its run.
  const deadline = setTimeout(() => void close(), options.lifetimeMs ?? 15 * 60_000);
  deadline.unref();

  return { origin, baseUrl: `${origin}/v1`, replicate, openai, close };
}
