// `npm run import -- --validate PATH…`: log file integrity validation of folders that hold an S3 copy of
// a trail's files with its digest files (src/domain/folder-validation.ts), instead of importing them. The
// public keys come from ListPublicKeys of the backend: the server running on the data dir, or the one at
// --endpoint-url (in aws mode, AWS's keys); the newest digest's signature from its bucket there.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { CloudTrailClient, ListPublicKeysCommand } from '@aws-sdk/client-cloudtrail';
import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { validateFolder, type FolderFile } from '@/domain/folder-validation';
import type { Verdict } from '@/domain/log-file-validation';

/** The server signs nothing it is sent; in aws mode its proxy re-signs with the user's credentials. */
const PLACEHOLDER_CREDENTIALS = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'not-used' };

function folderFiles(path: string): FolderFile[] {
  const files = statSync(path).isDirectory()
    ? readdirSync(path, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(path, f)).isFile())
    : [''];
  return files.map((file) => {
    const full = file ? join(path, file) : path;
    const name = file ? relative(path, full) : full;
    return { path: name.split(sep).join('/'), read: async () => new Uint8Array(readFileSync(full)) };
  });
}

const line = (v: Verdict) => `${v.file}\ts3://${v.bucket}/${v.key}\t${v.result}`;

/** Validates each folder, printing a verdict per file as the AWS CLI's --verbose does; the INVALID count. */
export async function validateFolders(paths: readonly string[], endpoint: string): Promise<number> {
  const config = { endpoint, credentials: PLACEHOLDER_CREDENTIALS, maxAttempts: 1 };
  const s3 = new S3Client({ ...config, region: 'us-east-1', forcePathStyle: true });
  const verdicts: Verdict[] = [];
  for (const path of paths) {
    verdicts.push(
      ...(await validateFolder({
        files: folderFiles(path),
        publicKeys: async (region, start, end) => {
          const client = new CloudTrailClient({ ...config, region });
          const out = await client.send(new ListPublicKeysCommand({ StartTime: start, EndTime: end }));
          return new Map(
            (out.PublicKeyList ?? []).flatMap((k) =>
              k.Fingerprint && k.Value ? [[k.Fingerprint, k.Value]] : [],
            ),
          );
        },
        signatureOf: async (bucket, key) => {
          const head = await s3
            .send(new HeadObjectCommand({ Bucket: bucket, Key: key }))
            .catch(() => undefined);
          return head?.Metadata?.signature;
        },
        onProgress: (_done, _total, verdict) => (verdict.valid ? console.log : console.error)(line(verdict)),
      })),
    );
  }
  const summary = (file: Verdict['file']) => {
    const of = verdicts.filter((v) => v.file === file);
    return `${of.filter((v) => v.valid).length}/${of.length} ${file.toLowerCase()}s valid`;
  };
  if (verdicts.length === 0) console.log('No digest files found: nothing to validate.');
  else console.log(`\n${summary('Digest file')}\n${summary('Log file')}`);
  return verdicts.filter((v) => !v.valid).length;
}
