/** Persistence of subscriptions, events and deliveries (defined by the outbound room). */
export interface OutboundStore {}
