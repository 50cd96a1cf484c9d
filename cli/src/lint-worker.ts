import { parentPort, workerData } from 'node:worker_threads';
import type { LintOptions } from '@hindsight/core';
import { lintBatch } from '@hindsight/node';

// A worker thread of `hindsight lint`: lints the ranges of files it is sent and returns findings.
const { files, options } = workerData as { files: string[]; options: LintOptions };

parentPort!.on('message', async ([start, end]: [number, number]) => {
  parentPort!.postMessage({
    start,
    results: await lintBatch(files.slice(start, end), options, false),
  });
});
