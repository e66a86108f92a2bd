// `GET /trailview/detections` on a backend without a store (aws, endpoint): the server has nothing to evaluate;
// the console evaluates the events it loads itself there. The local backend answers through its investigation
// routes (store-records.ts).
import type { ServerResponse } from 'node:http';
import type { Backend } from '../backends/backend';

export function refuseDetections(backend: Backend, res: ServerResponse): void {
  res.writeHead(400, {
    'content-type': 'application/json',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(
    JSON.stringify({
      message: `Detections over the server's store need the local backend; this server runs ${backend.info.mode}.`,
    }),
  );
}
