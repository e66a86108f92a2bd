// The floors `npm run bench` compares its figures with: what the hardware and runtime allow at best.
import { createServer } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

/**
 * LookupEvents' floor: one POST over localhost to a Node server that answers at once, sent the way the
 * lookup benchmark sends its requests (fetch, one at a time, a kept-alive connection).
 */
export async function localhostRoundTrip(requests = 2_000) {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
      response.end('{"Events":[]}');
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}/aws`;
  const times = [];
  try {
    for (let i = 0; i < requests + 100; i++) {
      const started = performance.now();
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-amz-json-1.1',
          'x-amz-target': 'CloudTrail_20131101.LookupEvents',
        },
        body: '{"MaxResults":50}',
      });
      await response.json();
      if (i >= 100) times.push(performance.now() - started); // the first 100 warm up
    }
  } finally {
    server.close();
  }
  times.sort((a, b) => a - b);
  return { p50_ms: percentile(times, 0.5), p99_ms: percentile(times, 0.99) };
}

/**
 * Import's floor: JSON.parse on one core over `count` events of the import benchmark's synthetic kind,
 * in S3-layout files of 2,000 records (decompression timed apart).
 */
export async function jsonParseFloor(benchDir, count) {
  const { syntheticRecord } = await import(pathToFileURL(join(benchDir, 'synthetic-events.mjs')).href);
  const end = Date.parse('2026-11-20T00:00:00Z');
  const files = [];
  for (let i = 0; i < count; i += 2_000) {
    const records = [];
    for (let j = i; j < Math.min(count, i + 2_000); j++) records.push(syntheticRecord(11, j, count, end, 90));
    files.push(gzipSync(JSON.stringify({ Records: records })));
  }
  let gunzipMs = 0;
  let parseMs = 0;
  let parsed = 0;
  for (const file of files) {
    let started = performance.now();
    const text = gunzipSync(file).toString('utf8');
    gunzipMs += performance.now() - started;
    started = performance.now();
    parsed += JSON.parse(text).Records.length;
    parseMs += performance.now() - started;
  }
  return {
    parse_events_per_s: parsed / (parseMs / 1000),
    gunzip_parse_events_per_s: parsed / ((gunzipMs + parseMs) / 1000),
  };
}
