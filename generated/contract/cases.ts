// generated from openapi.yaml; do not edit
// The contract suite's cases, derived from openapi.yaml; `suite.ts` runs them, `src/testing/contract` drives a server.

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

/** Every contract case of openapi.yaml: pointers into `generated/openapi.json`, never copies of it. */
export const contractCases: ContractCases = {
  "operations": [
    {
      "operationId": "receiveGithubWebhook",
      "method": "post",
      "path": "/webhooks/github",
      "pointer": "#/paths/~1webhooks~1github/post",
      "security": "github",
      "parameters": [
        {
          "name": "X-GitHub-Delivery",
          "in": "header",
          "required": true,
          "schema": "#/components/parameters/XGitHubDelivery/schema",
          "example": "#/components/parameters/XGitHubDelivery/examples/guid/value"
        },
        {
          "name": "X-GitHub-Event",
          "in": "header",
          "required": true,
          "schema": "#/components/parameters/XGitHubEvent/schema",
          "example": "#/components/parameters/XGitHubEvent/examples/ping/value"
        },
        {
          "name": "X-Hub-Signature-256",
          "in": "header",
          "required": true,
          "schema": "#/components/parameters/XHubSignature256/schema",
          "example": "#/components/parameters/XHubSignature256/examples/signature/value"
        }
      ],
      "responses": [
        {
          "status": "200",
          "pointer": "#/components/responses/ReceiverAccepted"
        },
        {
          "status": "400",
          "pointer": "#/components/responses/BadRequest"
        },
        {
          "status": "401",
          "pointer": "#/components/responses/SignatureInvalid"
        },
        {
          "status": "413",
          "pointer": "#/components/responses/PayloadTooLarge"
        },
        {
          "status": "415",
          "pointer": "#/components/responses/UnsupportedMediaType"
        },
        {
          "status": "422",
          "pointer": "#/components/responses/UnprocessableEntity"
        },
        {
          "status": "429",
          "pointer": "#/components/responses/TooManyRequests"
        },
        {
          "status": "503",
          "pointer": "#/components/responses/ServiceUnavailable"
        }
      ],
      "accept": [
        "200"
      ],
      "negatives": [
        {
          "kind": "tampered-signature",
          "title": "correctly signed, then the body changed",
          "mutation": {
            "tamper": true
          },
          "expect": [
            "401"
          ]
        },
        {
          "kind": "missing-required-header",
          "title": "without the required header X-GitHub-Delivery",
          "mutation": {
            "dropHeader": "x-github-delivery"
          },
          "expect": [
            "400"
          ]
        },
        {
          "kind": "missing-required-header",
          "title": "without the required header X-GitHub-Event",
          "mutation": {
            "dropHeader": "x-github-event"
          },
          "expect": [
            "400"
          ]
        },
        {
          "kind": "missing-required-header",
          "title": "without the required header X-Hub-Signature-256",
          "mutation": {
            "dropHeader": "x-hub-signature-256"
          },
          "expect": [
            "400"
          ]
        },
        {
          "kind": "unsupported-media-type",
          "title": "the example body sent as text/plain",
          "mutation": {
            "contentType": "text/plain"
          },
          "expect": [
            "415"
          ]
        }
      ],
      "body": {
        "contentType": "application/json",
        "required": true,
        "schema": "#/paths/~1webhooks~1github/post/requestBody/content/application~1json/schema",
        "example": "#/paths/~1webhooks~1github/post/requestBody/content/application~1json/examples/ping/value"
      }
    },
    {
      "operationId": "receiveStandardWebhook",
      "method": "post",
      "path": "/webhooks/receiver",
      "pointer": "#/paths/~1webhooks~1receiver/post",
      "security": "standard-webhooks",
      "parameters": [
        {
          "name": "webhook-id",
          "in": "header",
          "required": true,
          "schema": "#/components/parameters/WebhookId/schema",
          "example": "#/components/parameters/WebhookId/examples/id/value"
        },
        {
          "name": "webhook-signature",
          "in": "header",
          "required": true,
          "schema": "#/components/parameters/WebhookSignature/schema",
          "example": "#/components/parameters/WebhookSignature/examples/one/value"
        },
        {
          "name": "webhook-timestamp",
          "in": "header",
          "required": true,
          "schema": "#/components/parameters/WebhookTimestamp/schema",
          "example": "#/components/parameters/WebhookTimestamp/examples/now/value"
        }
      ],
      "responses": [
        {
          "status": "200",
          "pointer": "#/components/responses/ReceiverAccepted"
        },
        {
          "status": "400",
          "pointer": "#/components/responses/BadRequest"
        },
        {
          "status": "401",
          "pointer": "#/components/responses/SignatureInvalid"
        },
        {
          "status": "413",
          "pointer": "#/components/responses/PayloadTooLarge"
        },
        {
          "status": "415",
          "pointer": "#/components/responses/UnsupportedMediaType"
        },
        {
          "status": "422",
          "pointer": "#/components/responses/UnprocessableEntity"
        },
        {
          "status": "429",
          "pointer": "#/components/responses/TooManyRequests"
        },
        {
          "status": "503",
          "pointer": "#/components/responses/ServiceUnavailable"
        }
      ],
      "accept": [
        "200"
      ],
      "negatives": [
        {
          "kind": "tampered-signature",
          "title": "correctly signed, then the body changed",
          "mutation": {
            "tamper": true
          },
          "expect": [
            "401"
          ]
        },
        {
          "kind": "missing-required-header",
          "title": "without the required header webhook-id",
          "mutation": {
            "dropHeader": "webhook-id"
          },
          "expect": [
            "400"
          ]
        },
        {
          "kind": "missing-required-header",
          "title": "without the required header webhook-signature",
          "mutation": {
            "dropHeader": "webhook-signature"
          },
          "expect": [
            "400"
          ]
        },
        {
          "kind": "missing-required-header",
          "title": "without the required header webhook-timestamp",
          "mutation": {
            "dropHeader": "webhook-timestamp"
          },
          "expect": [
            "400"
          ]
        },
        {
          "kind": "missing-required-field",
          "title": "body without the required field /type",
          "mutation": {
            "removeBodyAt": "/type"
          },
          "expect": [
            "400",
            "422"
          ]
        },
        {
          "kind": "wrong-type",
          "title": "body /type of the wrong type (12345)",
          "mutation": {
            "setBodyAt": {
              "pointer": "/type",
              "value": 12345
            }
          },
          "expect": [
            "400",
            "422"
          ]
        },
        {
          "kind": "unsupported-media-type",
          "title": "the example body sent as text/plain",
          "mutation": {
            "contentType": "text/plain"
          },
          "expect": [
            "415"
          ]
        }
      ],
      "body": {
        "contentType": "application/json",
        "required": true,
        "schema": "#/paths/~1webhooks~1receiver/post/requestBody/content/application~1json/schema",
        "example": "#/components/examples/OrderCreatedEnvelope/value"
      }
    },
    {
      "operationId": "receiveSlackCommand",
      "method": "post",
      "path": "/webhooks/slack/commands",
      "pointer": "#/paths/~1webhooks~1slack~1commands/post",
      "security": "slack",
      "parameters": [
        {
          "name": "X-Slack-Request-Timestamp",
          "in": "header",
          "required": true,
          "schema": "#/components/parameters/XSlackRequestTimestamp/schema",
          "example": "#/components/parameters/XSlackRequestTimestamp/examples/now/value"
        },
        {
          "name": "X-Slack-Signature",
          "in": "header",
          "required": true,
          "schema": "#/components/parameters/XSlackSignature/schema",
          "example": "#/components/parameters/XSlackSignature/examples/signature/value"
        }
      ],
      "responses": [
        {
          "status": "200",
          "pointer": "#/paths/~1webhooks~1slack~1commands/post/responses/200"
        },
        {
          "status": "400",
          "pointer": "#/components/responses/BadRequest"
        },
        {
          "status": "401",
          "pointer": "#/components/responses/SignatureInvalid"
        },
        {
          "status": "413",
          "pointer": "#/components/responses/PayloadTooLarge"
        },
        {
          "status": "415",
          "pointer": "#/components/responses/UnsupportedMediaType"
        },
        {
          "status": "422",
          "pointer": "#/components/responses/UnprocessableEntity"
        },
        {
          "status": "429",
          "pointer": "#/components/responses/TooManyRequests"
        },
        {
          "status": "503",
          "pointer": "#/components/responses/ServiceUnavailable"
        }
      ],
      "accept": [
        "200"
      ],
      "negatives": [
        {
          "kind": "tampered-signature",
          "title": "correctly signed, then the body changed",
          "mutation": {
            "tamper": true
          },
          "expect": [
            "401"
          ]
        },
        {
          "kind": "missing-required-header",
          "title": "without the required header X-Slack-Request-Timestamp",
          "mutation": {
            "dropHeader": "x-slack-request-timestamp"
          },
          "expect": [
            "400"
          ]
        },
        {
          "kind": "missing-required-header",
          "title": "without the required header X-Slack-Signature",
          "mutation": {
            "dropHeader": "x-slack-signature"
          },
          "expect": [
            "400"
          ]
        },
        {
          "kind": "unsupported-media-type",
          "title": "the example body sent as text/plain",
          "mutation": {
            "contentType": "text/plain"
          },
          "expect": [
            "415"
          ]
        }
      ],
      "body": {
        "contentType": "application/x-www-form-urlencoded",
        "required": true,
        "schema": "#/paths/~1webhooks~1slack~1commands/post/requestBody/content/application~1x-www-form-urlencoded/schema",
        "example": "#/components/examples/SlackCommand/value"
      }
    },
    {
      "operationId": "receiveSlackEvent",
      "method": "post",
      "path": "/webhooks/slack/events",
      "pointer": "#/paths/~1webhooks~1slack~1events/post",
      "security": "slack",
      "parameters": [
        {
          "name": "X-Slack-Request-Timestamp",
          "in": "header",
          "required": true,
          "schema": "#/components/parameters/XSlackRequestTimestamp/schema",
          "example": "#/components/parameters/XSlackRequestTimestamp/examples/now/value"
        },
        {
          "name": "X-Slack-Retry-Num",
          "in": "header",
          "required": false,
          "schema": "#/components/parameters/XSlackRetryNum/schema",
          "example": "#/components/parameters/XSlackRetryNum/examples/first/value"
        },
        {
          "name": "X-Slack-Signature",
          "in": "header",
          "required": true,
          "schema": "#/components/parameters/XSlackSignature/schema",
          "example": "#/components/parameters/XSlackSignature/examples/signature/value"
        }
      ],
      "responses": [
        {
          "status": "200",
          "pointer": "#/paths/~1webhooks~1slack~1events/post/responses/200"
        },
        {
          "status": "400",
          "pointer": "#/components/responses/BadRequest"
        },
        {
          "status": "401",
          "pointer": "#/components/responses/SignatureInvalid"
        },
        {
          "status": "413",
          "pointer": "#/components/responses/PayloadTooLarge"
        },
        {
          "status": "415",
          "pointer": "#/components/responses/UnsupportedMediaType"
        },
        {
          "status": "422",
          "pointer": "#/components/responses/UnprocessableEntity"
        },
        {
          "status": "429",
          "pointer": "#/components/responses/TooManyRequests"
        },
        {
          "status": "503",
          "pointer": "#/components/responses/ServiceUnavailable"
        }
      ],
      "accept": [
        "200"
      ],
      "negatives": [
        {
          "kind": "tampered-signature",
          "title": "correctly signed, then the body changed",
          "mutation": {
            "tamper": true
          },
          "expect": [
            "401"
          ]
        },
        {
          "kind": "missing-required-header",
          "title": "without the required header X-Slack-Request-Timestamp",
          "mutation": {
            "dropHeader": "x-slack-request-timestamp"
          },
          "expect": [
            "400"
          ]
        },
        {
          "kind": "missing-required-header",
          "title": "without the required header X-Slack-Signature",
          "mutation": {
            "dropHeader": "x-slack-signature"
          },
          "expect": [
            "400"
          ]
        },
        {
          "kind": "unsupported-media-type",
          "title": "the example body sent as text/plain",
          "mutation": {
            "contentType": "text/plain"
          },
          "expect": [
            "415"
          ]
        }
      ],
      "body": {
        "contentType": "application/json",
        "required": true,
        "schema": "#/paths/~1webhooks~1slack~1events/post/requestBody/content/application~1json/schema",
        "example": "#/components/examples/SlackUrlVerification/value"
      },
      "allParameters": {
        "title": "with the examples of header X-Slack-Retry-Num",
        "mutation": {
          "allParameters": true
        },
        "expect": [
          "200",
          "400",
          "401",
          "413",
          "415",
          "422",
          "429",
          "503"
        ]
      }
    },
    {
      "operationId": "receiveSlackInteraction",
      "method": "post",
      "path": "/webhooks/slack/interactive",
      "pointer": "#/paths/~1webhooks~1slack~1interactive/post",
      "security": "slack",
      "parameters": [
        {
          "name": "X-Slack-Request-Timestamp",
          "in": "header",
          "required": true,
          "schema": "#/components/parameters/XSlackRequestTimestamp/schema",
          "example": "#/components/parameters/XSlackRequestTimestamp/examples/now/value"
        },
        {
          "name": "X-Slack-Signature",
          "in": "header",
          "required": true,
          "schema": "#/components/parameters/XSlackSignature/schema",
          "example": "#/components/parameters/XSlackSignature/examples/signature/value"
        }
      ],
      "responses": [
        {
          "status": "200",
          "pointer": "#/paths/~1webhooks~1slack~1interactive/post/responses/200"
        },
        {
          "status": "400",
          "pointer": "#/components/responses/BadRequest"
        },
        {
          "status": "401",
          "pointer": "#/components/responses/SignatureInvalid"
        },
        {
          "status": "413",
          "pointer": "#/components/responses/PayloadTooLarge"
        },
        {
          "status": "415",
          "pointer": "#/components/responses/UnsupportedMediaType"
        },
        {
          "status": "422",
          "pointer": "#/components/responses/UnprocessableEntity"
        },
        {
          "status": "429",
          "pointer": "#/components/responses/TooManyRequests"
        },
        {
          "status": "503",
          "pointer": "#/components/responses/ServiceUnavailable"
        }
      ],
      "accept": [
        "200"
      ],
      "negatives": [
        {
          "kind": "tampered-signature",
          "title": "correctly signed, then the body changed",
          "mutation": {
            "tamper": true
          },
          "expect": [
            "401"
          ]
        },
        {
          "kind": "missing-required-header",
          "title": "without the required header X-Slack-Request-Timestamp",
          "mutation": {
            "dropHeader": "x-slack-request-timestamp"
          },
          "expect": [
            "400"
          ]
        },
        {
          "kind": "missing-required-header",
          "title": "without the required header X-Slack-Signature",
          "mutation": {
            "dropHeader": "x-slack-signature"
          },
          "expect": [
            "400"
          ]
        },
        {
          "kind": "unsupported-media-type",
          "title": "the example body sent as text/plain",
          "mutation": {
            "contentType": "text/plain"
          },
          "expect": [
            "415"
          ]
        }
      ],
      "body": {
        "contentType": "application/x-www-form-urlencoded",
        "required": true,
        "schema": "#/paths/~1webhooks~1slack~1interactive/post/requestBody/content/application~1x-www-form-urlencoded/schema",
        "example": "#/paths/~1webhooks~1slack~1interactive/post/requestBody/content/application~1x-www-form-urlencoded/examples/blockActions/value"
      }
    },
    {
      "operationId": "receiveStripeWebhook",
      "method": "post",
      "path": "/webhooks/stripe",
      "pointer": "#/paths/~1webhooks~1stripe/post",
      "security": "stripe",
      "parameters": [
        {
          "name": "Stripe-Signature",
          "in": "header",
          "required": true,
          "schema": "#/components/parameters/StripeSignature/schema",
          "example": "#/components/parameters/StripeSignature/examples/signature/value"
        }
      ],
      "responses": [
        {
          "status": "200",
          "pointer": "#/components/responses/ReceiverAccepted"
        },
        {
          "status": "400",
          "pointer": "#/components/responses/BadRequest"
        },
        {
          "status": "401",
          "pointer": "#/components/responses/SignatureInvalid"
        },
        {
          "status": "413",
          "pointer": "#/components/responses/PayloadTooLarge"
        },
        {
          "status": "415",
          "pointer": "#/components/responses/UnsupportedMediaType"
        },
        {
          "status": "422",
          "pointer": "#/components/responses/UnprocessableEntity"
        },
        {
          "status": "429",
          "pointer": "#/components/responses/TooManyRequests"
        },
        {
          "status": "503",
          "pointer": "#/components/responses/ServiceUnavailable"
        }
      ],
      "accept": [
        "200"
      ],
      "negatives": [
        {
          "kind": "tampered-signature",
          "title": "correctly signed, then the body changed",
          "mutation": {
            "tamper": true
          },
          "expect": [
            "401"
          ]
        },
        {
          "kind": "missing-required-header",
          "title": "without the required header Stripe-Signature",
          "mutation": {
            "dropHeader": "stripe-signature"
          },
          "expect": [
            "400"
          ]
        },
        {
          "kind": "unsupported-media-type",
          "title": "the example body sent as text/plain",
          "mutation": {
            "contentType": "text/plain"
          },
          "expect": [
            "415"
          ]
        }
      ],
      "body": {
        "contentType": "application/json",
        "required": true,
        "schema": "#/paths/~1webhooks~1stripe/post/requestBody/content/application~1json/schema",
        "example": "#/components/examples/StripeChargeSucceededEvent/value"
      }
    },
    {
      "operationId": "publishEvent",
      "method": "post",
      "path": "/v1/events",
      "pointer": "#/paths/~1v1~1events/post",
      "security": "bearer",
      "parameters": [
        {
          "name": "Idempotency-Key",
          "in": "header",
          "required": false,
          "schema": "#/components/parameters/IdempotencyKey/schema",
          "example": "#/components/parameters/IdempotencyKey/examples/order/value"
        }
      ],
      "responses": [
        {
          "status": "202",
          "pointer": "#/paths/~1v1~1events/post/responses/202"
        },
        {
          "status": "400",
          "pointer": "#/components/responses/BadRequest"
        },
        {
          "status": "401",
          "pointer": "#/components/responses/Unauthorized"
        },
        {
          "status": "409",
          "pointer": "#/components/responses/Conflict"
        },
        {
          "status": "413",
          "pointer": "#/components/responses/PayloadTooLarge"
        },
        {
          "status": "415",
          "pointer": "#/components/responses/UnsupportedMediaType"
        },
        {
          "status": "422",
          "pointer": "#/components/responses/UnprocessableEntity"
        }
      ],
      "accept": [
        "202",
        "409"
      ],
      "negatives": [
        {
          "kind": "missing-credentials",
          "title": "without the Authorization header",
          "mutation": {
            "dropHeader": "authorization"
          },
          "expect": [
            "401"
          ]
        },
        {
          "kind": "missing-required-field",
          "title": "body without the required field /type",
          "mutation": {
            "removeBodyAt": "/type"
          },
          "expect": [
            "400",
            "422"
          ]
        },
        {
          "kind": "wrong-type",
          "title": "body /type of the wrong type (12345)",
          "mutation": {
            "setBodyAt": {
              "pointer": "/type",
              "value": 12345
            }
          },
          "expect": [
            "400",
            "422"
          ]
        },
        {
          "kind": "unsupported-media-type",
          "title": "the example body sent as text/plain",
          "mutation": {
            "contentType": "text/plain"
          },
          "expect": [
            "415"
          ]
        }
      ],
      "body": {
        "contentType": "application/json",
        "required": true,
        "schema": "#/paths/~1v1~1events/post/requestBody/content/application~1json/schema",
        "example": "#/components/examples/PublishOrderCreated/value"
      },
      "allParameters": {
        "title": "with the examples of header Idempotency-Key",
        "mutation": {
          "allParameters": true
        },
        "expect": [
          "202",
          "400",
          "401",
          "409",
          "413",
          "415",
          "422"
        ]
      }
    },
    {
      "operationId": "createSubscription",
      "method": "post",
      "path": "/v1/subscriptions",
      "pointer": "#/paths/~1v1~1subscriptions/post",
      "security": "bearer",
      "parameters": [],
      "responses": [
        {
          "status": "201",
          "pointer": "#/paths/~1v1~1subscriptions/post/responses/201"
        },
        {
          "status": "400",
          "pointer": "#/components/responses/BadRequest"
        },
        {
          "status": "401",
          "pointer": "#/components/responses/Unauthorized"
        },
        {
          "status": "413",
          "pointer": "#/components/responses/PayloadTooLarge"
        },
        {
          "status": "415",
          "pointer": "#/components/responses/UnsupportedMediaType"
        },
        {
          "status": "422",
          "pointer": "#/components/responses/UnprocessableEntity"
        }
      ],
      "accept": [
        "201"
      ],
      "negatives": [
        {
          "kind": "missing-credentials",
          "title": "without the Authorization header",
          "mutation": {
            "dropHeader": "authorization"
          },
          "expect": [
            "401"
          ]
        },
        {
          "kind": "missing-required-field",
          "title": "body without the required field /url",
          "mutation": {
            "removeBodyAt": "/url"
          },
          "expect": [
            "400",
            "422"
          ]
        },
        {
          "kind": "wrong-type",
          "title": "body /url of the wrong type (12345)",
          "mutation": {
            "setBodyAt": {
              "pointer": "/url",
              "value": 12345
            }
          },
          "expect": [
            "400",
            "422"
          ]
        },
        {
          "kind": "unsupported-media-type",
          "title": "the example body sent as text/plain",
          "mutation": {
            "contentType": "text/plain"
          },
          "expect": [
            "415"
          ]
        }
      ],
      "body": {
        "contentType": "application/json",
        "required": true,
        "schema": "#/paths/~1v1~1subscriptions/post/requestBody/content/application~1json/schema",
        "example": "#/paths/~1v1~1subscriptions/post/requestBody/content/application~1json/examples/orders/value"
      }
    },
    {
      "operationId": "getHealth",
      "method": "get",
      "path": "/healthz",
      "pointer": "#/paths/~1healthz/get",
      "security": "none",
      "parameters": [],
      "responses": [
        {
          "status": "200",
          "pointer": "#/paths/~1healthz/get/responses/200"
        },
        {
          "status": "4XX",
          "pointer": "#/components/responses/ClientError"
        }
      ],
      "accept": [
        "200"
      ],
      "negatives": []
    },
    {
      "operationId": "getMetrics",
      "method": "get",
      "path": "/metrics",
      "pointer": "#/paths/~1metrics/get",
      "security": "none",
      "parameters": [],
      "responses": [
        {
          "status": "200",
          "pointer": "#/paths/~1metrics/get/responses/200"
        },
        {
          "status": "4XX",
          "pointer": "#/components/responses/ClientError"
        }
      ],
      "accept": [
        "200"
      ],
      "negatives": []
    },
    {
      "operationId": "getReadiness",
      "method": "get",
      "path": "/readyz",
      "pointer": "#/paths/~1readyz/get",
      "security": "none",
      "parameters": [],
      "responses": [
        {
          "status": "200",
          "pointer": "#/paths/~1readyz/get/responses/200"
        },
        {
          "status": "4XX",
          "pointer": "#/components/responses/ClientError"
        },
        {
          "status": "503",
          "pointer": "#/components/responses/ServiceUnavailable"
        }
      ],
      "accept": [
        "200"
      ],
      "negatives": []
    },
    {
      "operationId": "listEventTypes",
      "method": "get",
      "path": "/v1/event-types",
      "pointer": "#/paths/~1v1~1event-types/get",
      "security": "bearer",
      "parameters": [
        {
          "name": "cursor",
          "in": "query",
          "required": false,
          "schema": "#/components/parameters/Cursor/schema",
          "example": "#/components/parameters/Cursor/examples/next/value"
        },
        {
          "name": "limit",
          "in": "query",
          "required": false,
          "schema": "#/components/parameters/Limit/schema",
          "example": "#/components/parameters/Limit/examples/small/value"
        }
      ],
      "responses": [
        {
          "status": "200",
          "pointer": "#/paths/~1v1~1event-types/get/responses/200"
        },
        {
          "status": "400",
          "pointer": "#/components/responses/BadRequest"
        },
        {
          "status": "401",
          "pointer": "#/components/responses/Unauthorized"
        }
      ],
      "accept": [
        "200"
      ],
      "negatives": [
        {
          "kind": "missing-credentials",
          "title": "without the Authorization header",
          "mutation": {
            "dropHeader": "authorization"
          },
          "expect": [
            "401"
          ]
        }
      ],
      "allParameters": {
        "title": "with the examples of query cursor, query limit",
        "mutation": {
          "allParameters": true
        },
        "expect": [
          "200",
          "400",
          "401"
        ]
      }
    },
    {
      "operationId": "listEvents",
      "method": "get",
      "path": "/v1/events",
      "pointer": "#/paths/~1v1~1events/get",
      "security": "bearer",
      "parameters": [
        {
          "name": "cursor",
          "in": "query",
          "required": false,
          "schema": "#/components/parameters/Cursor/schema",
          "example": "#/components/parameters/Cursor/examples/next/value"
        },
        {
          "name": "limit",
          "in": "query",
          "required": false,
          "schema": "#/components/parameters/Limit/schema",
          "example": "#/components/parameters/Limit/examples/small/value"
        },
        {
          "name": "since",
          "in": "query",
          "required": false,
          "schema": "#/paths/~1v1~1events/get/parameters/1/schema",
          "example": "#/paths/~1v1~1events/get/parameters/1/examples/lastDay/value"
        },
        {
          "name": "type",
          "in": "query",
          "required": false,
          "schema": "#/paths/~1v1~1events/get/parameters/0/schema",
          "example": "#/paths/~1v1~1events/get/parameters/0/examples/orders/value"
        }
      ],
      "responses": [
        {
          "status": "200",
          "pointer": "#/paths/~1v1~1events/get/responses/200"
        },
        {
          "status": "400",
          "pointer": "#/components/responses/BadRequest"
        },
        {
          "status": "401",
          "pointer": "#/components/responses/Unauthorized"
        }
      ],
      "accept": [
        "200"
      ],
      "negatives": [
        {
          "kind": "missing-credentials",
          "title": "without the Authorization header",
          "mutation": {
            "dropHeader": "authorization"
          },
          "expect": [
            "401"
          ]
        }
      ],
      "allParameters": {
        "title": "with the examples of query cursor, query limit, query since, query type",
        "mutation": {
          "allParameters": true
        },
        "expect": [
          "200",
          "400",
          "401"
        ]
      }
    },
    {
      "operationId": "listInbound",
      "method": "get",
      "path": "/v1/inbound",
      "pointer": "#/paths/~1v1~1inbound/get",
      "security": "bearer",
      "parameters": [
        {
          "name": "cursor",
          "in": "query",
          "required": false,
          "schema": "#/components/parameters/Cursor/schema",
          "example": "#/components/parameters/Cursor/examples/next/value"
        },
        {
          "name": "event_type",
          "in": "query",
          "required": false,
          "schema": "#/paths/~1v1~1inbound/get/parameters/1/schema",
          "example": "#/paths/~1v1~1inbound/get/parameters/1/examples/push/value"
        },
        {
          "name": "limit",
          "in": "query",
          "required": false,
          "schema": "#/components/parameters/Limit/schema",
          "example": "#/components/parameters/Limit/examples/small/value"
        },
        {
          "name": "provider",
          "in": "query",
          "required": false,
          "schema": "#/paths/~1v1~1inbound/get/parameters/0/schema",
          "example": "#/paths/~1v1~1inbound/get/parameters/0/examples/github/value"
        },
        {
          "name": "status",
          "in": "query",
          "required": false,
          "schema": "#/paths/~1v1~1inbound/get/parameters/2/schema",
          "example": "#/paths/~1v1~1inbound/get/parameters/2/examples/failed/value"
        }
      ],
      "responses": [
        {
          "status": "200",
          "pointer": "#/paths/~1v1~1inbound/get/responses/200"
        },
        {
          "status": "400",
          "pointer": "#/components/responses/BadRequest"
        },
        {
          "status": "401",
          "pointer": "#/components/responses/Unauthorized"
        }
      ],
      "accept": [
        "200"
      ],
      "negatives": [
        {
          "kind": "missing-credentials",
          "title": "without the Authorization header",
          "mutation": {
            "dropHeader": "authorization"
          },
          "expect": [
            "401"
          ]
        },
        {
          "kind": "unknown-enum",
          "title": "query provider=contract-unknown-value (not in its enum)",
          "mutation": {
            "setQuery": {
              "name": "provider",
              "value": "contract-unknown-value"
            }
          },
          "expect": [
            "400"
          ]
        }
      ],
      "allParameters": {
        "title": "with the examples of query cursor, query event_type, query limit, query provider, query status",
        "mutation": {
          "allParameters": true
        },
        "expect": [
          "200",
          "400",
          "401"
        ]
      }
    },
    {
      "operationId": "listInboundRefusals",
      "method": "get",
      "path": "/v1/inbound-refusals",
      "pointer": "#/paths/~1v1~1inbound-refusals/get",
      "security": "bearer",
      "parameters": [
        {
          "name": "cursor",
          "in": "query",
          "required": false,
          "schema": "#/components/parameters/Cursor/schema",
          "example": "#/components/parameters/Cursor/examples/next/value"
        },
        {
          "name": "limit",
          "in": "query",
          "required": false,
          "schema": "#/components/parameters/Limit/schema",
          "example": "#/components/parameters/Limit/examples/small/value"
        },
        {
          "name": "reason",
          "in": "query",
          "required": false,
          "schema": "#/paths/~1v1~1inbound-refusals/get/parameters/2/schema",
          "example": "#/paths/~1v1~1inbound-refusals/get/parameters/2/examples/badSignature/value"
        },
        {
          "name": "receiver",
          "in": "query",
          "required": false,
          "schema": "#/paths/~1v1~1inbound-refusals/get/parameters/1/schema",
          "example": "#/paths/~1v1~1inbound-refusals/get/parameters/1/examples/github/value"
        },
        {
          "name": "source",
          "in": "query",
          "required": false,
          "schema": "#/paths/~1v1~1inbound-refusals/get/parameters/0/schema",
          "example": "#/paths/~1v1~1inbound-refusals/get/parameters/0/examples/address/value"
        }
      ],
      "responses": [
        {
          "status": "200",
          "pointer": "#/paths/~1v1~1inbound-refusals/get/responses/200"
        },
        {
          "status": "400",
          "pointer": "#/components/responses/BadRequest"
        },
        {
          "status": "401",
          "pointer": "#/components/responses/Unauthorized"
        }
      ],
      "accept": [
        "200"
      ],
      "negatives": [
        {
          "kind": "missing-credentials",
          "title": "without the Authorization header",
          "mutation": {
            "dropHeader": "authorization"
          },
          "expect": [
            "401"
          ]
        }
      ],
      "allParameters": {
        "title": "with the examples of query cursor, query limit, query reason, query receiver, query source",
        "mutation": {
          "allParameters": true
        },
        "expect": [
          "200",
          "400",
          "401"
        ]
      }
    },
    {
      "operationId": "listSubscriptions",
      "method": "get",
      "path": "/v1/subscriptions",
      "pointer": "#/paths/~1v1~1subscriptions/get",
      "security": "bearer",
      "parameters": [
        {
          "name": "cursor",
          "in": "query",
          "required": false,
          "schema": "#/components/parameters/Cursor/schema",
          "example": "#/components/parameters/Cursor/examples/next/value"
        },
        {
          "name": "limit",
          "in": "query",
          "required": false,
          "schema": "#/components/parameters/Limit/schema",
          "example": "#/components/parameters/Limit/examples/small/value"
        }
      ],
      "responses": [
        {
          "status": "200",
          "pointer": "#/paths/~1v1~1subscriptions/get/responses/200"
        },
        {
          "status": "400",
          "pointer": "#/components/responses/BadRequest"
        },
        {
          "status": "401",
          "pointer": "#/components/responses/Unauthorized"
        }
      ],
      "accept": [
        "200"
      ],
      "negatives": [
        {
          "kind": "missing-credentials",
          "title": "without the Authorization header",
          "mutation": {
            "dropHeader": "authorization"
          },
          "expect": [
            "401"
          ]
        }
      ],
      "allParameters": {
        "title": "with the examples of query cursor, query limit",
        "mutation": {
          "allParameters": true
        },
        "expect": [
          "200",
          "400",
          "401"
        ]
      }
    },
    {
      "operationId": "listEventDeliveries",
      "method": "get",
      "path": "/v1/events/{id}/deliveries",
      "pointer": "#/paths/~1v1~1events~1{id}~1deliveries/get",
      "security": "bearer",
      "parameters": [
        {
          "name": "id",
          "in": "path",
          "required": true,
          "schema": "#/components/parameters/EventId/schema",
          "example": "#/components/parameters/EventId/examples/evt/value"
        },
        {
          "name": "cursor",
          "in": "query",
          "required": false,
          "schema": "#/components/parameters/Cursor/schema",
          "example": "#/components/parameters/Cursor/examples/next/value"
        },
        {
          "name": "limit",
          "in": "query",
          "required": false,
          "schema": "#/components/parameters/Limit/schema",
          "example": "#/components/parameters/Limit/examples/small/value"
        }
      ],
      "responses": [
        {
          "status": "200",
          "pointer": "#/paths/~1v1~1events~1{id}~1deliveries/get/responses/200"
        },
        {
          "status": "400",
          "pointer": "#/components/responses/BadRequest"
        },
        {
          "status": "401",
          "pointer": "#/components/responses/Unauthorized"
        },
        {
          "status": "404",
          "pointer": "#/components/responses/NotFound"
        }
      ],
      "accept": [
        "200",
        "404"
      ],
      "negatives": [
        {
          "kind": "missing-credentials",
          "title": "without the Authorization header",
          "mutation": {
            "dropHeader": "authorization"
          },
          "expect": [
            "401"
          ]
        },
        {
          "kind": "unknown-id",
          "title": "path parameters that name nothing",
          "mutation": {
            "unknownIds": true
          },
          "expect": [
            "404"
          ]
        }
      ],
      "allParameters": {
        "title": "with the examples of query cursor, query limit",
        "mutation": {
          "allParameters": true
        },
        "expect": [
          "200",
          "400",
          "401",
          "404"
        ]
      }
    },
    {
      "operationId": "getDelivery",
      "method": "get",
      "path": "/v1/deliveries/{id}",
      "pointer": "#/paths/~1v1~1deliveries~1{id}/get",
      "security": "bearer",
      "parameters": [
        {
          "name": "id",
          "in": "path",
          "required": true,
          "schema": "#/components/parameters/DeliveryId/schema",
          "example": "#/components/parameters/DeliveryId/examples/dlv/value"
        }
      ],
      "responses": [
        {
          "status": "200",
          "pointer": "#/paths/~1v1~1deliveries~1{id}/get/responses/200"
        },
        {
          "status": "400",
          "pointer": "#/components/responses/BadRequest"
        },
        {
          "status": "401",
          "pointer": "#/components/responses/Unauthorized"
        },
        {
          "status": "404",
          "pointer": "#/components/responses/NotFound"
        }
      ],
      "accept": [
        "200",
        "404"
      ],
      "negatives": [
        {
          "kind": "missing-credentials",
          "title": "without the Authorization header",
          "mutation": {
            "dropHeader": "authorization"
          },
          "expect": [
            "401"
          ]
        },
        {
          "kind": "unknown-id",
          "title": "path parameters that name nothing",
          "mutation": {
            "unknownIds": true
          },
          "expect": [
            "404"
          ]
        }
      ]
    },
    {
      "operationId": "getEventType",
      "method": "get",
      "path": "/v1/event-types/{name}",
      "pointer": "#/paths/~1v1~1event-types~1{name}/get",
      "security": "bearer",
      "parameters": [
        {
          "name": "name",
          "in": "path",
          "required": true,
          "schema": "#/paths/~1v1~1event-types~1{name}/get/parameters/0/schema",
          "example": "#/paths/~1v1~1event-types~1{name}/get/parameters/0/examples/push/value"
        }
      ],
      "responses": [
        {
          "status": "200",
          "pointer": "#/paths/~1v1~1event-types~1{name}/get/responses/200"
        },
        {
          "status": "400",
          "pointer": "#/components/responses/BadRequest"
        },
        {
          "status": "401",
          "pointer": "#/components/responses/Unauthorized"
        },
        {
          "status": "404",
          "pointer": "#/components/responses/NotFound"
        }
      ],
      "accept": [
        "200",
        "404"
      ],
      "negatives": [
        {
          "kind": "missing-credentials",
          "title": "without the Authorization header",
          "mutation": {
            "dropHeader": "authorization"
          },
          "expect": [
            "401"
          ]
        },
        {
          "kind": "unknown-id",
          "title": "path parameters that name nothing",
          "mutation": {
            "unknownIds": true
          },
          "expect": [
            "404"
          ]
        }
      ]
    },
    {
      "operationId": "getEvent",
      "method": "get",
      "path": "/v1/events/{id}",
      "pointer": "#/paths/~1v1~1events~1{id}/get",
      "security": "bearer",
      "parameters": [
        {
          "name": "id",
          "in": "path",
          "required": true,
          "schema": "#/components/parameters/EventId/schema",
          "example": "#/components/parameters/EventId/examples/evt/value"
        }
      ],
      "responses": [
        {
          "status": "200",
          "pointer": "#/paths/~1v1~1events~1{id}/get/responses/200"
        },
        {
          "status": "400",
          "pointer": "#/components/responses/BadRequest"
        },
        {
          "status": "401",
          "pointer": "#/components/responses/Unauthorized"
        },
        {
          "status": "404",
          "pointer": "#/components/responses/NotFound"
        }
      ],
      "accept": [
        "200",
        "404"
      ],
      "negatives": [
        {
          "kind": "missing-credentials",
          "title": "without the Authorization header",
          "mutation": {
            "dropHeader": "authorization"
          },
          "expect": [
            "401"
          ]
        },
        {
          "kind": "unknown-id",
          "title": "path parameters that name nothing",
          "mutation": {
            "unknownIds": true
          },
          "expect": [
            "404"
          ]
        }
      ]
    },
    {
      "operationId": "getInbound",
      "method": "get",
      "path": "/v1/inbound/{id}",
      "pointer": "#/paths/~1v1~1inbound~1{id}/get",
      "security": "bearer",
      "parameters": [
        {
          "name": "id",
          "in": "path",
          "required": true,
          "schema": "#/components/parameters/InboundId/schema",
          "example": "#/components/parameters/InboundId/examples/inbound/value"
        }
      ],
      "responses": [
        {
          "status": "200",
          "pointer": "#/paths/~1v1~1inbound~1{id}/get/responses/200"
        },
        {
          "status": "400",
          "pointer": "#/components/responses/BadRequest"
        },
        {
          "status": "401",
          "pointer": "#/components/responses/Unauthorized"
        },
        {
          "status": "404",
          "pointer": "#/components/responses/NotFound"
        }
      ],
      "accept": [
        "200",
        "404"
      ],
      "negatives": [
        {
          "kind": "missing-credentials",
          "title": "without the Authorization header",
          "mutation": {
            "dropHeader": "authorization"
          },
          "expect": [
            "401"
          ]
        },
        {
          "kind": "unknown-id",
          "title": "path parameters that name nothing",
          "mutation": {
            "unknownIds": true
          },
          "expect": [
            "404"
          ]
        }
      ]
    },
    {
      "operationId": "getSubscription",
      "method": "get",
      "path": "/v1/subscriptions/{id}",
      "pointer": "#/paths/~1v1~1subscriptions~1{id}/get",
      "security": "bearer",
      "parameters": [
        {
          "name": "id",
          "in": "path",
          "required": true,
          "schema": "#/components/parameters/SubscriptionId/schema",
          "example": "#/components/parameters/SubscriptionId/examples/sub/value"
        }
      ],
      "responses": [
        {
          "status": "200",
          "pointer": "#/components/responses/Subscription"
        },
        {
          "status": "400",
          "pointer": "#/components/responses/BadRequest"
        },
        {
          "status": "401",
          "pointer": "#/components/responses/Unauthorized"
        },
        {
          "status": "404",
          "pointer": "#/components/responses/NotFound"
        }
      ],
      "accept": [
        "200",
        "404"
      ],
      "negatives": [
        {
          "kind": "missing-credentials",
          "title": "without the Authorization header",
          "mutation": {
            "dropHeader": "authorization"
          },
          "expect": [
            "401"
          ]
        },
        {
          "kind": "unknown-id",
          "title": "path parameters that name nothing",
          "mutation": {
            "unknownIds": true
          },
          "expect": [
            "404"
          ]
        }
      ]
    },
    {
      "operationId": "retryDelivery",
      "method": "post",
      "path": "/v1/deliveries/{id}/retry",
      "pointer": "#/paths/~1v1~1deliveries~1{id}~1retry/post",
      "security": "bearer",
      "parameters": [
        {
          "name": "id",
          "in": "path",
          "required": true,
          "schema": "#/components/parameters/DeliveryId/schema",
          "example": "#/components/parameters/DeliveryId/examples/dlv/value"
        }
      ],
      "responses": [
        {
          "status": "202",
          "pointer": "#/paths/~1v1~1deliveries~1{id}~1retry/post/responses/202"
        },
        {
          "status": "400",
          "pointer": "#/components/responses/BadRequest"
        },
        {
          "status": "401",
          "pointer": "#/components/responses/Unauthorized"
        },
        {
          "status": "404",
          "pointer": "#/components/responses/NotFound"
        },
        {
          "status": "409",
          "pointer": "#/components/responses/Conflict"
        },
        {
          "status": "422",
          "pointer": "#/components/responses/UnprocessableEntity"
        }
      ],
      "accept": [
        "202",
        "404",
        "409"
      ],
      "negatives": [
        {
          "kind": "missing-credentials",
          "title": "without the Authorization header",
          "mutation": {
            "dropHeader": "authorization"
          },
          "expect": [
            "401"
          ]
        },
        {
          "kind": "unknown-id",
          "title": "path parameters that name nothing",
          "mutation": {
            "unknownIds": true
          },
          "expect": [
            "404"
          ]
        }
      ]
    },
    {
      "operationId": "replayInbound",
      "method": "post",
      "path": "/v1/inbound/{id}/replay",
      "pointer": "#/paths/~1v1~1inbound~1{id}~1replay/post",
      "security": "bearer",
      "parameters": [
        {
          "name": "id",
          "in": "path",
          "required": true,
          "schema": "#/components/parameters/InboundId/schema",
          "example": "#/components/parameters/InboundId/examples/inbound/value"
        }
      ],
      "responses": [
        {
          "status": "202",
          "pointer": "#/paths/~1v1~1inbound~1{id}~1replay/post/responses/202"
        },
        {
          "status": "400",
          "pointer": "#/components/responses/BadRequest"
        },
        {
          "status": "401",
          "pointer": "#/components/responses/Unauthorized"
        },
        {
          "status": "404",
          "pointer": "#/components/responses/NotFound"
        },
        {
          "status": "409",
          "pointer": "#/components/responses/Conflict"
        },
        {
          "status": "422",
          "pointer": "#/components/responses/UnprocessableEntity"
        }
      ],
      "accept": [
        "202",
        "404",
        "409"
      ],
      "negatives": [
        {
          "kind": "missing-credentials",
          "title": "without the Authorization header",
          "mutation": {
            "dropHeader": "authorization"
          },
          "expect": [
            "401"
          ]
        },
        {
          "kind": "unknown-id",
          "title": "path parameters that name nothing",
          "mutation": {
            "unknownIds": true
          },
          "expect": [
            "404"
          ]
        }
      ]
    },
    {
      "operationId": "updateSubscription",
      "method": "patch",
      "path": "/v1/subscriptions/{id}",
      "pointer": "#/paths/~1v1~1subscriptions~1{id}/patch",
      "security": "bearer",
      "parameters": [
        {
          "name": "id",
          "in": "path",
          "required": true,
          "schema": "#/components/parameters/SubscriptionId/schema",
          "example": "#/components/parameters/SubscriptionId/examples/sub/value"
        }
      ],
      "responses": [
        {
          "status": "200",
          "pointer": "#/components/responses/Subscription"
        },
        {
          "status": "400",
          "pointer": "#/components/responses/BadRequest"
        },
        {
          "status": "401",
          "pointer": "#/components/responses/Unauthorized"
        },
        {
          "status": "404",
          "pointer": "#/components/responses/NotFound"
        },
        {
          "status": "413",
          "pointer": "#/components/responses/PayloadTooLarge"
        },
        {
          "status": "415",
          "pointer": "#/components/responses/UnsupportedMediaType"
        },
        {
          "status": "422",
          "pointer": "#/components/responses/UnprocessableEntity"
        }
      ],
      "accept": [
        "200",
        "404"
      ],
      "negatives": [
        {
          "kind": "missing-credentials",
          "title": "without the Authorization header",
          "mutation": {
            "dropHeader": "authorization"
          },
          "expect": [
            "401"
          ]
        },
        {
          "kind": "wrong-type",
          "title": "body /status of the wrong type (12345)",
          "mutation": {
            "setBodyAt": {
              "pointer": "/status",
              "value": 12345
            }
          },
          "expect": [
            "400",
            "422"
          ]
        },
        {
          "kind": "unknown-enum",
          "title": "body /status = \"contract-unknown-value\" (not in its enum)",
          "mutation": {
            "setBodyAt": {
              "pointer": "/status",
              "value": "contract-unknown-value"
            }
          },
          "expect": [
            "400",
            "422"
          ]
        },
        {
          "kind": "unsupported-media-type",
          "title": "the example body sent as text/plain",
          "mutation": {
            "contentType": "text/plain"
          },
          "expect": [
            "415"
          ]
        },
        {
          "kind": "unknown-id",
          "title": "path parameters that name nothing",
          "mutation": {
            "unknownIds": true
          },
          "expect": [
            "404"
          ]
        }
      ],
      "body": {
        "contentType": "application/json",
        "required": true,
        "schema": "#/paths/~1v1~1subscriptions~1{id}/patch/requestBody/content/application~1json/schema",
        "example": "#/paths/~1v1~1subscriptions~1{id}/patch/requestBody/content/application~1json/examples/reenable/value"
      }
    },
    {
      "operationId": "recoverSubscription",
      "method": "post",
      "path": "/v1/subscriptions/{id}/recover",
      "pointer": "#/paths/~1v1~1subscriptions~1{id}~1recover/post",
      "security": "bearer",
      "parameters": [
        {
          "name": "id",
          "in": "path",
          "required": true,
          "schema": "#/components/parameters/SubscriptionId/schema",
          "example": "#/components/parameters/SubscriptionId/examples/sub/value"
        }
      ],
      "responses": [
        {
          "status": "202",
          "pointer": "#/paths/~1v1~1subscriptions~1{id}~1recover/post/responses/202"
        },
        {
          "status": "400",
          "pointer": "#/components/responses/BadRequest"
        },
        {
          "status": "401",
          "pointer": "#/components/responses/Unauthorized"
        },
        {
          "status": "404",
          "pointer": "#/components/responses/NotFound"
        },
        {
          "status": "409",
          "pointer": "#/components/responses/Conflict"
        },
        {
          "status": "413",
          "pointer": "#/components/responses/PayloadTooLarge"
        },
        {
          "status": "415",
          "pointer": "#/components/responses/UnsupportedMediaType"
        },
        {
          "status": "422",
          "pointer": "#/components/responses/UnprocessableEntity"
        }
      ],
      "accept": [
        "202",
        "404",
        "409"
      ],
      "negatives": [
        {
          "kind": "missing-credentials",
          "title": "without the Authorization header",
          "mutation": {
            "dropHeader": "authorization"
          },
          "expect": [
            "401"
          ]
        },
        {
          "kind": "missing-required-field",
          "title": "body without the required field /since",
          "mutation": {
            "removeBodyAt": "/since"
          },
          "expect": [
            "400",
            "422"
          ]
        },
        {
          "kind": "wrong-type",
          "title": "body /since of the wrong type (12345)",
          "mutation": {
            "setBodyAt": {
              "pointer": "/since",
              "value": 12345
            }
          },
          "expect": [
            "400",
            "422"
          ]
        },
        {
          "kind": "unsupported-media-type",
          "title": "the example body sent as text/plain",
          "mutation": {
            "contentType": "text/plain"
          },
          "expect": [
            "415"
          ]
        },
        {
          "kind": "unknown-id",
          "title": "path parameters that name nothing",
          "mutation": {
            "unknownIds": true
          },
          "expect": [
            "404"
          ]
        }
      ],
      "body": {
        "contentType": "application/json",
        "required": true,
        "schema": "#/paths/~1v1~1subscriptions~1{id}~1recover/post/requestBody/content/application~1json/schema",
        "example": "#/paths/~1v1~1subscriptions~1{id}~1recover/post/requestBody/content/application~1json/examples/lastDay/value"
      }
    },
    {
      "operationId": "rotateSubscriptionSecret",
      "method": "post",
      "path": "/v1/subscriptions/{id}/rotate-secret",
      "pointer": "#/paths/~1v1~1subscriptions~1{id}~1rotate-secret/post",
      "security": "bearer",
      "parameters": [
        {
          "name": "id",
          "in": "path",
          "required": true,
          "schema": "#/components/parameters/SubscriptionId/schema",
          "example": "#/components/parameters/SubscriptionId/examples/sub/value"
        }
      ],
      "responses": [
        {
          "status": "200",
          "pointer": "#/paths/~1v1~1subscriptions~1{id}~1rotate-secret/post/responses/200"
        },
        {
          "status": "400",
          "pointer": "#/components/responses/BadRequest"
        },
        {
          "status": "401",
          "pointer": "#/components/responses/Unauthorized"
        },
        {
          "status": "404",
          "pointer": "#/components/responses/NotFound"
        },
        {
          "status": "413",
          "pointer": "#/components/responses/PayloadTooLarge"
        },
        {
          "status": "415",
          "pointer": "#/components/responses/UnsupportedMediaType"
        },
        {
          "status": "422",
          "pointer": "#/components/responses/UnprocessableEntity"
        }
      ],
      "accept": [
        "200",
        "404"
      ],
      "negatives": [
        {
          "kind": "missing-credentials",
          "title": "without the Authorization header",
          "mutation": {
            "dropHeader": "authorization"
          },
          "expect": [
            "401"
          ]
        },
        {
          "kind": "unsupported-media-type",
          "title": "the example body sent as text/plain",
          "mutation": {
            "contentType": "text/plain"
          },
          "expect": [
            "415"
          ]
        },
        {
          "kind": "unknown-id",
          "title": "path parameters that name nothing",
          "mutation": {
            "unknownIds": true
          },
          "expect": [
            "404"
          ]
        }
      ],
      "body": {
        "contentType": "application/json",
        "required": false,
        "schema": "#/paths/~1v1~1subscriptions~1{id}~1rotate-secret/post/requestBody/content/application~1json/schema",
        "example": "#/paths/~1v1~1subscriptions~1{id}~1rotate-secret/post/requestBody/content/application~1json/examples/generated/value"
      }
    },
    {
      "operationId": "testSubscription",
      "method": "post",
      "path": "/v1/subscriptions/{id}/test",
      "pointer": "#/paths/~1v1~1subscriptions~1{id}~1test/post",
      "security": "bearer",
      "parameters": [
        {
          "name": "id",
          "in": "path",
          "required": true,
          "schema": "#/components/parameters/SubscriptionId/schema",
          "example": "#/components/parameters/SubscriptionId/examples/sub/value"
        }
      ],
      "responses": [
        {
          "status": "202",
          "pointer": "#/paths/~1v1~1subscriptions~1{id}~1test/post/responses/202"
        },
        {
          "status": "400",
          "pointer": "#/components/responses/BadRequest"
        },
        {
          "status": "401",
          "pointer": "#/components/responses/Unauthorized"
        },
        {
          "status": "404",
          "pointer": "#/components/responses/NotFound"
        },
        {
          "status": "409",
          "pointer": "#/components/responses/Conflict"
        },
        {
          "status": "422",
          "pointer": "#/components/responses/UnprocessableEntity"
        }
      ],
      "accept": [
        "202",
        "404",
        "409"
      ],
      "negatives": [
        {
          "kind": "missing-credentials",
          "title": "without the Authorization header",
          "mutation": {
            "dropHeader": "authorization"
          },
          "expect": [
            "401"
          ]
        },
        {
          "kind": "unknown-id",
          "title": "path parameters that name nothing",
          "mutation": {
            "unknownIds": true
          },
          "expect": [
            "404"
          ]
        }
      ]
    },
    {
      "operationId": "deleteSubscription",
      "method": "delete",
      "path": "/v1/subscriptions/{id}",
      "pointer": "#/paths/~1v1~1subscriptions~1{id}/delete",
      "security": "bearer",
      "parameters": [
        {
          "name": "id",
          "in": "path",
          "required": true,
          "schema": "#/components/parameters/SubscriptionId/schema",
          "example": "#/components/parameters/SubscriptionId/examples/sub/value"
        }
      ],
      "responses": [
        {
          "status": "204",
          "pointer": "#/paths/~1v1~1subscriptions~1{id}/delete/responses/204"
        },
        {
          "status": "400",
          "pointer": "#/components/responses/BadRequest"
        },
        {
          "status": "401",
          "pointer": "#/components/responses/Unauthorized"
        },
        {
          "status": "404",
          "pointer": "#/components/responses/NotFound"
        }
      ],
      "accept": [
        "204",
        "404"
      ],
      "negatives": [
        {
          "kind": "missing-credentials",
          "title": "without the Authorization header",
          "mutation": {
            "dropHeader": "authorization"
          },
          "expect": [
            "401"
          ]
        },
        {
          "kind": "unknown-id",
          "title": "path parameters that name nothing",
          "mutation": {
            "unknownIds": true
          },
          "expect": [
            "404"
          ]
        }
      ]
    }
  ],
  "webhooks": [
    {
      "name": "delivery.exhausted",
      "operationId": "deliveryExhausted",
      "pointer": "#/webhooks/delivery.exhausted/post",
      "schema": "#/webhooks/delivery.exhausted/post/requestBody/content/application~1json/schema",
      "example": "#/webhooks/delivery.exhausted/post/requestBody/content/application~1json/examples/dead/value",
      "envelope": true,
      "headers": [
        {
          "name": "webhook-id",
          "in": "header",
          "required": true,
          "schema": "#/components/parameters/WebhookId/schema",
          "example": "#/components/parameters/WebhookId/examples/id/value"
        },
        {
          "name": "webhook-signature",
          "in": "header",
          "required": true,
          "schema": "#/components/parameters/WebhookSignature/schema",
          "example": "#/components/parameters/WebhookSignature/examples/one/value"
        },
        {
          "name": "webhook-timestamp",
          "in": "header",
          "required": true,
          "schema": "#/components/parameters/WebhookTimestamp/schema",
          "example": "#/components/parameters/WebhookTimestamp/examples/now/value"
        }
      ],
      "system": true
    },
    {
      "name": "github.issues",
      "operationId": "githubIssues",
      "pointer": "#/webhooks/github.issues/post",
      "schema": "#/webhooks/github.issues/post/requestBody/content/application~1json/schema",
      "example": "#/components/examples/GithubIssuesEnvelope/value",
      "envelope": true,
      "headers": [
        {
          "name": "webhook-id",
          "in": "header",
          "required": true,
          "schema": "#/components/parameters/WebhookId/schema",
          "example": "#/components/parameters/WebhookId/examples/id/value"
        },
        {
          "name": "webhook-signature",
          "in": "header",
          "required": true,
          "schema": "#/components/parameters/WebhookSignature/schema",
          "example": "#/components/parameters/WebhookSignature/examples/one/value"
        },
        {
          "name": "webhook-timestamp",
          "in": "header",
          "required": true,
          "schema": "#/components/parameters/WebhookTimestamp/schema",
          "example": "#/components/parameters/WebhookTimestamp/examples/now/value"
        }
      ],
      "system": false
    },
    {
      "name": "github.pull_request",
      "operationId": "githubPullRequest",
      "pointer": "#/webhooks/github.pull_request/post",
      "schema": "#/webhooks/github.pull_request/post/requestBody/content/application~1json/schema",
      "example": "#/components/examples/GithubPullRequestEnvelope/value",
      "envelope": true,
      "headers": [
        {
          "name": "webhook-id",
          "in": "header",
          "required": true,
          "schema": "#/components/parameters/WebhookId/schema",
          "example": "#/components/parameters/WebhookId/examples/id/value"
        },
        {
          "name": "webhook-signature",
          "in": "header",
          "required": true,
          "schema": "#/components/parameters/WebhookSignature/schema",
          "example": "#/components/parameters/WebhookSignature/examples/one/value"
        },
        {
          "name": "webhook-timestamp",
          "in": "header",
          "required": true,
          "schema": "#/components/parameters/WebhookTimestamp/schema",
          "example": "#/components/parameters/WebhookTimestamp/examples/now/value"
        }
      ],
      "system": false
    },
    {
      "name": "github.push",
      "operationId": "githubPush",
      "pointer": "#/webhooks/github.push/post",
      "schema": "#/webhooks/github.push/post/requestBody/content/application~1json/schema",
      "example": "#/components/examples/GithubPushEnvelope/value",
      "envelope": true,
      "headers": [
        {
          "name": "webhook-id",
          "in": "header",
          "required": true,
          "schema": "#/components/parameters/WebhookId/schema",
          "example": "#/components/parameters/WebhookId/examples/id/value"
        },
        {
          "name": "webhook-signature",
          "in": "header",
          "required": true,
          "schema": "#/components/parameters/WebhookSignature/schema",
          "example": "#/components/parameters/WebhookSignature/examples/one/value"
        },
        {
          "name": "webhook-timestamp",
          "in": "header",
          "required": true,
          "schema": "#/components/parameters/WebhookTimestamp/schema",
          "example": "#/components/parameters/WebhookTimestamp/examples/now/value"
        }
      ],
      "system": false
    },
    {
      "name": "order.created",
      "operationId": "orderCreated",
      "pointer": "#/webhooks/order.created/post",
      "schema": "#/webhooks/order.created/post/requestBody/content/application~1json/schema",
      "example": "#/components/examples/OrderCreatedEnvelope/value",
      "envelope": true,
      "headers": [
        {
          "name": "webhook-id",
          "in": "header",
          "required": true,
          "schema": "#/components/parameters/WebhookId/schema",
          "example": "#/components/parameters/WebhookId/examples/id/value"
        },
        {
          "name": "webhook-signature",
          "in": "header",
          "required": true,
          "schema": "#/components/parameters/WebhookSignature/schema",
          "example": "#/components/parameters/WebhookSignature/examples/one/value"
        },
        {
          "name": "webhook-timestamp",
          "in": "header",
          "required": true,
          "schema": "#/components/parameters/WebhookTimestamp/schema",
          "example": "#/components/parameters/WebhookTimestamp/examples/now/value"
        }
      ],
      "system": false
    },
    {
      "name": "ping",
      "operationId": "ping",
      "pointer": "#/webhooks/ping/post",
      "schema": "#/webhooks/ping/post/requestBody/content/application~1json/schema",
      "example": "#/webhooks/ping/post/requestBody/content/application~1json/examples/hello/value",
      "envelope": true,
      "headers": [
        {
          "name": "webhook-id",
          "in": "header",
          "required": true,
          "schema": "#/components/parameters/WebhookId/schema",
          "example": "#/components/parameters/WebhookId/examples/id/value"
        },
        {
          "name": "webhook-signature",
          "in": "header",
          "required": true,
          "schema": "#/components/parameters/WebhookSignature/schema",
          "example": "#/components/parameters/WebhookSignature/examples/one/value"
        },
        {
          "name": "webhook-timestamp",
          "in": "header",
          "required": true,
          "schema": "#/components/parameters/WebhookTimestamp/schema",
          "example": "#/components/parameters/WebhookTimestamp/examples/now/value"
        }
      ],
      "system": false
    },
    {
      "name": "slack.command",
      "operationId": "slackCommand",
      "pointer": "#/webhooks/slack.command/post",
      "schema": "#/webhooks/slack.command/post/requestBody/content/application~1json/schema",
      "example": "#/components/examples/SlackCommandEnvelope/value",
      "envelope": true,
      "headers": [
        {
          "name": "webhook-id",
          "in": "header",
          "required": true,
          "schema": "#/components/parameters/WebhookId/schema",
          "example": "#/components/parameters/WebhookId/examples/id/value"
        },
        {
          "name": "webhook-signature",
          "in": "header",
          "required": true,
          "schema": "#/components/parameters/WebhookSignature/schema",
          "example": "#/components/parameters/WebhookSignature/examples/one/value"
        },
        {
          "name": "webhook-timestamp",
          "in": "header",
          "required": true,
          "schema": "#/components/parameters/WebhookTimestamp/schema",
          "example": "#/components/parameters/WebhookTimestamp/examples/now/value"
        }
      ],
      "system": false
    },
    {
      "name": "slack.interaction",
      "operationId": "slackInteraction",
      "pointer": "#/webhooks/slack.interaction/post",
      "schema": "#/webhooks/slack.interaction/post/requestBody/content/application~1json/schema",
      "example": "#/components/examples/SlackBlockActionsEnvelope/value",
      "envelope": true,
      "headers": [
        {
          "name": "webhook-id",
          "in": "header",
          "required": true,
          "schema": "#/components/parameters/WebhookId/schema",
          "example": "#/components/parameters/WebhookId/examples/id/value"
        },
        {
          "name": "webhook-signature",
          "in": "header",
          "required": true,
          "schema": "#/components/parameters/WebhookSignature/schema",
          "example": "#/components/parameters/WebhookSignature/examples/one/value"
        },
        {
          "name": "webhook-timestamp",
          "in": "header",
          "required": true,
          "schema": "#/components/parameters/WebhookTimestamp/schema",
          "example": "#/components/parameters/WebhookTimestamp/examples/now/value"
        }
      ],
      "system": false
    },
    {
      "name": "slack.message",
      "operationId": "slackMessage",
      "pointer": "#/webhooks/slack.message/post",
      "schema": "#/webhooks/slack.message/post/requestBody/content/application~1json/schema",
      "example": "#/components/examples/SlackMessageEventCallbackEnvelope/value",
      "envelope": true,
      "headers": [
        {
          "name": "webhook-id",
          "in": "header",
          "required": true,
          "schema": "#/components/parameters/WebhookId/schema",
          "example": "#/components/parameters/WebhookId/examples/id/value"
        },
        {
          "name": "webhook-signature",
          "in": "header",
          "required": true,
          "schema": "#/components/parameters/WebhookSignature/schema",
          "example": "#/components/parameters/WebhookSignature/examples/one/value"
        },
        {
          "name": "webhook-timestamp",
          "in": "header",
          "required": true,
          "schema": "#/components/parameters/WebhookTimestamp/schema",
          "example": "#/components/parameters/WebhookTimestamp/examples/now/value"
        }
      ],
      "system": false
    },
    {
      "name": "stripe.charge.failed",
      "operationId": "stripeChargeFailed",
      "pointer": "#/webhooks/stripe.charge.failed/post",
      "schema": "#/webhooks/stripe.charge.failed/post/requestBody/content/application~1json/schema",
      "example": "#/components/examples/StripeChargeFailedEventEnvelope/value",
      "envelope": true,
      "headers": [
        {
          "name": "webhook-id",
          "in": "header",
          "required": true,
          "schema": "#/components/parameters/WebhookId/schema",
          "example": "#/components/parameters/WebhookId/examples/id/value"
        },
        {
          "name": "webhook-signature",
          "in": "header",
          "required": true,
          "schema": "#/components/parameters/WebhookSignature/schema",
          "example": "#/components/parameters/WebhookSignature/examples/one/value"
        },
        {
          "name": "webhook-timestamp",
          "in": "header",
          "required": true,
          "schema": "#/components/parameters/WebhookTimestamp/schema",
          "example": "#/components/parameters/WebhookTimestamp/examples/now/value"
        }
      ],
      "system": false
    },
    {
      "name": "stripe.charge.succeeded",
      "operationId": "stripeChargeSucceeded",
      "pointer": "#/webhooks/stripe.charge.succeeded/post",
      "schema": "#/webhooks/stripe.charge.succeeded/post/requestBody/content/application~1json/schema",
      "example": "#/components/examples/StripeChargeSucceededEventEnvelope/value",
      "envelope": true,
      "headers": [
        {
          "name": "webhook-id",
          "in": "header",
          "required": true,
          "schema": "#/components/parameters/WebhookId/schema",
          "example": "#/components/parameters/WebhookId/examples/id/value"
        },
        {
          "name": "webhook-signature",
          "in": "header",
          "required": true,
          "schema": "#/components/parameters/WebhookSignature/schema",
          "example": "#/components/parameters/WebhookSignature/examples/one/value"
        },
        {
          "name": "webhook-timestamp",
          "in": "header",
          "required": true,
          "schema": "#/components/parameters/WebhookTimestamp/schema",
          "example": "#/components/parameters/WebhookTimestamp/examples/now/value"
        }
      ],
      "system": false
    },
    {
      "name": "stripe.payment_intent.payment_failed",
      "operationId": "stripePaymentIntentPaymentFailed",
      "pointer": "#/webhooks/stripe.payment_intent.payment_failed/post",
      "schema": "#/webhooks/stripe.payment_intent.payment_failed/post/requestBody/content/application~1json/schema",
      "example": "#/components/examples/StripePaymentIntentFailedEventEnvelope/value",
      "envelope": true,
      "headers": [
        {
          "name": "webhook-id",
          "in": "header",
          "required": true,
          "schema": "#/components/parameters/WebhookId/schema",
          "example": "#/components/parameters/WebhookId/examples/id/value"
        },
        {
          "name": "webhook-signature",
          "in": "header",
          "required": true,
          "schema": "#/components/parameters/WebhookSignature/schema",
          "example": "#/components/parameters/WebhookSignature/examples/one/value"
        },
        {
          "name": "webhook-timestamp",
          "in": "header",
          "required": true,
          "schema": "#/components/parameters/WebhookTimestamp/schema",
          "example": "#/components/parameters/WebhookTimestamp/examples/now/value"
        }
      ],
      "system": false
    },
    {
      "name": "stripe.payment_intent.succeeded",
      "operationId": "stripePaymentIntentSucceeded",
      "pointer": "#/webhooks/stripe.payment_intent.succeeded/post",
      "schema": "#/webhooks/stripe.payment_intent.succeeded/post/requestBody/content/application~1json/schema",
      "example": "#/components/examples/StripePaymentIntentSucceededEventEnvelope/value",
      "envelope": true,
      "headers": [
        {
          "name": "webhook-id",
          "in": "header",
          "required": true,
          "schema": "#/components/parameters/WebhookId/schema",
          "example": "#/components/parameters/WebhookId/examples/id/value"
        },
        {
          "name": "webhook-signature",
          "in": "header",
          "required": true,
          "schema": "#/components/parameters/WebhookSignature/schema",
          "example": "#/components/parameters/WebhookSignature/examples/one/value"
        },
        {
          "name": "webhook-timestamp",
          "in": "header",
          "required": true,
          "schema": "#/components/parameters/WebhookTimestamp/schema",
          "example": "#/components/parameters/WebhookTimestamp/examples/now/value"
        }
      ],
      "system": false
    },
    {
      "name": "subscription.disabled",
      "operationId": "subscriptionDisabled",
      "pointer": "#/webhooks/subscription.disabled/post",
      "schema": "#/webhooks/subscription.disabled/post/requestBody/content/application~1json/schema",
      "example": "#/webhooks/subscription.disabled/post/requestBody/content/application~1json/examples/gone/value",
      "envelope": true,
      "headers": [
        {
          "name": "webhook-id",
          "in": "header",
          "required": true,
          "schema": "#/components/parameters/WebhookId/schema",
          "example": "#/components/parameters/WebhookId/examples/id/value"
        },
        {
          "name": "webhook-signature",
          "in": "header",
          "required": true,
          "schema": "#/components/parameters/WebhookSignature/schema",
          "example": "#/components/parameters/WebhookSignature/examples/one/value"
        },
        {
          "name": "webhook-timestamp",
          "in": "header",
          "required": true,
          "schema": "#/components/parameters/WebhookTimestamp/schema",
          "example": "#/components/parameters/WebhookTimestamp/examples/now/value"
        }
      ],
      "system": true
    }
  ],
  "examples": [
    {
      "owner": "getHealth",
      "site": "#/paths/~1healthz/get/responses/200/content/application~1json/examples/ok",
      "value": "#/paths/~1healthz/get/responses/200/content/application~1json/examples/ok/value",
      "schema": "#/paths/~1healthz/get/responses/200/content/application~1json/schema"
    },
    {
      "owner": "getHealth",
      "site": "#/components/responses/ClientError/content/application~1problem+json/examples/notFound",
      "value": "#/components/responses/ClientError/content/application~1problem+json/examples/notFound/value",
      "schema": "#/components/responses/ClientError/content/application~1problem+json/schema"
    },
    {
      "owner": "getMetrics",
      "site": "#/paths/~1metrics/get/responses/200/content/text~1plain/examples/sample",
      "value": "#/paths/~1metrics/get/responses/200/content/text~1plain/examples/sample/value",
      "schema": "#/paths/~1metrics/get/responses/200/content/text~1plain/schema"
    },
    {
      "owner": "getReadiness",
      "site": "#/paths/~1readyz/get/responses/200/content/application~1json/examples/ready",
      "value": "#/paths/~1readyz/get/responses/200/content/application~1json/examples/ready/value",
      "schema": "#/paths/~1readyz/get/responses/200/content/application~1json/schema"
    },
    {
      "owner": "getReadiness",
      "site": "#/components/responses/ServiceUnavailable/content/application~1problem+json/examples/notConfigured",
      "value": "#/components/responses/ServiceUnavailable/content/application~1problem+json/examples/notConfigured/value",
      "schema": "#/components/responses/ServiceUnavailable/content/application~1problem+json/schema"
    },
    {
      "owner": "getReadiness",
      "site": "#/components/headers/RetryAfter/examples/thirty",
      "value": "#/components/headers/RetryAfter/examples/thirty/value",
      "schema": "#/components/headers/RetryAfter/schema"
    },
    {
      "owner": "getDelivery",
      "site": "#/components/parameters/DeliveryId/examples/dlv",
      "value": "#/components/parameters/DeliveryId/examples/dlv/value",
      "schema": "#/components/parameters/DeliveryId/schema"
    },
    {
      "owner": "getDelivery",
      "site": "#/paths/~1v1~1deliveries~1{id}/get/responses/200/content/application~1json/examples/retrying",
      "value": "#/components/examples/Delivery/value",
      "schema": "#/paths/~1v1~1deliveries~1{id}/get/responses/200/content/application~1json/schema"
    },
    {
      "owner": "getDelivery",
      "site": "#/components/responses/BadRequest/content/application~1problem+json/examples/missingHeaders",
      "value": "#/components/responses/BadRequest/content/application~1problem+json/examples/missingHeaders/value",
      "schema": "#/components/responses/BadRequest/content/application~1problem+json/schema"
    },
    {
      "owner": "getDelivery",
      "site": "#/components/responses/BadRequest/content/application~1problem+json/examples/repeatedHeaders",
      "value": "#/components/responses/BadRequest/content/application~1problem+json/examples/repeatedHeaders/value",
      "schema": "#/components/responses/BadRequest/content/application~1problem+json/schema"
    },
    {
      "owner": "getDelivery",
      "site": "#/components/responses/BadRequest/content/application~1problem+json/examples/deliveryIdentity",
      "value": "#/components/responses/BadRequest/content/application~1problem+json/examples/deliveryIdentity/value",
      "schema": "#/components/responses/BadRequest/content/application~1problem+json/schema"
    },
    {
      "owner": "getDelivery",
      "site": "#/components/responses/BadRequest/content/application~1problem+json/examples/jsonTooDeep",
      "value": "#/components/responses/BadRequest/content/application~1problem+json/examples/jsonTooDeep/value",
      "schema": "#/components/responses/BadRequest/content/application~1problem+json/schema"
    },
    {
      "owner": "getDelivery",
      "site": "#/components/responses/BadRequest/content/application~1problem+json/examples/nulCharacter",
      "value": "#/components/responses/BadRequest/content/application~1problem+json/examples/nulCharacter/value",
      "schema": "#/components/responses/BadRequest/content/application~1problem+json/schema"
    },
    {
      "owner": "getDelivery",
      "site": "#/components/responses/Unauthorized/content/application~1problem+json/examples/missingKey",
      "value": "#/components/responses/Unauthorized/content/application~1problem+json/examples/missingKey/value",
      "schema": "#/components/responses/Unauthorized/content/application~1problem+json/schema"
    },
    {
      "owner": "getDelivery",
      "site": "#/components/responses/NotFound/content/application~1problem+json/examples/notFound",
      "value": "#/components/responses/NotFound/content/application~1problem+json/examples/notFound/value",
      "schema": "#/components/responses/NotFound/content/application~1problem+json/schema"
    },
    {
      "owner": "retryDelivery",
      "site": "#/paths/~1v1~1deliveries~1{id}~1retry/post/responses/202/content/application~1json/examples/queued",
      "value": "#/components/examples/Delivery/value",
      "schema": "#/paths/~1v1~1deliveries~1{id}~1retry/post/responses/202/content/application~1json/schema"
    },
    {
      "owner": "retryDelivery",
      "site": "#/components/responses/Conflict/content/application~1problem+json/examples/idempotencyKeyReused",
      "value": "#/components/responses/Conflict/content/application~1problem+json/examples/idempotencyKeyReused/value",
      "schema": "#/components/responses/Conflict/content/application~1problem+json/schema"
    },
    {
      "owner": "retryDelivery",
      "site": "#/components/responses/UnprocessableEntity/content/application~1problem+json/examples/validation",
      "value": "#/components/responses/UnprocessableEntity/content/application~1problem+json/examples/validation/value",
      "schema": "#/components/responses/UnprocessableEntity/content/application~1problem+json/schema"
    },
    {
      "owner": "retryDelivery",
      "site": "#/components/responses/UnprocessableEntity/content/application~1problem+json/examples/payloadInvalid",
      "value": "#/components/responses/UnprocessableEntity/content/application~1problem+json/examples/payloadInvalid/value",
      "schema": "#/components/responses/UnprocessableEntity/content/application~1problem+json/schema"
    },
    {
      "owner": "retryDelivery",
      "site": "#/components/responses/UnprocessableEntity/content/application~1problem+json/examples/unsafeInteger",
      "value": "#/components/responses/UnprocessableEntity/content/application~1problem+json/examples/unsafeInteger/value",
      "schema": "#/components/responses/UnprocessableEntity/content/application~1problem+json/schema"
    },
    {
      "owner": "retryDelivery",
      "site": "#/components/responses/UnprocessableEntity/content/application~1problem+json/examples/unknownEventType",
      "value": "#/components/responses/UnprocessableEntity/content/application~1problem+json/examples/unknownEventType/value",
      "schema": "#/components/responses/UnprocessableEntity/content/application~1problem+json/schema"
    },
    {
      "owner": "retryDelivery",
      "site": "#/components/responses/UnprocessableEntity/content/application~1problem+json/examples/reservedEventType",
      "value": "#/components/responses/UnprocessableEntity/content/application~1problem+json/examples/reservedEventType/value",
      "schema": "#/components/responses/UnprocessableEntity/content/application~1problem+json/schema"
    },
    {
      "owner": "listEventTypes",
      "site": "#/components/parameters/Cursor/examples/next",
      "value": "#/components/parameters/Cursor/examples/next/value",
      "schema": "#/components/parameters/Cursor/schema"
    },
    {
      "owner": "listEventTypes",
      "site": "#/components/parameters/Limit/examples/small",
      "value": "#/components/parameters/Limit/examples/small/value",
      "schema": "#/components/parameters/Limit/schema"
    },
    {
      "owner": "listEventTypes",
      "site": "#/paths/~1v1~1event-types/get/responses/200/content/application~1json/examples/catalog",
      "value": "#/paths/~1v1~1event-types/get/responses/200/content/application~1json/examples/catalog/value",
      "schema": "#/paths/~1v1~1event-types/get/responses/200/content/application~1json/schema"
    },
    {
      "owner": "getEventType",
      "site": "#/paths/~1v1~1event-types~1{name}/get/parameters/0/examples/push",
      "value": "#/paths/~1v1~1event-types~1{name}/get/parameters/0/examples/push/value",
      "schema": "#/paths/~1v1~1event-types~1{name}/get/parameters/0/schema"
    },
    {
      "owner": "getEventType",
      "site": "#/paths/~1v1~1event-types~1{name}/get/responses/200/content/application~1json/examples/ping",
      "value": "#/paths/~1v1~1event-types~1{name}/get/responses/200/content/application~1json/examples/ping/value",
      "schema": "#/paths/~1v1~1event-types~1{name}/get/responses/200/content/application~1json/schema"
    },
    {
      "owner": "listEvents",
      "site": "#/paths/~1v1~1events/get/parameters/1/examples/lastDay",
      "value": "#/paths/~1v1~1events/get/parameters/1/examples/lastDay/value",
      "schema": "#/paths/~1v1~1events/get/parameters/1/schema"
    },
    {
      "owner": "listEvents",
      "site": "#/paths/~1v1~1events/get/parameters/0/examples/orders",
      "value": "#/paths/~1v1~1events/get/parameters/0/examples/orders/value",
      "schema": "#/paths/~1v1~1events/get/parameters/0/schema"
    },
    {
      "owner": "listEvents",
      "site": "#/paths/~1v1~1events/get/responses/200/content/application~1json/examples/page",
      "value": "#/components/examples/EventList/value",
      "schema": "#/paths/~1v1~1events/get/responses/200/content/application~1json/schema"
    },
    {
      "owner": "publishEvent",
      "site": "#/components/parameters/IdempotencyKey/examples/order",
      "value": "#/components/parameters/IdempotencyKey/examples/order/value",
      "schema": "#/components/parameters/IdempotencyKey/schema"
    },
    {
      "owner": "publishEvent",
      "site": "#/paths/~1v1~1events/post/requestBody/content/application~1json/examples/order",
      "value": "#/components/examples/PublishOrderCreated/value",
      "schema": "#/paths/~1v1~1events/post/requestBody/content/application~1json/schema"
    },
    {
      "owner": "publishEvent",
      "site": "#/paths/~1v1~1events/post/responses/202/content/application~1json/examples/queued",
      "value": "#/paths/~1v1~1events/post/responses/202/content/application~1json/examples/queued/value",
      "schema": "#/paths/~1v1~1events/post/responses/202/content/application~1json/schema"
    },
    {
      "owner": "publishEvent",
      "site": "#/components/responses/PayloadTooLarge/content/application~1problem+json/examples/tooLarge",
      "value": "#/components/responses/PayloadTooLarge/content/application~1problem+json/examples/tooLarge/value",
      "schema": "#/components/responses/PayloadTooLarge/content/application~1problem+json/schema"
    },
    {
      "owner": "publishEvent",
      "site": "#/components/responses/UnsupportedMediaType/content/application~1problem+json/examples/wrongType",
      "value": "#/components/responses/UnsupportedMediaType/content/application~1problem+json/examples/wrongType/value",
      "schema": "#/components/responses/UnsupportedMediaType/content/application~1problem+json/schema"
    },
    {
      "owner": "publishEvent",
      "site": "#/components/responses/UnsupportedMediaType/content/application~1problem+json/examples/compressed",
      "value": "#/components/responses/UnsupportedMediaType/content/application~1problem+json/examples/compressed/value",
      "schema": "#/components/responses/UnsupportedMediaType/content/application~1problem+json/schema"
    },
    {
      "owner": "publishEvent",
      "site": "#/components/responses/UnsupportedMediaType/content/application~1problem+json/examples/charset",
      "value": "#/components/responses/UnsupportedMediaType/content/application~1problem+json/examples/charset/value",
      "schema": "#/components/responses/UnsupportedMediaType/content/application~1problem+json/schema"
    },
    {
      "owner": "getEvent",
      "site": "#/components/parameters/EventId/examples/evt",
      "value": "#/components/parameters/EventId/examples/evt/value",
      "schema": "#/components/parameters/EventId/schema"
    },
    {
      "owner": "getEvent",
      "site": "#/paths/~1v1~1events~1{id}/get/responses/200/content/application~1json/examples/order",
      "value": "#/components/examples/Event/value",
      "schema": "#/paths/~1v1~1events~1{id}/get/responses/200/content/application~1json/schema"
    },
    {
      "owner": "listEventDeliveries",
      "site": "#/paths/~1v1~1events~1{id}~1deliveries/get/responses/200/content/application~1json/examples/page",
      "value": "#/components/examples/DeliveryList/value",
      "schema": "#/paths/~1v1~1events~1{id}~1deliveries/get/responses/200/content/application~1json/schema"
    },
    {
      "owner": "listInbound",
      "site": "#/paths/~1v1~1inbound/get/parameters/1/examples/push",
      "value": "#/paths/~1v1~1inbound/get/parameters/1/examples/push/value",
      "schema": "#/paths/~1v1~1inbound/get/parameters/1/schema"
    },
    {
      "owner": "listInbound",
      "site": "#/paths/~1v1~1inbound/get/parameters/0/examples/github",
      "value": "#/paths/~1v1~1inbound/get/parameters/0/examples/github/value",
      "schema": "#/paths/~1v1~1inbound/get/parameters/0/schema"
    },
    {
      "owner": "listInbound",
      "site": "#/paths/~1v1~1inbound/get/parameters/2/examples/failed",
      "value": "#/paths/~1v1~1inbound/get/parameters/2/examples/failed/value",
      "schema": "#/paths/~1v1~1inbound/get/parameters/2/schema"
    },
    {
      "owner": "listInbound",
      "site": "#/paths/~1v1~1inbound/get/responses/200/content/application~1json/examples/page",
      "value": "#/components/examples/InboundDeliveryList/value",
      "schema": "#/paths/~1v1~1inbound/get/responses/200/content/application~1json/schema"
    },
    {
      "owner": "listInboundRefusals",
      "site": "#/paths/~1v1~1inbound-refusals/get/parameters/2/examples/badSignature",
      "value": "#/paths/~1v1~1inbound-refusals/get/parameters/2/examples/badSignature/value",
      "schema": "#/paths/~1v1~1inbound-refusals/get/parameters/2/schema"
    },
    {
      "owner": "listInboundRefusals",
      "site": "#/paths/~1v1~1inbound-refusals/get/parameters/1/examples/github",
      "value": "#/paths/~1v1~1inbound-refusals/get/parameters/1/examples/github/value",
      "schema": "#/paths/~1v1~1inbound-refusals/get/parameters/1/schema"
    },
    {
      "owner": "listInboundRefusals",
      "site": "#/paths/~1v1~1inbound-refusals/get/parameters/0/examples/address",
      "value": "#/paths/~1v1~1inbound-refusals/get/parameters/0/examples/address/value",
      "schema": "#/paths/~1v1~1inbound-refusals/get/parameters/0/schema"
    },
    {
      "owner": "listInboundRefusals",
      "site": "#/paths/~1v1~1inbound-refusals/get/responses/200/content/application~1json/examples/page",
      "value": "#/components/examples/InboundRefusalList/value",
      "schema": "#/paths/~1v1~1inbound-refusals/get/responses/200/content/application~1json/schema"
    },
    {
      "owner": "getInbound",
      "site": "#/components/parameters/InboundId/examples/inbound",
      "value": "#/components/parameters/InboundId/examples/inbound/value",
      "schema": "#/components/parameters/InboundId/schema"
    },
    {
      "owner": "getInbound",
      "site": "#/paths/~1v1~1inbound~1{id}/get/responses/200/content/application~1json/examples/push",
      "value": "#/components/examples/InboundDelivery/value",
      "schema": "#/paths/~1v1~1inbound~1{id}/get/responses/200/content/application~1json/schema"
    },
    {
      "owner": "replayInbound",
      "site": "#/paths/~1v1~1inbound~1{id}~1replay/post/responses/202/content/application~1json/examples/queued",
      "value": "#/components/examples/InboundDelivery/value",
      "schema": "#/paths/~1v1~1inbound~1{id}~1replay/post/responses/202/content/application~1json/schema"
    },
    {
      "owner": "listSubscriptions",
      "site": "#/paths/~1v1~1subscriptions/get/responses/200/content/application~1json/examples/page",
      "value": "#/components/examples/SubscriptionList/value",
      "schema": "#/paths/~1v1~1subscriptions/get/responses/200/content/application~1json/schema"
    },
    {
      "owner": "createSubscription",
      "site": "#/paths/~1v1~1subscriptions/post/requestBody/content/application~1json/examples/orders",
      "value": "#/paths/~1v1~1subscriptions/post/requestBody/content/application~1json/examples/orders/value",
      "schema": "#/paths/~1v1~1subscriptions/post/requestBody/content/application~1json/schema"
    },
    {
      "owner": "createSubscription",
      "site": "#/paths/~1v1~1subscriptions/post/responses/201/content/application~1json/examples/created",
      "value": "#/components/examples/SubscriptionWithSecret/value",
      "schema": "#/paths/~1v1~1subscriptions/post/responses/201/content/application~1json/schema"
    },
    {
      "owner": "getSubscription",
      "site": "#/components/parameters/SubscriptionId/examples/sub",
      "value": "#/components/parameters/SubscriptionId/examples/sub/value",
      "schema": "#/components/parameters/SubscriptionId/schema"
    },
    {
      "owner": "getSubscription",
      "site": "#/components/responses/Subscription/content/application~1json/examples/active",
      "value": "#/components/examples/Subscription/value",
      "schema": "#/components/responses/Subscription/content/application~1json/schema"
    },
    {
      "owner": "updateSubscription",
      "site": "#/paths/~1v1~1subscriptions~1{id}/patch/requestBody/content/application~1json/examples/reenable",
      "value": "#/paths/~1v1~1subscriptions~1{id}/patch/requestBody/content/application~1json/examples/reenable/value",
      "schema": "#/paths/~1v1~1subscriptions~1{id}/patch/requestBody/content/application~1json/schema"
    },
    {
      "owner": "recoverSubscription",
      "site": "#/paths/~1v1~1subscriptions~1{id}~1recover/post/requestBody/content/application~1json/examples/lastDay",
      "value": "#/paths/~1v1~1subscriptions~1{id}~1recover/post/requestBody/content/application~1json/examples/lastDay/value",
      "schema": "#/paths/~1v1~1subscriptions~1{id}~1recover/post/requestBody/content/application~1json/schema"
    },
    {
      "owner": "recoverSubscription",
      "site": "#/paths/~1v1~1subscriptions~1{id}~1recover/post/responses/202/content/application~1json/examples/queued",
      "value": "#/paths/~1v1~1subscriptions~1{id}~1recover/post/responses/202/content/application~1json/examples/queued/value",
      "schema": "#/paths/~1v1~1subscriptions~1{id}~1recover/post/responses/202/content/application~1json/schema"
    },
    {
      "owner": "rotateSubscriptionSecret",
      "site": "#/paths/~1v1~1subscriptions~1{id}~1rotate-secret/post/requestBody/content/application~1json/examples/generated",
      "value": "#/paths/~1v1~1subscriptions~1{id}~1rotate-secret/post/requestBody/content/application~1json/examples/generated/value",
      "schema": "#/paths/~1v1~1subscriptions~1{id}~1rotate-secret/post/requestBody/content/application~1json/schema"
    },
    {
      "owner": "rotateSubscriptionSecret",
      "site": "#/paths/~1v1~1subscriptions~1{id}~1rotate-secret/post/responses/200/content/application~1json/examples/rotated",
      "value": "#/paths/~1v1~1subscriptions~1{id}~1rotate-secret/post/responses/200/content/application~1json/examples/rotated/value",
      "schema": "#/paths/~1v1~1subscriptions~1{id}~1rotate-secret/post/responses/200/content/application~1json/schema"
    },
    {
      "owner": "testSubscription",
      "site": "#/paths/~1v1~1subscriptions~1{id}~1test/post/responses/202/content/application~1json/examples/queued",
      "value": "#/paths/~1v1~1subscriptions~1{id}~1test/post/responses/202/content/application~1json/examples/queued/value",
      "schema": "#/paths/~1v1~1subscriptions~1{id}~1test/post/responses/202/content/application~1json/schema"
    },
    {
      "owner": "receiveGithubWebhook",
      "site": "#/components/parameters/XGitHubDelivery/examples/guid",
      "value": "#/components/parameters/XGitHubDelivery/examples/guid/value",
      "schema": "#/components/parameters/XGitHubDelivery/schema"
    },
    {
      "owner": "receiveGithubWebhook",
      "site": "#/components/parameters/XGitHubEvent/examples/ping",
      "value": "#/components/parameters/XGitHubEvent/examples/ping/value",
      "schema": "#/components/parameters/XGitHubEvent/schema"
    },
    {
      "owner": "receiveGithubWebhook",
      "site": "#/components/parameters/XGitHubEvent/examples/push",
      "value": "#/components/parameters/XGitHubEvent/examples/push/value",
      "schema": "#/components/parameters/XGitHubEvent/schema"
    },
    {
      "owner": "receiveGithubWebhook",
      "site": "#/components/parameters/XHubSignature256/examples/signature",
      "value": "#/components/parameters/XHubSignature256/examples/signature/value",
      "schema": "#/components/parameters/XHubSignature256/schema"
    },
    {
      "owner": "receiveGithubWebhook",
      "site": "#/paths/~1webhooks~1github/post/requestBody/content/application~1json/examples/ping",
      "value": "#/paths/~1webhooks~1github/post/requestBody/content/application~1json/examples/ping/value",
      "schema": "#/paths/~1webhooks~1github/post/requestBody/content/application~1json/schema"
    },
    {
      "owner": "receiveGithubWebhook",
      "site": "#/paths/~1webhooks~1github/post/requestBody/content/application~1x-www-form-urlencoded/examples/ping",
      "value": "#/paths/~1webhooks~1github/post/requestBody/content/application~1x-www-form-urlencoded/examples/ping/value",
      "schema": "#/paths/~1webhooks~1github/post/requestBody/content/application~1x-www-form-urlencoded/schema"
    },
    {
      "owner": "receiveGithubWebhook",
      "site": "#/components/responses/ReceiverAccepted/content/application~1json/examples/accepted",
      "value": "#/components/examples/ReceiverAck/value",
      "schema": "#/components/responses/ReceiverAccepted/content/application~1json/schema"
    },
    {
      "owner": "receiveGithubWebhook",
      "site": "#/components/responses/SignatureInvalid/content/application~1problem+json/examples/badSignature",
      "value": "#/components/responses/SignatureInvalid/content/application~1problem+json/examples/badSignature/value",
      "schema": "#/components/responses/SignatureInvalid/content/application~1problem+json/schema"
    },
    {
      "owner": "receiveGithubWebhook",
      "site": "#/components/responses/SignatureInvalid/content/application~1problem+json/examples/expired",
      "value": "#/components/responses/SignatureInvalid/content/application~1problem+json/examples/expired/value",
      "schema": "#/components/responses/SignatureInvalid/content/application~1problem+json/schema"
    },
    {
      "owner": "receiveGithubWebhook",
      "site": "#/components/responses/SignatureInvalid/content/application~1problem+json/examples/badTimestamp",
      "value": "#/components/responses/SignatureInvalid/content/application~1problem+json/examples/badTimestamp/value",
      "schema": "#/components/responses/SignatureInvalid/content/application~1problem+json/schema"
    },
    {
      "owner": "receiveGithubWebhook",
      "site": "#/components/responses/TooManyRequests/content/application~1problem+json/examples/slowDown",
      "value": "#/components/responses/TooManyRequests/content/application~1problem+json/examples/slowDown/value",
      "schema": "#/components/responses/TooManyRequests/content/application~1problem+json/schema"
    },
    {
      "owner": "receiveStandardWebhook",
      "site": "#/components/parameters/WebhookId/examples/id",
      "value": "#/components/parameters/WebhookId/examples/id/value",
      "schema": "#/components/parameters/WebhookId/schema"
    },
    {
      "owner": "receiveStandardWebhook",
      "site": "#/components/parameters/WebhookSignature/examples/one",
      "value": "#/components/parameters/WebhookSignature/examples/one/value",
      "schema": "#/components/parameters/WebhookSignature/schema"
    },
    {
      "owner": "receiveStandardWebhook",
      "site": "#/components/parameters/WebhookTimestamp/examples/now",
      "value": "#/components/parameters/WebhookTimestamp/examples/now/value",
      "schema": "#/components/parameters/WebhookTimestamp/schema"
    },
    {
      "owner": "receiveStandardWebhook",
      "site": "#/paths/~1webhooks~1receiver/post/requestBody/content/application~1json/examples/orderCreated",
      "value": "#/components/examples/OrderCreatedEnvelope/value",
      "schema": "#/paths/~1webhooks~1receiver/post/requestBody/content/application~1json/schema"
    },
    {
      "owner": "receiveSlackCommand",
      "site": "#/components/parameters/XSlackRequestTimestamp/examples/now",
      "value": "#/components/parameters/XSlackRequestTimestamp/examples/now/value",
      "schema": "#/components/parameters/XSlackRequestTimestamp/schema"
    },
    {
      "owner": "receiveSlackCommand",
      "site": "#/components/parameters/XSlackSignature/examples/signature",
      "value": "#/components/parameters/XSlackSignature/examples/signature/value",
      "schema": "#/components/parameters/XSlackSignature/schema"
    },
    {
      "owner": "receiveSlackCommand",
      "site": "#/paths/~1webhooks~1slack~1commands/post/requestBody/content/application~1x-www-form-urlencoded/examples/deploy",
      "value": "#/components/examples/SlackCommand/value",
      "schema": "#/paths/~1webhooks~1slack~1commands/post/requestBody/content/application~1x-www-form-urlencoded/schema"
    },
    {
      "owner": "receiveSlackCommand",
      "site": "#/paths/~1webhooks~1slack~1commands/post/responses/200/content/application~1json/examples/ephemeral",
      "value": "#/paths/~1webhooks~1slack~1commands/post/responses/200/content/application~1json/examples/ephemeral/value",
      "schema": "#/paths/~1webhooks~1slack~1commands/post/responses/200/content/application~1json/schema"
    },
    {
      "owner": "receiveSlackEvent",
      "site": "#/components/parameters/XSlackRetryNum/examples/first",
      "value": "#/components/parameters/XSlackRetryNum/examples/first/value",
      "schema": "#/components/parameters/XSlackRetryNum/schema"
    },
    {
      "owner": "receiveSlackEvent",
      "site": "#/paths/~1webhooks~1slack~1events/post/requestBody/content/application~1json/examples/urlVerification",
      "value": "#/components/examples/SlackUrlVerification/value",
      "schema": "#/paths/~1webhooks~1slack~1events/post/requestBody/content/application~1json/schema"
    },
    {
      "owner": "receiveSlackEvent",
      "site": "#/paths/~1webhooks~1slack~1events/post/requestBody/content/application~1json/examples/message",
      "value": "#/components/examples/SlackMessageEventCallback/value",
      "schema": "#/paths/~1webhooks~1slack~1events/post/requestBody/content/application~1json/schema"
    },
    {
      "owner": "receiveSlackEvent",
      "site": "#/paths/~1webhooks~1slack~1events/post/responses/200/content/application~1json/examples/accepted",
      "value": "#/components/examples/ReceiverAck/value",
      "schema": "#/paths/~1webhooks~1slack~1events/post/responses/200/content/application~1json/schema"
    },
    {
      "owner": "receiveSlackEvent",
      "site": "#/paths/~1webhooks~1slack~1events/post/responses/200/content/application~1json/examples/challenge",
      "value": "#/paths/~1webhooks~1slack~1events/post/responses/200/content/application~1json/examples/challenge/value",
      "schema": "#/paths/~1webhooks~1slack~1events/post/responses/200/content/application~1json/schema"
    },
    {
      "owner": "receiveSlackInteraction",
      "site": "#/paths/~1webhooks~1slack~1interactive/post/requestBody/content/application~1x-www-form-urlencoded/examples/blockActions",
      "value": "#/paths/~1webhooks~1slack~1interactive/post/requestBody/content/application~1x-www-form-urlencoded/examples/blockActions/value",
      "schema": "#/paths/~1webhooks~1slack~1interactive/post/requestBody/content/application~1x-www-form-urlencoded/schema"
    },
    {
      "owner": "receiveSlackInteraction",
      "site": "#/paths/~1webhooks~1slack~1interactive/post/responses/200/content/application~1json/examples/errors",
      "value": "#/paths/~1webhooks~1slack~1interactive/post/responses/200/content/application~1json/examples/errors/value",
      "schema": "#/paths/~1webhooks~1slack~1interactive/post/responses/200/content/application~1json/schema"
    },
    {
      "owner": "receiveStripeWebhook",
      "site": "#/components/parameters/StripeSignature/examples/signature",
      "value": "#/components/parameters/StripeSignature/examples/signature/value",
      "schema": "#/components/parameters/StripeSignature/schema"
    },
    {
      "owner": "receiveStripeWebhook",
      "site": "#/paths/~1webhooks~1stripe/post/requestBody/content/application~1json/examples/chargeSucceeded",
      "value": "#/components/examples/StripeChargeSucceededEvent/value",
      "schema": "#/paths/~1webhooks~1stripe/post/requestBody/content/application~1json/schema"
    },
    {
      "owner": "delivery.exhausted",
      "site": "#/webhooks/delivery.exhausted/post/requestBody/content/application~1json/examples/dead",
      "value": "#/webhooks/delivery.exhausted/post/requestBody/content/application~1json/examples/dead/value",
      "schema": "#/webhooks/delivery.exhausted/post/requestBody/content/application~1json/schema"
    },
    {
      "owner": "github.issues",
      "site": "#/webhooks/github.issues/post/requestBody/content/application~1json/examples/opened",
      "value": "#/components/examples/GithubIssuesEnvelope/value",
      "schema": "#/webhooks/github.issues/post/requestBody/content/application~1json/schema"
    },
    {
      "owner": "github.pull_request",
      "site": "#/webhooks/github.pull_request/post/requestBody/content/application~1json/examples/opened",
      "value": "#/components/examples/GithubPullRequestEnvelope/value",
      "schema": "#/webhooks/github.pull_request/post/requestBody/content/application~1json/schema"
    },
    {
      "owner": "github.push",
      "site": "#/webhooks/github.push/post/requestBody/content/application~1json/examples/push",
      "value": "#/components/examples/GithubPushEnvelope/value",
      "schema": "#/webhooks/github.push/post/requestBody/content/application~1json/schema"
    },
    {
      "owner": "order.created",
      "site": "#/webhooks/order.created/post/requestBody/content/application~1json/examples/order",
      "value": "#/components/examples/OrderCreatedEnvelope/value",
      "schema": "#/webhooks/order.created/post/requestBody/content/application~1json/schema"
    },
    {
      "owner": "ping",
      "site": "#/webhooks/ping/post/requestBody/content/application~1json/examples/hello",
      "value": "#/webhooks/ping/post/requestBody/content/application~1json/examples/hello/value",
      "schema": "#/webhooks/ping/post/requestBody/content/application~1json/schema"
    },
    {
      "owner": "slack.command",
      "site": "#/webhooks/slack.command/post/requestBody/content/application~1json/examples/deploy",
      "value": "#/components/examples/SlackCommandEnvelope/value",
      "schema": "#/webhooks/slack.command/post/requestBody/content/application~1json/schema"
    },
    {
      "owner": "slack.interaction",
      "site": "#/webhooks/slack.interaction/post/requestBody/content/application~1json/examples/approve",
      "value": "#/components/examples/SlackBlockActionsEnvelope/value",
      "schema": "#/webhooks/slack.interaction/post/requestBody/content/application~1json/schema"
    },
    {
      "owner": "slack.message",
      "site": "#/webhooks/slack.message/post/requestBody/content/application~1json/examples/message",
      "value": "#/components/examples/SlackMessageEventCallbackEnvelope/value",
      "schema": "#/webhooks/slack.message/post/requestBody/content/application~1json/schema"
    },
    {
      "owner": "stripe.charge.failed",
      "site": "#/webhooks/stripe.charge.failed/post/requestBody/content/application~1json/examples/failed",
      "value": "#/components/examples/StripeChargeFailedEventEnvelope/value",
      "schema": "#/webhooks/stripe.charge.failed/post/requestBody/content/application~1json/schema"
    },
    {
      "owner": "stripe.charge.succeeded",
      "site": "#/webhooks/stripe.charge.succeeded/post/requestBody/content/application~1json/examples/succeeded",
      "value": "#/components/examples/StripeChargeSucceededEventEnvelope/value",
      "schema": "#/webhooks/stripe.charge.succeeded/post/requestBody/content/application~1json/schema"
    },
    {
      "owner": "stripe.payment_intent.payment_failed",
      "site": "#/webhooks/stripe.payment_intent.payment_failed/post/requestBody/content/application~1json/examples/failed",
      "value": "#/components/examples/StripePaymentIntentFailedEventEnvelope/value",
      "schema": "#/webhooks/stripe.payment_intent.payment_failed/post/requestBody/content/application~1json/schema"
    },
    {
      "owner": "stripe.payment_intent.succeeded",
      "site": "#/webhooks/stripe.payment_intent.succeeded/post/requestBody/content/application~1json/examples/succeeded",
      "value": "#/components/examples/StripePaymentIntentSucceededEventEnvelope/value",
      "schema": "#/webhooks/stripe.payment_intent.succeeded/post/requestBody/content/application~1json/schema"
    },
    {
      "owner": "subscription.disabled",
      "site": "#/webhooks/subscription.disabled/post/requestBody/content/application~1json/examples/gone",
      "value": "#/webhooks/subscription.disabled/post/requestBody/content/application~1json/examples/gone/value",
      "schema": "#/webhooks/subscription.disabled/post/requestBody/content/application~1json/schema"
    }
  ],
  "gaps": []
};
