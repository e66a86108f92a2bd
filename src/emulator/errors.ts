/** An AWS error: the exception name the SDKs map to a class, its message and HTTP status. */
export class ServiceError extends Error {
  readonly code: string;
  readonly status: number;
  /** Extra members of the error body some protocols carry, e.g. S3's `<BucketName>`. */
  readonly details?: Readonly<Record<string, string>>;

  constructor(code: string, message: string, status = 400, details?: Record<string, string>) {
    super(message);
    this.name = code;
    this.code = code;
    this.status = status;
    this.details = details;
  }
}
