import { delay, http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import sharp from "sharp";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { isAllowedHost, isPrivateAddress } from "@/lib/providers/address-guard";
import { checkDownloadUrl, guardedLookup, safeDownload, type DownloadPolicy } from "@/lib/providers/safe-download";
import { ProviderError } from "@/lib/providers/types";

const policy: DownloadPolicy = {
  allowedHosts: ["replicate.delivery"],
  maxBytes: 5 * 1024 * 1024,
  timeoutMs: 5000,
  allowPrivate: false,
};

/** The failure a guarded call was refused with (or null when it went through). */
async function refusal(work: () => unknown): Promise<ProviderError["failure"] | null> {
  try {
    await work();
    return null;
  } catch (e) {
    if (e instanceof ProviderError) return e.failure;
    throw e;
  }
}

describe("isPrivateAddress", () => {
  it.each([
    "127.0.0.1",
    "127.255.255.254",
    "0.0.0.0",
    "10.0.0.1",
    "10.255.255.255",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.0.1",
    "192.168.255.255",
    "169.254.169.254", // cloud metadata
    "169.254.0.1",
    "100.64.0.1", // carrier-grade NAT
    "100.127.255.255",
    "224.0.0.1",
    "255.255.255.255",
    "::1",
    "::",
    "fc00::1",
    "fd12:3456:789a::1",
    "fe80::1",
    "febf::1",
    "ff02::1",
    "::ffff:127.0.0.1",
    "::ffff:10.0.0.1",
    "::ffff:169.254.169.254",
    "::ffff:7f00:1",
    "[::1]",
    // the same addresses spelled out in full or with leading zeros
    "0:0:0:0:0:0:0:1",
    "0000:0000:0000:0000:0000:0000:0000:0001",
    "0:0:0:0:0:0:0:0",
    "0:0:0:0:0:ffff:7f00:1",
    "0:0:0:0:0:ffff:127.0.0.1",
    "FE80:0:0:0:0:0:0:1",
    "fe80::1%eth0",
    "::127.0.0.1", // deprecated IPv4-compatible form
    "64:ff9b::7f00:1", // NAT64
    "2001:db8::1", // documentation
    "not-an-ip",
    "",
  ])("%s is refused", (ip) => {
    expect(isPrivateAddress(ip)).toBe(true);
  });

  it.each([
    "8.8.8.8",
    "1.1.1.1",
    "34.120.1.1",
    "172.15.255.255", // just below 172.16/12
    "172.32.0.1", // just above it
    "100.63.255.255", // just below 100.64/10
    "100.128.0.1",
    "192.169.0.1",
    "11.0.0.1",
    "2606:4700:4700::1111",
    "2001:4860:4860::8888",
    "::ffff:8.8.8.8",
    "::ffff:808:808",
  ])("%s is allowed", (ip) => {
    expect(isPrivateAddress(ip)).toBe(false);
  });
});

describe("isAllowedHost", () => {
  const allowed = ["replicate.delivery"];
  it.each([
    ["replicate.delivery", true],
    ["pbxt.replicate.delivery", true],
    ["a.b.replicate.delivery", true],
    ["REPLICATE.Delivery", true],
    ["replicate.delivery.", true],
    ["replicate.delivery.evil.com", false],
    ["evilreplicate.delivery", false],
    ["replicate-delivery.com", false],
    ["delivery", false],
    ["replicate.com", false],
    ["", false],
  ])("%s → %s", (host, expected) => {
    expect(isAllowedHost(host, allowed)).toBe(expected);
  });

  it("trims entries and ignores empty ones", () => {
    expect(isAllowedHost("x.example.org", [" ", " example.org "])).toBe(true);
    expect(isAllowedHost("anything.com", ["", " "])).toBe(false);
  });
});

describe("checkDownloadUrl", () => {
  it.each([
    "https://replicate.delivery/xezq/abc/out-0.webp",
    "https://pbxt.replicate.delivery/abc/out-0.png",
    "https://replicate.delivery:443/xezq/abc/out-0.webp",
  ])("lets %s through", (url) => {
    expect(checkDownloadUrl(url, policy).hostname).toMatch(/replicate\.delivery$/);
  });

  it.each([
    ["http://replicate.delivery/xezq/abc/out-0.webp", /https/],
    ["ftp://replicate.delivery/a.png", /https/],
    ["file:///etc/passwd", /https/],
    ["https://user:pass@replicate.delivery/a.png", /credentials/],
    ["https://user@replicate.delivery/a.png", /credentials/],
    ["https://127.0.0.1/a.png", /raw IP/],
    ["https://2130706433/a.png", /raw IP/], // 127.0.0.1 as a number
    ["https://[::1]/a.png", /raw IP/],
    ["https://169.254.169.254/latest/meta-data", /raw IP/],
    ["https://replicate.delivery:8443/a.png", /port/],
    ["https://replicate.delivery.evil.com/a.png", /allow-list/],
    ["https://evilreplicate.delivery/a.png", /allow-list/],
    ["https://localhost/a.png", /allow-list/],
    ["not a url", /valid URL/],
  ])("refuses %s", async (url, why) => {
    const failure = await refusal(() => checkDownloadUrl(url, policy));
    expect(failure).toMatchObject({ code: "DOWNLOAD_BLOCKED", retryable: false });
    expect(failure!.message).toMatch(why);
  });

  it("with allowPrivate (tests, benchmarks), http and local addresses pass but the allow-list still holds", () => {
    const open = { ...policy, allowPrivate: true, allowedHosts: ["127.0.0.1"] };
    expect(checkDownloadUrl("http://127.0.0.1:9999/a.png", open).port).toBe("9999");
    expect(() => checkDownloadUrl("http://10.0.0.1/a.png", open)).toThrow(ProviderError);
  });
});

describe("guardedLookup: private addresses are refused at connect time", () => {
  const lookup = (hostname: string, options: object = {}) =>
    new Promise<{ err: NodeJS.ErrnoException | null; address: unknown; family?: number }>((resolve) =>
      guardedLookup(hostname, options, (err, address, family) => resolve({ err, address, family })),
    );

  it("refuses a name that resolves to loopback", async () => {
    const { err } = await lookup("localhost");
    expect(err?.code).toBe("EAI_BLOCKED");
    expect(err?.message).toMatch(/non-public/);
  });

  it("refuses it however the caller asks (all: true)", async () => {
    expect((await lookup("localhost", { all: true })).err?.code).toBe("EAI_BLOCKED");
  });

  it("answers a public address in the shape the caller asked for", async () => {
    expect(await lookup("8.8.8.8")).toEqual({ err: null, address: "8.8.8.8", family: 4 });
    expect(await lookup("8.8.8.8", { all: true })).toMatchObject({ err: null, address: [{ address: "8.8.8.8", family: 4 }] });
  });

  it("passes resolver errors through", async () => {
    expect((await lookup("no-such-host.invalid")).err?.code).toMatch(/ENOTFOUND|EAI_AGAIN/);
  });

  it("safeDownload of an allow-listed name that resolves to 127.0.0.1 is refused before connecting", async () => {
    // no msw here: the real fetch, the real undici Agent and the real resolver
    const failure = await refusal(() => safeDownload("https://localhost/out-0.png", { ...policy, allowedHosts: ["localhost"] }));
    expect(failure).toMatchObject({ code: "DOWNLOAD_BLOCKED", retryable: false });
  });
});

describe("safeDownload over HTTP (msw)", () => {
  const server = setupServer();
  let png: Buffer;
  beforeAll(async () => {
    server.listen({ onUnhandledRequest: "error" });
    png = await sharp({ create: { width: 64, height: 36, channels: 3, background: "#d9822b" } }).png().toBuffer();
  });
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());

  const image = () => new HttpResponse(png, { headers: { "content-type": "image/png" } });

  it("downloads an allowed output", async () => {
    server.use(http.get("https://replicate.delivery/xezq/a/out-0.png", image));
    expect((await safeDownload("https://replicate.delivery/xezq/a/out-0.png", policy)).equals(png)).toBe(true);
  });

  it("follows a redirect to another allowed host", async () => {
    server.use(
      http.get("https://replicate.delivery/xezq/a/out-0.png", () => HttpResponse.redirect("https://pbxt.replicate.delivery/a/out-0.png", 302)),
      http.get("https://pbxt.replicate.delivery/a/out-0.png", image),
    );
    expect((await safeDownload("https://replicate.delivery/xezq/a/out-0.png", policy)).length).toBe(png.length);
  });

  it.each([
    "http://127.0.0.1/latest/meta-data",
    "https://169.254.169.254/latest/meta-data",
    "https://evil.example.com/a.png",
    "http://replicate.delivery/a.png",
  ])("refuses a redirect to %s without fetching it", async (target) => {
    server.use(http.get("https://replicate.delivery/xezq/a/out-0.png", () => HttpResponse.redirect(target, 302)));
    // any fetch of the target would be an unhandled request: msw would fail the test
    expect(await refusal(() => safeDownload("https://replicate.delivery/xezq/a/out-0.png", policy))).toMatchObject({
      code: "DOWNLOAD_BLOCKED",
    });
  });

  it("gives up after too many redirects", async () => {
    server.use(http.get("https://replicate.delivery/loop", () => HttpResponse.redirect("https://replicate.delivery/loop", 302)));
    expect(await refusal(() => safeDownload("https://replicate.delivery/loop", policy))).toMatchObject({ code: "DOWNLOAD_FAILED" });
  });

  it.each([404, 410])("HTTP %i → OUTPUT_EXPIRED, not retryable", async (status) => {
    server.use(http.get("https://replicate.delivery/a.png", () => new HttpResponse(null, { status })));
    expect(await refusal(() => safeDownload("https://replicate.delivery/a.png", policy))).toMatchObject({
      code: "OUTPUT_EXPIRED",
      retryable: false,
    });
  });

  it("HTTP 503 → DOWNLOAD_FAILED, retryable", async () => {
    server.use(http.get("https://replicate.delivery/a.png", () => new HttpResponse(null, { status: 503 })));
    expect(await refusal(() => safeDownload("https://replicate.delivery/a.png", policy))).toMatchObject({
      code: "DOWNLOAD_FAILED",
      retryable: true,
    });
  });

  it("a declared Content-Length over the cap → OUTPUT_TOO_LARGE", async () => {
    server.use(http.get("https://replicate.delivery/a.png", image));
    expect(await refusal(() => safeDownload("https://replicate.delivery/a.png", { ...policy, maxBytes: 100 }))).toMatchObject({
      code: "OUTPUT_TOO_LARGE",
      retryable: false,
    });
  });

  it("a streamed body with no Content-Length is cut off once it passes the cap", async () => {
    let sent = 0;
    server.use(
      http.get("https://replicate.delivery/a.png", () => {
        const stream = new ReadableStream<Uint8Array>({
          pull(controller) {
            sent += 1024;
            controller.enqueue(new Uint8Array(1024));
            if (sent >= 1024 * 1024) controller.close();
          },
        });
        return new HttpResponse(stream, { headers: { "content-type": "image/png" } });
      }),
    );
    expect(await refusal(() => safeDownload("https://replicate.delivery/a.png", { ...policy, maxBytes: 10_000 }))).toMatchObject({
      code: "OUTPUT_TOO_LARGE",
    });
    expect(sent).toBeLessThan(1024 * 1024);
  });

  it("a server that never answers → TIMEOUT, retryable", async () => {
    server.use(
      http.get("https://replicate.delivery/a.png", async () => {
        await delay("infinite");
        return image();
      }),
    );
    expect(await refusal(() => safeDownload("https://replicate.delivery/a.png", { ...policy, timeoutMs: 100 }))).toMatchObject({
      code: "TIMEOUT",
      retryable: true,
    });
  });

  it("a network error → NETWORK_ERROR, retryable", async () => {
    server.use(http.get("https://replicate.delivery/a.png", () => HttpResponse.error()));
    expect(await refusal(() => safeDownload("https://replicate.delivery/a.png", policy))).toMatchObject({
      code: "NETWORK_ERROR",
      retryable: true,
    });
  });
});
