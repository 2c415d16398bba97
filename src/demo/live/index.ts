export { driveLiveTraffic, type LiveTrafficResult } from './drive-live-traffic.ts';
