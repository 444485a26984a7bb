import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client, S3ServiceException, type S3ClientConfig } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { traced } from '../../shared/tracing';
import { MAX_PHOTO_BYTES, PHOTO_READ_SECONDS, PHOTO_UPLOAD_SECONDS } from '../../domain/photos/photo-keys';

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
  /**
   * Presigns, untraced: X-Ray's middleware would add its trace header to the request before it is
   * signed, and a URL signed with it fails for the browser that never sends it.
   */
  private readonly client: S3Client;
  /** The same client for the calls this function makes itself, each one an X-Ray subsegment (shared/tracing.ts). */
  private readonly tracedClient: S3Client;

  constructor(options: PhotoBucketOptions) {
    this.bucketName = options.bucketName;
    const settings: S3ClientConfig = {
      region: options.region ?? 'cn-north-1',
      maxAttempts: 3,
      // Checksums only where S3 requires them: the local server does not speak the newer trailers.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      ...(options.endpoint ? { endpoint: options.endpoint, forcePathStyle: true, credentials: LOCAL_CREDENTIALS } : {}),
    };
    this.client = new S3Client(settings);
    this.tracedClient = traced(new S3Client(settings));
  }

  /**
   * A POST policy for exactly this key and content type, of 1 byte to 10 MB, valid for a few minutes.
   * S3 refuses any other key, type or size; the processor checks again (the local server does not enforce policies).
   */
  async presignUpload(objectKey: string, contentType: string, now: Date): Promise<PresignedUpload> {
    const { url, fields } = await createPresignedPost(this.client, {
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
    return getSignedUrl(this.client, new GetObjectCommand({ Bucket: this.bucketName, Key: objectKey }), { expiresIn: PHOTO_READ_SECONDS });
  }

  /** The object's type and size, or undefined when there is none. */
  async head(objectKey: string): Promise<StoredObject | undefined> {
    try {
      const head = await this.tracedClient.send(new HeadObjectCommand({ Bucket: this.bucketName, Key: objectKey }));
      return { contentType: head.ContentType, byteSize: head.ContentLength };
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  /** The object's bytes (the processor reads an upload of at most 10 MB whole). */
  async read(objectKey: string): Promise<{ body: Uint8Array; contentType?: string } | undefined> {
    try {
      const object = await this.tracedClient.send(new GetObjectCommand({ Bucket: this.bucketName, Key: objectKey }));
      return { body: await object.Body!.transformToByteArray(), contentType: object.ContentType };
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async write(objectKey: string, body: Uint8Array, contentType: string): Promise<void> {
    await this.tracedClient.send(new PutObjectCommand({ Bucket: this.bucketName, Key: objectKey, Body: body, ContentType: contentType }));
  }

  async delete(objectKey: string): Promise<void> {
    await this.tracedClient.send(new DeleteObjectCommand({ Bucket: this.bucketName, Key: objectKey }));
  }

  destroy(): void {
    this.client.destroy();
    this.tracedClient.destroy();
  }
}

const isMissing = (error: unknown): boolean =>
  error instanceof S3ServiceException && (error.name === 'NotFound' || error.name === 'NoSuchKey' || error.$metadata.httpStatusCode === 404);
