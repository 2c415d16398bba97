import type { GovernRefusal } from '../govern/index.ts';

/** A call the gateway answers itself, without forwarding it: a governance refusal's shape. */
export type GatewayRefusal = GovernRefusal;
