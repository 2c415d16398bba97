import { stringField } from './json-fields.ts';
import type { StandInCall } from './stand-in-call.ts';

/** The model a response reports: `x-stand-in-model`, else the requested one, else `fallback`. */
export function servedModel(call: StandInCall, fallback: string): string {
  return call.control.model ?? stringField(call.body, 'model') ?? fallback;
}
