import { parentPort, workerData } from 'node:worker_threads';
import { serve } from './event-batch-service.ts';

if (!parentPort) throw new Error('event-batch-worker.ts runs only as a worker thread');
serve(parentPort, workerData);
