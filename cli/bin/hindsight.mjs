#!/usr/bin/env node
import { run } from '../dist/hindsight.mjs';

process.exitCode = await run(process.argv.slice(2));
