/** Signature schemes the receiver fast path knows (`x-hookspec-signature`). */
export type SignatureScheme = 'github' | 'stripe' | 'slack' | 'standard-webhooks';

/** Receiver policy (`x-hookspec-policy`). */
export type ReceiverPolicy = 'lenient' | 'strict';

/** One parameter of an operation, `$ref`s resolved. */
export interface ParameterModel {
  /** As written in the spec (header names keep their spelling). */
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  /** Pointer to the parameter's schema, or undefined when it has none. */
  schemaPointer: string | undefined;
}

/** One operation of `paths` or `webhooks`. */
export interface OperationModel {
  section: 'paths' | 'webhooks';
  /** The path (`/v1/x/{id}`) or the webhook name. */
  key: string;
  method: string;
  /** The spec's operationId, or one derived from method and path when missing. */
  operationId: string;
  hasOperationId: boolean;
  summary: string;
  description: string;
  pointer: string;
  parameters: ParameterModel[];
  body: BodyModel | undefined;
  /** Status codes (as written: `200`, `4XX`, `default`) with the content types of each response. */
  responses: { status: string; contentTypes: string[] }[];
  /** Set when the operation's security uses a scheme with `x-hookspec-signature`. */
  receiver: { signature: SignatureScheme; policy: ReceiverPolicy } | undefined;
}

/** A request body: the preferred media type and where its schema lives. */
export interface BodyModel {
  contentType: string;
  required: boolean;
  schemaPointer: string | undefined;
  /** Pointer of the media type object (for examples). */
  mediaPointer: string;
}

/** `x-hookspec-inbound` on a catalog webhook. */
export interface InboundModel {
  provider: string;
  event: string;
}

/** One entry of the outbound catalog (`webhooks`). */
export interface WebhookModel {
  name: string;
  operation: OperationModel;
  /** The body follows the Standard Webhooks envelope `{ type, timestamp, data }`. */
  isEnvelope: boolean;
  example: unknown;
  inbound: InboundModel | undefined;
  /** `x-hookspec-system: true`: only the server emits it, so publishing it is refused. */
  system: boolean;
}

/** Everything the emitters need, sorted so output is deterministic. */
export interface SpecModel {
  doc: Record<string, unknown>;
  title: string;
  operations: OperationModel[];
  webhooks: WebhookModel[];
}
