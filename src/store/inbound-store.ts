/** Persistence of the inbound log and audit trail (defined by the inbound room). */
export interface InboundStore {}
