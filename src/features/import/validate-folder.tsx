// Validate log files of a chosen folder that holds digest files (an S3 copy of a trail's AWSLogs): the
// same checks as the trail details page, with the public keys of ListPublicKeys of the backend (AWS's in
// aws mode) and the newest digest's signature from its bucket when the bucket can be read
// (src/domain/folder-validation.ts).
import { toAwsError } from '@/api/aws-error';
import { objectSignature, publicKeys } from '@/api/log-file-queries';
import type { LogFile } from '@/api/log-import';
import { ValidationPanel } from '@/components/validation-results';
import { validateFolder } from '@/domain/folder-validation';

export function ValidateFolder({ files, region }: { files: LogFile[]; region: string }) {
  return (
    <ValidationPanel
      description="The chosen files include digest files: check each digest's signature and chain, and every log file they name."
      idle="Files copied from S3 keep no metadata: each digest's signature is taken from the next digest, and the newest one's from its bucket."
      noDigests="No digest files could be read."
      describeError={(error) => toAwsError(error).message}
      validate={(onProgress) =>
        validateFolder({
          files: files.map(({ file, path }) => ({
            path,
            read: async () => new Uint8Array(await file.arrayBuffer()),
          })),
          publicKeys,
          signatureOf: (bucket, key) => objectSignature(region, bucket, key),
          onProgress,
        })
      }
    />
  );
}
