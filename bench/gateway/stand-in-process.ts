/**
 * The OpenAI stand-in as a process of its own (started by gateway-bench.ts): prints
 * "listening on URL" and serves until SIGTERM, SIGINT or its stdin closing.
 */
import { startStandIn } from '../../src/demo/stand-ins/index.ts';
import { exitWithParent } from './exit-with-parent.ts';

// No recording: the bench sends tens of thousands of calls nobody reads back.
const standIn = await startStandIn({ kind: 'openai', record: false });
process.stdout.write(`listening on ${standIn.url}\n`);
exitWithParent(() => standIn.close());
