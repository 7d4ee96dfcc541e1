/** Processing status of an inbound delivery: received → processing → processed | failed. */
export type InboundStatus = 'received' | 'processing' | 'processed' | 'failed' | 'duplicate';

/** One schema error, as the generated validators report it. */
export interface InboundValidationError {
  pointer: string;
  keyword: string;
  message: string;
}

/** A verified delivery, ready for the inbound log. */
export interface NewInboundDelivery {
  /** `in_…`, time-ordered. */
  id: string;
  provider: string;
  /** operationId of the receiver. */
  receiver: string;
  /** The provider's delivery id (deduplication key, unique per provider). */
  deliveryId: string;
  eventType: string;
  /** Catalog webhook the event maps to, if any. */
  catalogType: string | null;
  headers: Record<string, string>;
  body: Buffer;
  source: string;
  /** Which configured secret matched (rotation visibility). */
  secretIndex: number;
  validationOk: boolean;
  validationErrors: InboundValidationError[];
  /** `received` when there is something to dispatch, `processed` when there is not. */
  status: 'received' | 'processed';
  /** ISO 8601. */
  receivedAt: string;
  /** Epoch ms at which the dispatcher may pick it up. */
  nextAttemptAt: number;
  /**
   * Stored already claimed (status `processing`, attempt 1) by the dispatcher of the receiving process, which then
   * runs it without a claim round trip. If that process dies, the lease expires and any dispatcher takes it.
   */
  lease?: InboundLease;
}

/** A stored delivery whose raw body is gone or damaged (only an OS crash or a hand-deleted file can do that). */
export class BodyLostError extends Error {
  constructor(where: string, why: string) {
    super(`raw body lost (${where}): ${why}`);
    this.name = 'BodyLostError';
  }
}

/** Who holds a delivery's attempt, and until when (epoch ms). */
export interface InboundLease {
  owner: string;
  until: number;
}

/** The processing state a new row is stored in: as given, or already claimed when it carries a lease. */
export function initialState(row: NewInboundDelivery): { status: InboundStatus; attempts: number; leaseOwner: string | null; nextAttemptAt: number } {
  return row.lease
    ? { status: 'processing', attempts: 1, leaseOwner: row.lease.owner, nextAttemptAt: row.lease.until }
    : { status: row.status, attempts: 0, leaseOwner: null, nextAttemptAt: row.nextAttemptAt };
}

/** Outcome of one insert: the row id, and whether the delivery id had been stored before. */
export interface InsertedDelivery {
  id: string;
  duplicate: boolean;
}

/** A stored delivery without its raw body (what a list returns): what was inserted, plus its processing state. */
export interface InboundDeliverySummary extends Omit<NewInboundDelivery, 'status' | 'nextAttemptAt' | 'body'> {
  /** Bytes in the raw body as received. */
  bodySize: number;
  status: InboundStatus;
  attempts: number;
  lastError: string | null;
  processedAt: string | null;
}

/** A stored delivery with its raw body. */
export interface InboundDeliveryRow extends InboundDeliverySummary {
  /** Null when the raw body can no longer be read; `bodyLost` says why. */
  body: Buffer | null;
  bodyLost?: string;
}

/** A delivery leased to one dispatcher for one attempt. */
export interface ClaimedDelivery {
  id: string;
  provider: string;
  receiver: string;
  headers: Record<string, string>;
  catalogType: string | null;
  eventType: string;
  body: Buffer;
  receivedAt: string;
  /** The attempt number this claim is for (fences the completion). */
  attempts: number;
}

/** How an attempt ended; applied only if the lease is still this owner's and the attempt number matches. */
export interface InboundCompletion {
  id: string;
  owner: string;
  attempt: number;
  status: 'processed' | 'received' | 'failed';
  lastError: string | null;
  /** For a retry (`received`): when to try again, epoch ms. */
  nextAttemptAt: number;
  /** ISO 8601 time of the completion. */
  at: string;
}

export interface InboundListFilter {
  provider?: string;
  /** Exactly this event type, or any under it as a prefix before a dot (`pull_request` → `pull_request.opened`). */
  eventType?: string;
  status?: InboundStatus;
  /** Only ids older than this one (newest first). */
  before?: string;
  limit: number;
}

/** Which refusals to list, newest first. */
export interface InboundRefusalFilter {
  source?: string;
  receiver?: string;
  reason?: string;
  /** Only ids below this one (the previous page's last). */
  before?: number;
  limit: number;
}

/** A refused request, audited without its body. */
export interface InboundRefusal {
  at: string;
  source: string;
  receiver: string;
  status: number;
  reason: string;
  /** What the answer's problem said (`detail`), so a wrong secret and a malformed header are told apart; null if none. */
  detail: string | null;
  headerNames: string[];
  bodySize: number | null;
}

/** Persistence of the inbound log and the refusal audit. Every method is async so PostgreSQL can sit behind it. */
export interface InboundStore {
  /** Inserts a batch in ONE transaction (group commit); a known (provider, delivery id) is reported as duplicate. */
  insertDeliveries(rows: NewInboundDelivery[]): Promise<InsertedDelivery[]>;
  /** Leases deliveries for one attempt each (attempts + 1); ids no longer claimable are left out. */
  claimDeliveries(ids: string[], owner: string, leaseUntil: number, now: number): Promise<ClaimedDelivery[]>;
  /** Records attempt outcomes in one transaction, each fenced by owner and attempt number. */
  completeDeliveries(completions: InboundCompletion[]): Promise<number>;
  /**
   * Extends leases still held by `owner` for `attempt` to `until`, expired or not, unless another dispatcher has
   * claimed the row since; resolves with the ids renewed.
   */
  renewLeases(ids: string[], owner: string, attempt: number, until: number): Promise<string[]>;
  /** Ids waiting for an attempt (due retries, expired leases), oldest first. */
  listDueDeliveries(now: number, limit: number): Promise<string[]>;
  getDelivery(id: string): Promise<InboundDeliveryRow | undefined>;
  /** Newest first, without bodies: a page must not weigh what the providers' bodies weigh. */
  listDeliveries(filter: InboundListFilter): Promise<InboundDeliverySummary[]>;
  /**
   * Queues a delivery to run its handlers again, from attempt 0; false when it is being processed right now or is
   * already due to run (a replay would add no run).
   */
  requeueDelivery(id: string, now: number): Promise<boolean>;
  /** Appends refusals in one transaction and prunes the oldest beyond `keep` rows. */
  insertRefusals(rows: InboundRefusal[], keep: number): Promise<void>;
  /** Newest refusals first. */
  listRefusals(filter: InboundRefusalFilter): Promise<(InboundRefusal & { id: number })[]>;
}
