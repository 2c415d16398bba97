/** How one provider's stream puts events on the wire (SSE, a JSON array, AWS event stream). */
export interface StreamFormat<Event> {
  readonly contentType: string;
  encode(event: Event): string | Uint8Array;
  /** written before the first event, e.g. a JSON array's `[` */
  readonly opening?: string;
  /** written between events, e.g. a JSON array's comma */
  readonly separator?: string;
  /** written after the last event; a broken stream never sends it */
  readonly closing?: string;
  /** what the malformed-line scenario injects; formats without lines to break have none */
  readonly garbage?: string | Uint8Array;
}
