import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { S3Event } from 'aws-lambda';
import S3rver from 's3rver';
import { createPhotoProcessor } from '../photos/photo-processor';

/** The one photo bucket of the local stack (deployed, each district's stack has its own). */
export const LOCAL_PHOTO_BUCKET = 'community-city-services-photos';

export interface LocalS3Options {
  /** Objects live under `<dataDir>/s3`. */
  dataDir: string;
  /** The browser origins allowed to upload, as S3 CORS `AllowedOrigin` entries (one `*` each at most). */
  corsOrigins: readonly string[];
  /** 0 (the default) picks a free port. */
  port?: number;
  log?(line: string): void;
}

export interface LocalS3 {
  endpoint: string;
  bucketName: string;
  /** Resolves once every upload event received so far has been processed (tests). */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

const corsXml = (origins: readonly string[]): string =>
  `<CORSConfiguration><CORSRule>${origins.map((origin) => `<AllowedOrigin>${origin}</AllowedOrigin>`).join('')}` +
  '<AllowedMethod>POST</AllowedMethod><AllowedMethod>GET</AllowedMethod><AllowedHeader>*</AllowedHeader>' +
  '<ExposeHeader>ETag</ExposeHeader><MaxAgeSeconds>3600</MaxAgeSeconds></CORSRule></CORSConfiguration>';

/**
 * A real S3-compatible server (s3rver) on loopback with the photo bucket and its CORS rule, and
 * the photo processor deployed stacks run, called on the server's upload events as S3 calls it.
 * What it does not do as S3 does: enforce POST policies (size, type, expiry) — the processor
 * checks size and format again — or encrypt at rest.
 */
export async function startLocalS3(options: LocalS3Options): Promise<LocalS3> {
  const directory = join(options.dataDir, 's3');
  await mkdir(directory, { recursive: true });
  const server = new S3rver({
    address: '127.0.0.1',
    port: options.port ?? 0,
    silent: true,
    directory,
    vhostBuckets: false,
    configureBuckets: [{ name: LOCAL_PHOTO_BUCKET, configs: [corsXml(options.corsOrigins)] }],
  });
  const address = await server.run();
  const endpoint = `http://127.0.0.1:${address.port}`;
  const processEvent = createPhotoProcessor({ endpoint });
  const pending = new Set<Promise<void>>();
  server.on('event', (event: S3Event) => {
    const run = processEvent(event).then(
      (outcomes) => outcomes.filter((outcome) => outcome !== 'IGNORED').forEach((outcome) => options.log?.(`photo upload: ${outcome}`)),
      (error: unknown) => console.error('photo processing failed', error),
    );
    pending.add(run);
    void run.finally(() => pending.delete(run));
  });
  return {
    endpoint,
    bucketName: LOCAL_PHOTO_BUCKET,
    settled: async () => {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    stop: async () => {
      server.httpServer?.closeAllConnections();
      await server.close();
      await Promise.all([...pending]);
    },
  };
}
