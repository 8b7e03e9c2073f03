export type StoredObject = {
  body: Buffer;
  contentType: string;
  size: number;
  etag: string;
};

export type StoredStream = {
  stream: ReadableStream<Uint8Array>;
  contentType: string;
  size: number;
  etag: string;
};

/** Where frames and exports live: local disk by default, S3 / R2 / MinIO at scale. */
export interface Storage {
  readonly driver: "local" | "s3";
  put(key: string, body: Buffer, options?: { contentType?: string }): Promise<void>;
  get(key: string): Promise<StoredObject | null>;
  stream(key: string): Promise<StoredStream | null>;
  exists(key: string): Promise<boolean>;
  /** A URL the browser can load the object from. */
  url(key: string): Promise<string>;
  delete(key: string): Promise<void>;
  /** Removes every object under a prefix ending in "/". */
  deletePrefix(prefix: string): Promise<number>;
  /** A cheap round trip proving the backend answers (health check). */
  check(): Promise<void>;
}
