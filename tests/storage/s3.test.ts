import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { S3Storage } from "@/lib/storage/s3";
import { startS3Server } from "../helpers/s3-server";
import { storageContract } from "./storage-contract";

let server: Awaited<ReturnType<typeof startS3Server>>;
const options = () => ({
  bucket: "frames",
  region: "us-east-1",
  endpoint: server.endpoint,
  forcePathStyle: true,
  presignSeconds: 3600,
  credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
});

beforeAll(async () => {
  server = await startS3Server("frames");
});
afterAll(async () => {
  await server?.stop();
});

describe("S3Storage against a real S3-protocol server on loopback", () => {
  storageContract(() => new S3Storage(options()));

  it("presigns GET URLs that fetch the object, stable within a window", async () => {
    const storage = new S3Storage(options());
    await storage.put("storyboards/p/frames/f.png", Buffer.from("pixels"), { contentType: "image/png" });
    const url = await storage.url("storyboards/p/frames/f.png");
    expect(url).toContain("X-Amz-Signature=");
    expect(await storage.url("storyboards/p/frames/f.png")).toBe(url);
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("pixels");
  });

  it("uses the public base URL when one is configured", async () => {
    const storage = new S3Storage({ ...options(), publicBaseUrl: "https://cdn.example.com/" });
    expect(await storage.url("storyboards/p/frames/f.png")).toBe("https://cdn.example.com/storyboards/p/frames/f.png");
  });

  it("fails its health check for a missing bucket", async () => {
    await expect(new S3Storage({ ...options(), bucket: "nope" }).check()).rejects.toBeTruthy();
  });
});
