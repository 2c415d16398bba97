export { createGateway, type Gateway, type GatewayOptions } from './create-gateway.ts';
export { createSpool, type Spool, type SpoolOptions } from './spool/create-spool.ts';
export {
  generateVirtualKey,
  hashVirtualKey,
  VIRTUAL_KEY_PREFIX,
  type VirtualKey,
} from './virtual-keys.ts';
export { createPayloadLog, type PayloadLog } from './payloads/payload-log.ts';
