import "server-only";
import {
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { assertValidKey, contentTypeForKey, isImmutableKey } from "./keys";
import type { Storage, StoredObject, StoredStream } from "./types";

export type S3StorageOptions = {
  bucket: string;
  region: string;
  endpoint?: string;
  forcePathStyle: boolean;
  publicBaseUrl?: string;
  presignSeconds: number;
  credentials?: { accessKeyId: string; secretAccessKey: string };
};

const isNotFound = (e: unknown) => {
  const err = e as { name?: string; $metadata?: { httpStatusCode?: number } };
  return err?.name === "NoSuchKey" || err?.name === "NotFound" || err?.$metadata?.httpStatusCode === 404;
};

export class S3Storage implements Storage {
  readonly driver = "s3" as const;
  private readonly client: S3Client;

  constructor(private readonly options: S3StorageOptions) {
    this.client = new S3Client({
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle,
      credentials: options.credentials,
      // R2 and MinIO reject the newer default checksum headers on some operations.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });
  }

  async put(key: string, body: Buffer, options: { contentType?: string } = {}): Promise<void> {
    assertValidKey(key);
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.options.bucket,
        Key: key,
        Body: body,
        ContentType: options.contentType ?? contentTypeForKey(key),
        CacheControl: isImmutableKey(key) ? "public, max-age=31536000, immutable" : "private, max-age=0",
      }),
    );
  }

  async get(key: string): Promise<StoredObject | null> {
    const s = await this.stream(key);
    if (!s) return null;
    const body = Buffer.from(await new Response(s.stream).arrayBuffer());
    return { body, contentType: s.contentType, size: body.length, etag: s.etag };
  }

  async stream(key: string): Promise<StoredStream | null> {
    assertValidKey(key);
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: key }));
      if (!out.Body) return null;
      return {
        stream: out.Body.transformToWebStream() as ReadableStream<Uint8Array>,
        contentType: out.ContentType ?? contentTypeForKey(key),
        size: out.ContentLength ?? 0,
        etag: out.ETag ?? `"${key}"`,
      };
    } catch (e) {
      if (isNotFound(e)) return null;
      throw e;
    }
  }

  async exists(key: string): Promise<boolean> {
    assertValidKey(key);
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.options.bucket, Key: key }));
      return true;
    } catch (e) {
      if (isNotFound(e)) return false;
      throw e;
    }
  }

  async url(key: string): Promise<string> {
    assertValidKey(key);
    if (this.options.publicBaseUrl) return `${this.options.publicBaseUrl.replace(/\/$/, "")}/${key}`;
    // Sign against the start of the current window so every poll in that window gets the same
    // URL and the browser's cache keeps working; the URL stays valid for at least presignSeconds.
    const windowMs = this.options.presignSeconds * 1000;
    const signingDate = new Date(Math.floor(Date.now() / windowMs) * windowMs);
    return getSignedUrl(this.client, new GetObjectCommand({ Bucket: this.options.bucket, Key: key }), {
      expiresIn: this.options.presignSeconds * 2,
      signingDate,
    });
  }

  async delete(key: string): Promise<void> {
    assertValidKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: key }));
  }

  async deletePrefix(prefix: string): Promise<number> {
    assertValidKey(prefix.replace(/\/$/, ""));
    let deleted = 0;
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.options.bucket, Prefix: prefix, ContinuationToken: token }),
      );
      const keys = (page.Contents ?? []).flatMap((o) => (o.Key ? [{ Key: o.Key }] : []));
      if (keys.length > 0) {
        await this.client.send(
          new DeleteObjectsCommand({ Bucket: this.options.bucket, Delete: { Objects: keys, Quiet: true } }),
        );
        deleted += keys.length;
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return deleted;
  }

  async check(): Promise<void> {
    await this.client.send(new HeadBucketCommand({ Bucket: this.options.bucket }));
  }
}
