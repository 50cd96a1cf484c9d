#!/usr/bin/env node
import { run } from '../dist/hindsight.mjs';

// A reader that stops early (`hindsight lint | head`) closes the pipe: end quietly, no stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

process.exitCode = await run(process.argv.slice(2));
