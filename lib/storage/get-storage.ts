import "server-only";
import { env, type Env } from "@/lib/config/env";
import { LocalStorage } from "./local";
import { S3Storage } from "./s3";
import type { Storage } from "./types";

export function createStorage(config: Env): Storage {
  if (config.STORAGE_DRIVER === "s3") {
    return new S3Storage({
      bucket: config.S3_BUCKET ?? "",
      region: config.S3_REGION,
      endpoint: config.S3_ENDPOINT,
      forcePathStyle: config.S3_FORCE_PATH_STYLE,
      publicBaseUrl: config.S3_PUBLIC_BASE_URL,
      presignSeconds: config.S3_PRESIGN_SECONDS,
      credentials:
        config.AWS_ACCESS_KEY_ID && config.AWS_SECRET_ACCESS_KEY
          ? { accessKeyId: config.AWS_ACCESS_KEY_ID, secretAccessKey: config.AWS_SECRET_ACCESS_KEY }
          : undefined,
    });
  }
  return new LocalStorage(config.STORAGE_DIR);
}

let storage: Storage | undefined;

/** The app's one storage backend, chosen by STORAGE_DRIVER. */
export function getStorage(): Storage {
  storage ??= createStorage(env());
  return storage;
}
