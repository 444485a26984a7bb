import type * as S3 from '@aws-sdk/client-s3';
import type * as S3PresignedPost from '@aws-sdk/s3-presigned-post';
import type * as S3RequestPresigner from '@aws-sdk/s3-request-presigner';
import { MAX_PHOTO_BYTES, PHOTO_READ_SECONDS, PHOTO_UPLOAD_SECONDS } from '../../domain/photos/photo-keys';
import { onFirstUse } from '../../shared/on-first-use';
import { traced } from '../../shared/tracing';

// The S3 SDK, loaded by the first photo call rather than when a function starts: the GraphQL
// functions build a bucket at start but most requests never touch it (docs/performance.md).
const s3 = onFirstUse(() => require('@aws-sdk/client-s3') as typeof S3);
const presignedPost = onFirstUse(() => require('@aws-sdk/s3-presigned-post') as typeof S3PresignedPost);
const requestPresigner = onFirstUse(() => require('@aws-sdk/s3-request-presigner') as typeof S3RequestPresigner);

export interface PhotoBucketOptions {
  bucketName: string;
  region?: string;
  /** An S3-compatible server's endpoint (the local one); absent on AWS. Path-style addressing then. */
  endpoint?: string;
}

/** A presigned browser upload: POST multipart/form-data to `url` with every field, then the file as `file`. */
export interface PresignedUpload {
  url: string;
  fields: Record<string, string>;
  expiresAt: Date;
}

/** What S3 says of an object that is there. */
export interface StoredObject {
  contentType?: string;
  byteSize?: number;
}

/** The local server's fixed credentials (s3rver's defaults); on AWS the function's role signs. */
const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/**
 * The district's photo bucket: presigned uploads and reads for the API, and the object reads
 * and writes of the photo processor. Presigning needs no request to S3, only the credentials.
 */
export class PhotoBucket {
  readonly bucketName: string;
  private readonly options: PhotoBucketOptions;
  private s3Client?: S3.S3Client;
  private s3TracedClient?: S3.S3Client;

  constructor(options: PhotoBucketOptions) {
    this.bucketName = options.bucketName;
    this.options = options;
  }

  private get settings(): S3.S3ClientConfig {
    const options = this.options;
    return {
      region: options.region ?? 'cn-north-1',
      maxAttempts: 3,
      // Checksums only where S3 requires them: the local server does not speak the newer trailers.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      ...(options.endpoint ? { endpoint: options.endpoint, forcePathStyle: true, credentials: LOCAL_CREDENTIALS } : {}),
    };
  }

  /**
   * The client that presigns, made on first use (with the SDK, above), untraced: X-Ray's
   * middleware would add its trace header to the request before it is signed, and a URL signed
   * with it fails for the browser that never sends it.
   */
  private get client(): S3.S3Client {
    return (this.s3Client ??= new (s3().S3Client)(this.settings));
  }

  /** The same settings for the calls this function makes itself, each one an X-Ray subsegment (shared/tracing.ts). */
  private get tracedClient(): S3.S3Client {
    return (this.s3TracedClient ??= traced(new (s3().S3Client)(this.settings)));
  }

  /**
   * A POST policy for exactly this key and content type, of 1 byte to 10 MB, valid for a few minutes.
   * S3 refuses any other key, type or size; the processor checks again (the local server does not enforce policies).
   */
  async presignUpload(objectKey: string, contentType: string, now: Date): Promise<PresignedUpload> {
    const { url, fields } = await presignedPost().createPresignedPost(this.client, {
      Bucket: this.bucketName,
      Key: objectKey,
      Conditions: [
        ['content-length-range', 1, MAX_PHOTO_BYTES],
        ['eq', '$Content-Type', contentType],
      ],
      Fields: { 'Content-Type': contentType },
      Expires: PHOTO_UPLOAD_SECONDS,
    });
    return { url, fields, expiresAt: new Date(now.getTime() + PHOTO_UPLOAD_SECONDS * 1000) };
  }

  /** A short-lived GET URL of an object. */
  presignRead(objectKey: string): Promise<string> {
    return requestPresigner().getSignedUrl(this.client, new (s3().GetObjectCommand)({ Bucket: this.bucketName, Key: objectKey }), { expiresIn: PHOTO_READ_SECONDS });
  }

  /** The object's type and size, or undefined when there is none. */
  async head(objectKey: string): Promise<StoredObject | undefined> {
    try {
      const head = await this.tracedClient.send(new (s3().HeadObjectCommand)({ Bucket: this.bucketName, Key: objectKey }));
      return { contentType: head.ContentType, byteSize: head.ContentLength };
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  /** The object's bytes (the processor reads an upload of at most 10 MB whole). */
  async read(objectKey: string): Promise<{ body: Uint8Array; contentType?: string } | undefined> {
    try {
      const object = await this.tracedClient.send(new (s3().GetObjectCommand)({ Bucket: this.bucketName, Key: objectKey }));
      return { body: await object.Body!.transformToByteArray(), contentType: object.ContentType };
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async write(objectKey: string, body: Uint8Array, contentType: string): Promise<void> {
    await this.tracedClient.send(new (s3().PutObjectCommand)({ Bucket: this.bucketName, Key: objectKey, Body: body, ContentType: contentType }));
  }

  async delete(objectKey: string): Promise<void> {
    await this.tracedClient.send(new (s3().DeleteObjectCommand)({ Bucket: this.bucketName, Key: objectKey }));
  }

  destroy(): void {
    this.s3Client?.destroy();
    this.s3TracedClient?.destroy();
  }
}

const isMissing = (error: unknown): boolean =>
  error instanceof s3().S3ServiceException && (error.name === 'NotFound' || error.name === 'NoSuchKey' || error.$metadata.httpStatusCode === 404);
