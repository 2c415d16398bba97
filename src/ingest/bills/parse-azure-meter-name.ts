import type { BilledClass } from '../../domain/billing-line.ts';
import type { ServiceTier } from '../../domain/usage-event.ts';

export interface AzureMeter {
  /** Model as the meter abbreviates it, words joined by hyphens: `gpt-4o-1120`, `o4-mini-0416`. */
  model?: string;
  billedClass: BilledClass;
  serviceTier?: ServiceTier;
  contextTier?: 'long';
}

type Meaning = 'cached' | 'input' | 'output' | 'batch' | 'long' | 'noise';

/** Meter words and what they mean; the words before the first of them name the model. */
const MEANINGS = new Map<string, Meaning>([
  ...words('cached cchd cache', 'cached'),
  ...words('inp input', 'input'),
  ...words('outp output out', 'output'),
  ...words('batch', 'batch'),
  ...words('long lng', 'long'),
  // Deployment types (Global, Data Zone, Regional), modalities and units are in the meter's
  // name but not the model's; the deployment type changes the rate, not the class or tier.
  ...words('glbl global gl dzone datazone dz regnl regional rgnl', 'noise'),
  ...words('tokens token tkns 1k 1m txt text aud audio img image', 'noise'),
]);

function words(list: string, meaning: Meaning): [string, Meaning][] {
  return list.split(' ').map((word) => [word, meaning]);
}

/**
 * An Azure OpenAI meter name — abbreviated per model, token type and deployment type, as in
 * `gpt 4o 1120 Inp glbl Tokens`, `gpt 4.1 nano cached Inp glbl Tokens`, `o4-mini-0416-Outp-
 * DZone Tokens`, `5.4 inp Gl 1M Tokens` — read with tolerant rules: words split on spaces and
 * hyphens, matched without case. Meters with no input/output word (provisioned units,
 * fine-tuning hours) are `other`, with no model claimed. A model written as a bare version
 * (`5.4`) is a GPT model (unconfirmed; it is how the GPT-5 meters appear).
 */
export function parseAzureMeterName(meterName: string): AzureMeter {
  const parts = meterName
    .toLowerCase()
    .split(/[\s-]+/)
    .filter((part) => part !== '');
  const meanings = new Set(parts.map((part) => MEANINGS.get(part)));
  const billedClass: BilledClass = meanings.has('input')
    ? meanings.has('cached')
      ? 'cache_read'
      : 'input'
    : meanings.has('output')
      ? 'output'
      : 'other';
  if (billedClass === 'other') return { billedClass };
  const end = parts.findIndex((part) => MEANINGS.has(part));
  const model = parts.slice(0, end === -1 ? parts.length : end).join('-');
  const meter: AzureMeter = {
    billedClass,
    serviceTier: meanings.has('batch') ? 'batch' : 'standard',
  };
  if (model !== '') meter.model = /^\d/.test(model) ? `gpt-${model}` : model;
  if (meanings.has('long')) meter.contextTier = 'long';
  return meter;
}
