/** The contract suite's case table: what `generated/contract/cases.ts` exports and the runner (`src/testing/`) reads. */

/** How an operation authenticates: the bearer API key, nothing, or a receiver signature scheme. */
export type ContractSecurity = 'bearer' | 'none' | 'github' | 'stripe' | 'slack' | 'standard-webhooks';

/** One parameter: where its schema and (first) example live in the document. */
export interface ContractParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  /** `#/…` pointer of the parameter's schema, when it has one. */
  schema?: string;
  /** `#/…` pointer of the example value, when the parameter has one. */
  example?: string;
}

/** A request body: media type, schema and example pointers. */
export interface ContractBody {
  contentType: string;
  required: boolean;
  schema?: string;
  example?: string;
}

/** One declared response: status as written (`200`, `4XX`, `default`) and the pointer of its (resolved) Response Object. */
export interface ContractResponse {
  status: string;
  pointer: string;
}

/** A change to the example request that makes it wrong in one way. */
export interface ContractMutation {
  /** Removes the value at this pointer of the body. */
  removeBodyAt?: string;
  /** Replaces the value at `pointer` of the body. */
  setBodyAt?: { pointer: string; value: unknown };
  /** Sends this query parameter with this value. */
  setQuery?: { name: string; value: string };
  /** Sends the body under this content type instead of the declared one. */
  contentType?: string;
  /** Leaves out this request header (lower case); `authorization` means no credentials. */
  dropHeader?: string;
  /** Signs the body, then sends it changed (the signature no longer matches). */
  tamper?: true;
  /** Sends every parameter that has an example, optional ones included (the positive case sends the required ones). */
  allParameters?: true;
  /** Path parameters that name nothing: each example value with `zz0` appended (still matching its pattern). */
  unknownIds?: true;
}

/** A negative case: what is wrong, and the statuses the spec declares for it. */
export interface ContractNegative {
  kind: 'missing-required-field' | 'wrong-type' | 'unknown-enum' | 'missing-required-header' | 'missing-credentials' | 'tampered-signature' | 'unknown-id' | 'unsupported-media-type';
  /** Human-readable description for the test name. */
  title: string;
  mutation: ContractMutation;
  /** Statuses (as written in the spec) that count as the right answer; the body must be problem+json. */
  expect: string[];
}

/** Everything the suite does with one operation of `paths`. */
export interface ContractOperation {
  operationId: string;
  method: string;
  path: string;
  /** `#/…` pointer of the Operation Object. */
  pointer: string;
  security: ContractSecurity;
  parameters: ContractParameter[];
  body?: ContractBody;
  responses: ContractResponse[];
  /** Statuses the example request may be answered with (a request built from the spec's own examples must not be refused as invalid). */
  accept: string[];
  /** The example request with every optional parameter's example too; any listed status is right. Absent when there are none. */
  allParameters?: ContractVariant;
  negatives: ContractNegative[];
}

/** Another valid request for an operation, and the statuses that count as right. */
export interface ContractVariant {
  title: string;
  mutation: ContractMutation;
  expect: string[];
}

/** One entry of `webhooks`: published through the API and received by a loopback subscriber, or (system) refused. */
export interface ContractWebhook {
  name: string;
  operationId: string;
  pointer: string;
  /** Pointer of the delivered body's schema. */
  schema: string;
  /** Pointer of the example (an envelope when `envelope` is true). */
  example: string;
  /** The body is `{ type, timestamp, data }`: `data` is what gets published. */
  envelope: boolean;
  /** The request headers a delivery must carry (`webhook-id`, …). */
  headers: ContractParameter[];
  /** Only the server emits it (`x-hookspec-system`): publishing its example must be refused, not delivered. */
  system: boolean;
}

/** One example of the document and the schema it must satisfy. */
export interface ContractExample {
  /** The operationId or webhook name the example belongs to (first user when shared). */
  owner: string;
  /** Where the example is written (`…/examples/<name>`). */
  site: string;
  /** Pointer of the example value (after following `$ref`s). */
  value: string;
  schema: string;
}

/** Something in the spec the generator could not build a contract case for, and why. */
export interface ContractGap {
  kind: 'operation' | 'webhook';
  name: string;
  reason: string;
}

/** The whole case table. */
export interface ContractCases {
  /** Operations in run order: receivers and creators first, deletes last. */
  operations: ContractOperation[];
  webhooks: ContractWebhook[];
  examples: ContractExample[];
  gaps: ContractGap[];
}
