#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx's loader: one artifact, no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
const code = await main(process.argv.slice(2));
// Let a started server keep the process alive; otherwise leave with the command's status.
if (code !== 0) process.exit(code);
