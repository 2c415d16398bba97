/** A call the gateway answers itself, without forwarding it. */
export interface GatewayRefusal {
  status: number;
  type: string;
  message: string;
  fix: string;
}
