// generated from openapi.yaml; do not edit

export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness check
         * @description Answers `200` while the process is up. It checks nothing else, so orchestrators restart only a dead process.
         */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness check
         * @description Answers `200` when the database is reachable (and, on PostgreSQL, takes writes, so not on a read-only standby), its migrations are applied, the delivery worker runs (where this process runs one) and, on SQLite, the database's disk has `HOOKSPEC_READY_MIN_FREE_MB` free; `503` otherwise, naming the failing check.
         */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prometheus metrics
         * @description Metrics in the Prometheus text exposition format (receiver outcomes, schema drift, delivery attempts, queue depth).
         */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/github": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive a GitHub webhook
         * @description Verifies `X-Hub-Signature-256` (HMAC-SHA256 of the raw body with `GITHUB_WEBHOOK_SECRET`), picks the
         *     schema from `X-GitHub-Event` and the payload's `action`, deduplicates on `X-GitHub-Delivery`, stores the
         *     delivery and answers. `ping` events are answered without dispatch. The three headers are checked before the
         *     body is read: absent ones are named together in one 400, and one sent twice is refused (400). Both content
         *     types GitHub offers are accepted: with `application/x-www-form-urlencoded` (GitHub's default) the signature
         *     covers the form bytes and the payload is the JSON in its `payload` field.
         */
        post: operations["receiveGithubWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/stripe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive a Stripe webhook
         * @description Verifies `Stripe-Signature` (`t=…,v1=…`; HMAC-SHA256 of `t.body` keyed with the `whsec_…` string of
         *     `STRIPE_WEBHOOK_SECRET`), rejects timestamps outside the tolerance (`STRIPE_WEBHOOK_TOLERANCE`, 300 s by
         *     default, at least 1 s), picks the schema from the event `type` and deduplicates on the event `id`.
         */
        post: operations["receiveStripeWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/slack/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive a Slack Events API request
         * @description Verifies `X-Slack-Signature` (`v0=` + HMAC-SHA256 of `v0:timestamp:body` with `SLACK_SIGNING_SECRET`)
         *     within a 5-minute window. `url_verification` is answered with its `challenge`; `event_callback` is stored,
         *     deduplicated on `event_id` (Slack's retries carry `X-Slack-Retry-Num`) and dispatched.
         */
        post: operations["receiveSlackEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/slack/commands": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive a Slack slash command
         * @description Verifies the Slack signature, stores the command and answers with the message Slack shows to the user,
         *     within Slack's 3-second limit: the `slack.command` handler's reply (a string becomes an ephemeral message, an
         *     object is sent as is) if it returns by the deadline (`HOOKSPEC_SLACK_COMMAND_REPLY_MS` from arrival, 2.5 s by
         *     default, below 3000), else an ephemeral "Received; working on it." while the handler goes on. A signed form with `ssl_check=1` and no `command` (Slack checking the URL's
         *     certificate) is answered 200 with `{}` and not stored.
         */
        post: operations["receiveSlackCommand"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/slack/interactive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive a Slack interaction
         * @description Verifies the Slack signature; the form field `payload` holds the interaction as JSON (for example
         *     `block_actions`), which is parsed, validated against `SlackBlockActionsPayload`, stored and dispatched.
         *     The `slack.interaction` handler may answer it: an object it returns by the deadline
         *     (`HOOKSPEC_SLACK_COMMAND_REPLY_MS` from arrival, 2.5 s by default, below 3000) is the response body,
         *     for example a `view_submission`'s `response_action`. Otherwise the answer is an empty 200, as Slack's Bolt
         *     acknowledges; a repeated interaction gets that too, without running the handler again.
         */
        post: operations["receiveSlackInteraction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/receiver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive a Standard Webhooks request
         * @description Verifies `webhook-signature` (space-separated `v1,<base64>` entries over `id.timestamp.body`, keyed with
         *     `HOOKSPEC_RECEIVER_SECRET`) within a 5-minute window, validates the envelope's `data` against the
         *     catalog schema of its `type` (strict policy) and deduplicates on `webhook-id`.
         */
        post: operations["receiveStandardWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/event-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List event types
         * @description Every event in the catalog, sorted by name, with its payload schema and an example.
         */
        get: operations["listEventTypes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/event-types/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an event type
         * @description One event of the catalog with its payload schema and an example.
         */
        get: operations["getEventType"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List subscriptions
         * @description Subscriptions, newest first, with their secrets masked.
         */
        get: operations["listSubscriptions"];
        put?: never;
        /**
         * Create a subscription
         * @description Registers an endpoint for the listed event types (or `*` for all). The signing secret is generated
         *     unless given and is returned in full only in this response. The URL must be `http` or `https` and must
         *     not point to a private, loopback or link-local address (`422` says why).
         */
        post: operations["createSubscription"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriptions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The subscription id. */
                id: components["parameters"]["SubscriptionId"];
            };
            cookie?: never;
        };
        /**
         * Get a subscription
         * @description One subscription, with its secret masked.
         */
        get: operations["getSubscription"];
        put?: never;
        post?: never;
        /**
         * Delete a subscription
         * @description Deletes the subscription; its pending deliveries are not attempted again.
         */
        delete: operations["deleteSubscription"];
        options?: never;
        head?: never;
        /**
         * Update a subscription
         * @description Changes the given fields only. Setting `status` to `active` re-enables a disabled subscription and clears `disabled_reason`.
         */
        patch: operations["updateSubscription"];
        trace?: never;
    };
    "/v1/subscriptions/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The subscription id. */
                id: components["parameters"]["SubscriptionId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate the signing secret
         * @description Replaces the signing secret (generated unless given). During the grace period (24 h by default) every
         *     delivery carries signatures made with both the old and the new secret. At most 5 secrets sign at once (about
         *     50 bytes of `webhook-signature` each): rotating more often than that within the grace period retires the
         *     oldest early.
         */
        post: operations["rotateSubscriptionSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriptions/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The subscription id. */
                id: components["parameters"]["SubscriptionId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a test event
         * @description Publishes a `ping` event to this subscription only.
         */
        post: operations["testSubscription"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriptions/{id}/recover": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The subscription id. */
                id: components["parameters"]["SubscriptionId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Re-send failed deliveries
         * @description Queues again every failed or dead delivery of this subscription created since the given time. A disabled
         *     subscription answers 409: re-enable it first (`PATCH` with `status: active`), as for a single retry.
         */
        post: operations["recoverSubscription"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List events
         * @description Published events, newest first.
         */
        get: operations["listEvents"];
        put?: never;
        /**
         * Publish an event
         * @description Validates `data` against the schema of `type` and queues one delivery per matching active subscription,
         *     in one transaction. With an `Idempotency-Key`, a repeated request with the same body returns the first
         *     response again (keys are kept at least 24 h); the same key with a different body is a `409`. Bodies are
         *     compared as JSON values: the order of keys and the whitespace do not matter.
         *
         *     The event types hookspec emits itself (`x-hookspec-system` in the catalog, `system: true` in
         *     `GET /v1/event-types`) are refused with a `422` `reserved_event_type`: subscribers can trust them.
         */
        post: operations["publishEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The event id. */
                id: components["parameters"]["EventId"];
            };
            cookie?: never;
        };
        /**
         * Get an event
         * @description One published event with its payload.
         */
        get: operations["getEvent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The event id. */
                id: components["parameters"]["EventId"];
            };
            cookie?: never;
        };
        /**
         * List the deliveries of an event
         * @description One delivery per subscription the event was sent to, each with every attempt.
         */
        get: operations["listEventDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deliveries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The delivery id. */
                id: components["parameters"]["DeliveryId"];
            };
            cookie?: never;
        };
        /**
         * Get a delivery
         * @description One delivery with every attempt (time, HTTP status, latency, response body cut to 4 KB, error).
         */
        get: operations["getDelivery"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deliveries/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The delivery id. */
                id: components["parameters"]["DeliveryId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Retry a delivery
         * @description Queues the delivery for an immediate new attempt, whatever its status; `webhook-id` stays the same.
         *     409 when an attempt is in flight (`delivery_not_retryable`), or its subscription is disabled
         *     (`subscription_disabled`: re-enable it first) or deleted.
         */
        post: operations["retryDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inbound": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List received webhooks
         * @description The inbound log, newest first, including schema drift recorded by lenient receivers. Raw bodies are left out (each row gives `body_size`), so a page stays small whatever the providers sent; `GET /v1/inbound/{id}` has the body.
         */
        get: operations["listInbound"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inbound/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The inbound delivery id. */
                id: components["parameters"]["InboundId"];
            };
            cookie?: never;
        };
        /**
         * Get a received webhook
         * @description One inbound delivery with its headers, raw body, verification and validation results.
         */
        get: operations["getInbound"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inbound/{id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The inbound delivery id. */
                id: components["parameters"]["InboundId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replay a received webhook
         * @description Runs the handlers of this delivery again, from the stored raw body. The delivery starts over: status `received`, `attempts` 0 and `last_error` cleared, so it gets the whole retry budget again; one waiting for a retry runs now. Its catalog event was published once, under the idempotency key `inbound:<id>`, so a replay does not send it to subscribers again (`POST /v1/deliveries/{id}/retry` resends a delivery). `409` while the delivery is being processed (`delivery_in_progress`) or is already queued to run (`delivery_already_queued`).
         */
        post: operations["replayInbound"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inbound-refusals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List refused webhook requests
         * @description The refusal audit, newest first: every request a receiver refused (bad or missing signature, timestamp outside the window, wrong content type, too large, flood guard, ...), with its time, source address, receiver, status, reason, header names and body size, never the body. It shows who is sending bad signatures. The oldest rows are pruned beyond `HOOKSPEC_INBOUND_AUDIT_KEEP` rows. A source gets `HOOKSPEC_INBOUND_AUDIT_PER_SOURCE` rows a minute (bad signatures counted apart); what it sends beyond that is one `audit_suppressed` row a minute, whose `body_size` is the count.
         */
        get: operations["listInboundRefusals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    "github.push": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * GitHub push
         * @description Commits were pushed to a repository branch or tag. Forwarded from a verified GitHub `push` webhook.
         */
        post: operations["githubPush"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "github.pull_request": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * GitHub pull request activity
         * @description A pull request was opened, edited, closed, reopened, synchronized or otherwise changed. Forwarded from a verified GitHub `pull_request` webhook.
         */
        post: operations["githubPullRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "github.issues": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * GitHub issue activity
         * @description An issue was opened, edited, closed, labeled or otherwise changed. Forwarded from a verified GitHub `issues` webhook.
         */
        post: operations["githubIssues"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "stripe.payment_intent.succeeded": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Stripe payment intent succeeded
         * @description A PaymentIntent completed. `data` is the Stripe Event object as Stripe sent it.
         */
        post: operations["stripePaymentIntentSucceeded"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "stripe.payment_intent.payment_failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Stripe payment intent failed
         * @description A payment attempt on a PaymentIntent failed; `last_payment_error` says why. `data` is the Stripe Event object.
         */
        post: operations["stripePaymentIntentPaymentFailed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "stripe.charge.succeeded": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Stripe charge succeeded
         * @description A charge was captured successfully. `data` is the Stripe Event object wrapping the Charge.
         */
        post: operations["stripeChargeSucceeded"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "stripe.charge.failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Stripe charge failed
         * @description A charge attempt failed; `failure_code` and `failure_message` say why. `data` is the Stripe Event object wrapping the Charge.
         */
        post: operations["stripeChargeFailed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "slack.message": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Slack message
         * @description A message was posted in a channel the Slack app is in. `data` is the Events API `event_callback` envelope.
         */
        post: operations["slackMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "slack.command": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Slack slash command
         * @description A user ran one of the app's slash commands. `data` holds the form fields Slack sent.
         */
        post: operations["slackCommand"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "slack.interaction": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Slack interaction
         * @description A user clicked a button or used another interactive component. `data` is the parsed `payload` (`block_actions`).
         */
        post: operations["slackInteraction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "order.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Order created
         * @description An application placed an order. Published with `POST /v1/events`.
         */
        post: operations["orderCreated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    ping: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Connectivity test
         * @description Sent by `POST /v1/subscriptions/{id}/test` to check that an endpoint answers and verifies signatures.
         */
        post: operations["ping"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "subscription.disabled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Subscription disabled
         * @description A subscription was disabled, because its endpoint answered `410 Gone` or because every delivery failed for 5 days. Only hookspec emits it; `POST /v1/events` refuses this type, so no API caller can forge it.
         */
        post: operations["subscriptionDisabled"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "delivery.exhausted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Delivery exhausted
         * @description A delivery failed on every attempt of the retry schedule and is now dead. Retry it with `POST /v1/deliveries/{id}/retry`. Only hookspec emits it; `POST /v1/events` refuses this type, so no API caller can forge it.
         */
        post: operations["deliveryExhausted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        /** @description An RFC 9457 problem details body. Extra members (such as `valid_event_types`) may be present. */
        Problem: {
            /**
             * Format: uri
             * @description A stable URN per error code, `urn:hookspec:problem:<code>`.
             */
            type: string;
            /** @description The HTTP status text. */
            title: string;
            status: number;
            /** @description What went wrong and what to do about it. */
            detail: string;
            /** @description A stable, machine-readable error code. */
            code: string;
            instance?: string;
            /** @description With `unknown_event_type`, every event type the catalog knows. */
            valid_event_types?: string[];
            /** @description With `missing_signature_headers`, the required headers that are absent or empty. */
            missing?: string[];
            /** @description With `repeated_signature_headers`, the required headers sent more than once. */
            repeated?: string[];
            /** @description With `receiver_not_configured`, the environment variable that holds the receiver's secrets. */
            variable?: string;
            /** @description Schema validation errors, one per failing keyword. */
            errors?: components["schemas"]["ValidationError"][];
        };
        ValidationError: {
            /** @description JSON pointer to the failing value (RFC 6901). */
            pointer: string;
            /** @description The JSON Schema keyword that failed. */
            keyword: string;
            message: string;
        };
        Health: {
            /** @constant */
            status: "ok";
        };
        Readiness: {
            /** @enum {string} */
            status: "ready" | "not_ready";
            checks: {
                [key: string]: string;
            };
        };
        ReceiverAck: {
            /** @constant */
            ok: true;
            /** @description The inbound log id of the delivery. */
            id: string;
            /** @description True when this delivery id had been stored before; it is not processed again. */
            duplicate: boolean;
        };
        SlackChallengeResponse: {
            challenge: string;
        };
        /** @description A Slack message returned to the user who ran a slash command. */
        SlackMessageResponse: {
            /** @enum {string} */
            response_type?: "ephemeral" | "in_channel";
            text?: string;
            blocks?: Record<string, unknown>[];
        };
        /** @description What a `slack.interaction` handler answered: for a `view_submission`, a `response_action` (`errors` with messages by block id, `update` or `push` with a `view`, `clear`); for a `block_suggestion`, `options`. */
        SlackInteractionResponse: {
            /** @enum {string} */
            response_action?: "errors" | "update" | "push" | "clear";
            errors?: {
                [key: string]: string;
            };
            view?: Record<string, unknown>;
            options?: Record<string, unknown>[];
        };
        /** @description The body of every delivery (Standard Webhooks envelope); `data` follows the schema of `type`. */
        EventEnvelope: {
            /** @description The event type, a name from the catalog. */
            type: string;
            /** Format: date-time */
            timestamp: string;
            data: Record<string, unknown>;
        };
        /** @description An event type from the catalog, or `*` for all of them. */
        EventTypeName: string;
        /** @description Free-form string labels. */
        Metadata: {
            [key: string]: string;
        };
        Subscription: {
            id: string;
            /** Format: uri */
            url: string;
            events: components["schemas"]["EventTypeName"][];
            description: string;
            /** @enum {string} */
            status: "active" | "disabled";
            disabled_reason: string | null;
            rate_limit_per_second: number | null;
            metadata: components["schemas"]["Metadata"];
            /** @description The signing secret, masked (`whsec_…abcd`). */
            secret: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /** @description A subscription with its full signing secret; returned only when it is created. */
        SubscriptionWithSecret: components["schemas"]["Subscription"] & {
            /** @description The full signing secret. Store it now; it is not shown again. */
            secret?: string;
        };
        SubscriptionCreate: {
            /**
             * Format: uri
             * @description An `http` or `https` URL on a public address.
             */
            url: string;
            events: components["schemas"]["EventTypeName"][];
            description?: string;
            /** @description Your own secret (`whsec_` + base64 of 24 to 64 random bytes); generated if omitted. */
            secret?: string;
            rate_limit_per_second?: number;
            metadata?: components["schemas"]["Metadata"];
        };
        SubscriptionUpdate: {
            /** Format: uri */
            url?: string;
            events?: components["schemas"]["EventTypeName"][];
            /** @description `null` or `""` clears it. */
            description?: string | null;
            /** @enum {string} */
            status?: "active" | "disabled";
            rate_limit_per_second?: number | null;
            metadata?: components["schemas"]["Metadata"];
        };
        SubscriptionList: {
            data: components["schemas"]["Subscription"][];
            next_cursor: string | null;
        };
        SecretRotation: {
            /** @description The new secret; generated if omitted. */
            secret?: string;
        };
        RotatedSecret: {
            /** @description The new secret, shown this once. */
            secret: string;
            /**
             * Format: date-time
             * @description Until then the old secret signs every delivery too.
             */
            previous_secret_expires_at: string;
        };
        RecoverRequest: {
            /** Format: date-time */
            since: string;
        };
        RecoverResult: {
            queued: number;
        };
        PublishEventRequest: {
            /** @description An event type from the catalog, other than those hookspec emits itself (`system: true`). */
            type: string;
            /** @description The payload; validated against the schema of `type`. */
            data: Record<string, unknown>;
        };
        PublishedEvent: {
            id: string;
            type: string;
            /** Format: date-time */
            created_at: string;
        };
        Event: {
            id: string;
            type: string;
            data: Record<string, unknown>;
            /** Format: date-time */
            created_at: string;
        };
        EventList: {
            data: components["schemas"]["Event"][];
            next_cursor: string | null;
        };
        EventType: {
            name: string;
            summary: string;
            description: string;
            /** @description True for an event only hookspec emits (`x-hookspec-system`): `POST /v1/events` refuses it. */
            system: boolean;
            /** @description The JSON Schema of the event's `data`. */
            schema: Record<string, unknown>;
            /** @description An example envelope. */
            example: Record<string, unknown>;
        };
        EventTypeList: {
            data: components["schemas"]["EventType"][];
            next_cursor: string | null;
        };
        /** @enum {string} */
        DeliveryStatus: "pending" | "delivering" | "succeeded" | "failed" | "dead";
        DeliveryAttempt: {
            attempt: number;
            /** Format: date-time */
            started_at: string;
            /** @description The HTTP status, or null when no response arrived. */
            status_code: number | null;
            latency_ms: number;
            /** @description The response body, cut to 4 KB. */
            response_body: string | null;
            /** @description The network error (timeout, connection refused, refused address). */
            error: string | null;
            /** @enum {string} */
            outcome: "succeeded" | "failed" | "gone" | "rate_limited" | "timeout" | "network_error";
        };
        Delivery: {
            id: string;
            event_id: string;
            subscription_id: string;
            /** Format: uri */
            url: string;
            status: components["schemas"]["DeliveryStatus"];
            attempt_count: number;
            /** @description When the next attempt is due (ISO 8601), or null when none is planned. */
            next_attempt_at: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            attempts: components["schemas"]["DeliveryAttempt"][];
        };
        DeliveryList: {
            data: components["schemas"]["Delivery"][];
            next_cursor: string | null;
        };
        /** @enum {string} */
        Provider: "github" | "stripe" | "slack" | "standard-webhooks";
        /** @enum {string} */
        InboundStatus: "received" | "processing" | "processed" | "failed" | "duplicate";
        /** @description A stored delivery without its raw body, as the list shows it. */
        InboundDeliverySummary: {
            id: string;
            provider: components["schemas"]["Provider"];
            /** @description The provider's delivery id (the deduplication key). */
            delivery_id: string;
            /** @description The provider event, for example `push`, `pull_request.opened`, `charge.succeeded`. */
            event_type: string;
            /** Format: date-time */
            received_at: string;
            /** @description The selected request headers that were stored (signatures are redacted). */
            headers: {
                [key: string]: string;
            };
            /** @description Bytes in the raw body as received. */
            body_size: number;
            signature_valid: boolean;
            /** @description The schema check; with the lenient policy, errors are recorded as schema drift. */
            validation: {
                ok: boolean;
                errors: components["schemas"]["ValidationError"][];
            };
            status: components["schemas"]["InboundStatus"];
            /** @description How many times the handlers ran. */
            attempts: number;
            last_error: string | null;
        };
        /** @description A stored delivery with its raw body. */
        InboundDelivery: components["schemas"]["InboundDeliverySummary"] & {
            /** @description The raw request body, as text or base64 (see `body_encoding`); null when it can no longer be read (see `body_lost`). */
            body: string | null;
            /**
             * @description How `body` spells the raw bytes: `utf8` when they are valid UTF-8 (the text itself), `base64` when they are not, so the exact bytes a signature was computed over can still be checked.
             * @enum {string}
             */
            body_encoding: "utf8" | "base64";
            /** @description Present only when the raw body can no longer be read (damaged or missing on disk, which only an OS crash or a deleted file can do): why. The other fields are intact; such a delivery is not dispatched again. */
            body_lost?: string;
        };
        InboundDeliveryList: {
            data: components["schemas"]["InboundDeliverySummary"][];
            next_cursor: string | null;
        };
        /** @description A request a receiver refused, audited without its body. */
        InboundRefusal: {
            id: number;
            /** Format: date-time */
            at: string;
            /** @description The address the request came from (the client behind a trusted proxy). */
            source: string;
            /** @description The refusing receiver's operationId. */
            receiver: string;
            /** @description The status the request was answered with. */
            status: number;
            /** @description The problem `code` the request was answered with. */
            reason: string;
            /**
             * @description The problem `detail` the request was answered with (at most 500 characters), which tells apart refusals
             *     with one code, for example a signature made with another secret from a malformed signature header. Null
             *     for refusals recorded before it was kept, and for a line that stands for suppressed ones.
             */
            detail: string | null;
            /** @description The names of the request's headers (never their values). */
            header_names: string[];
            /** @description The declared or read body size, a declared size past 2147483647 recorded as 2147483647; null when unknown. */
            body_size: number | null;
        };
        InboundRefusalList: {
            data: components["schemas"]["InboundRefusal"][];
            next_cursor: string | null;
        };
        /** @description An order placed in an application. */
        OrderCreated: {
            order_id: string;
            customer: {
                id: string;
                /** Format: email */
                email: string;
                name?: string;
            };
            line_items: {
                sku: string;
                name: string;
                quantity: number;
                /** @description In the smallest currency unit (cents). */
                unit_price: number;
            }[];
            /** @description In the smallest currency unit. */
            subtotal: number;
            tax: number;
            total: number;
            /** @description ISO 4217 code. */
            currency: string;
            /** Format: date-time */
            created_at: string;
        };
        Ping: {
            message?: string;
        };
        SubscriptionDisabled: {
            subscription_id: string;
            /** Format: uri */
            url: string;
            reason: string;
            /** Format: date-time */
            disabled_at: string;
        };
        DeliveryExhausted: {
            delivery_id: string;
            event_id: string;
            event_type: string;
            subscription_id: string;
            attempts: number;
            /** @description The HTTP status of the last attempt, or null when none arrived. */
            last_status: number | null;
            last_error: string | null;
        };
        /** @description A GitHub account (user, organization or bot), trimmed from GitHub's `simple-user`. */
        GithubUser: {
            login: string;
            id: number;
            node_id?: string;
            /** Format: uri */
            avatar_url?: string;
            /** Format: uri */
            html_url?: string;
            /** Format: uri */
            url?: string;
            /** @enum {string} */
            type?: "Bot" | "User" | "Organization" | "Mannequin";
            site_admin?: boolean;
            name?: string | null;
            email?: string | null;
        };
        /** @description Git author or committer metadata. */
        GithubCommitUser: {
            name: string;
            email: string | null;
            username?: string;
            /** Format: date-time */
            date?: string;
        };
        /** @description A repository, trimmed from GitHub's `repository` webhook schema. */
        GithubRepository: {
            id: number;
            node_id: string;
            name: string;
            full_name: string;
            private: boolean;
            owner: components["schemas"]["GithubUser"];
            /** Format: uri */
            html_url: string;
            description?: string | null;
            fork?: boolean;
            /** Format: uri */
            url?: string;
            /** @description Unix seconds in `push` payloads, an ISO 8601 string elsewhere. */
            created_at?: number | string;
            pushed_at?: number | string | null;
            /** Format: uri */
            clone_url?: string;
            default_branch?: string;
            /** @enum {string} */
            visibility?: "public" | "private" | "internal";
        };
        GithubCommit: {
            /** @description The commit SHA. */
            id: string;
            tree_id: string;
            /** @description Whether this commit is new to the repository. */
            distinct: boolean;
            message: string;
            /** Format: date-time */
            timestamp: string;
            /** Format: uri */
            url: string;
            author: components["schemas"]["GithubCommitUser"];
            committer: components["schemas"]["GithubCommitUser"];
            added?: string[];
            removed?: string[];
            modified?: string[];
        };
        /** @description GitHub `push` webhook payload. */
        GithubPushPayload: {
            /** @description The full Git ref that was pushed, for example `refs/heads/main`. */
            ref: string;
            before: string;
            after: string;
            created: boolean;
            deleted: boolean;
            forced: boolean;
            base_ref: string | null;
            /** Format: uri */
            compare: string;
            commits: components["schemas"]["GithubCommit"][];
            head_commit: components["schemas"]["GithubCommit"] | null;
            repository: components["schemas"]["GithubRepository"];
            pusher: components["schemas"]["GithubCommitUser"];
            sender?: components["schemas"]["GithubUser"];
            installation?: {
                id: number;
            };
            organization?: Record<string, unknown>;
        };
        GithubLabel: {
            id: number;
            node_id?: string;
            name: string;
            color: string;
            default?: boolean;
            description?: string | null;
        };
        GithubBranchRef: {
            label: string;
            ref: string;
            sha: string;
            user?: components["schemas"]["GithubUser"];
            repo: components["schemas"]["GithubRepository"] | null;
        };
        GithubPullRequest: {
            /** Format: uri */
            url: string;
            id: number;
            node_id: string;
            /** Format: uri */
            html_url: string;
            /** Format: uri */
            diff_url?: string;
            number: number;
            /** @enum {string} */
            state: "open" | "closed";
            locked: boolean;
            title: string;
            user: components["schemas"]["GithubUser"];
            body: string | null;
            labels?: components["schemas"]["GithubLabel"][];
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            closed_at: string | null;
            merged_at: string | null;
            merge_commit_sha?: string | null;
            draft?: boolean;
            merged?: boolean | null;
            head: components["schemas"]["GithubBranchRef"];
            base: components["schemas"]["GithubBranchRef"];
            commits?: number;
            additions?: number;
            deletions?: number;
            changed_files?: number;
        };
        /** @description GitHub `pull_request` webhook payload (every action). */
        GithubPullRequestPayload: {
            /** @description What happened: `opened`, `edited`, `closed`, `reopened`, `synchronize`, `labeled`, … (GitHub adds actions over time). */
            action: string;
            number: number;
            pull_request: components["schemas"]["GithubPullRequest"];
            repository: components["schemas"]["GithubRepository"];
            sender: components["schemas"]["GithubUser"];
            installation?: {
                id: number;
            };
        };
        GithubIssue: {
            /** Format: uri */
            url: string;
            id: number;
            node_id: string;
            number: number;
            title: string;
            user: components["schemas"]["GithubUser"];
            labels?: components["schemas"]["GithubLabel"][];
            /** @enum {string} */
            state: "open" | "closed";
            state_reason?: string | null;
            locked: boolean;
            assignee?: components["schemas"]["GithubUser"] | null;
            assignees?: components["schemas"]["GithubUser"][];
            comments: number;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            closed_at: string | null;
            author_association?: string;
            body: string | null;
            /** Format: uri */
            html_url: string;
        };
        /** @description GitHub `issues` webhook payload (every action). */
        GithubIssuesPayload: {
            /** @description What happened: `opened`, `edited`, `closed`, `reopened`, `labeled`, `assigned`, … (GitHub adds actions over time). */
            action: string;
            issue: components["schemas"]["GithubIssue"];
            changes?: Record<string, unknown>;
            label?: components["schemas"]["GithubLabel"];
            repository: components["schemas"]["GithubRepository"];
            sender: components["schemas"]["GithubUser"];
            installation?: {
                id: number;
            };
        };
        /** @description Sent by GitHub when a webhook is created; answered, not dispatched. */
        GithubPingPayload: {
            zen: string;
            hook_id: number;
            hook?: Record<string, unknown>;
            repository?: components["schemas"]["GithubRepository"];
            sender?: components["schemas"]["GithubUser"];
        };
        /**
         * @description Any GitHub webhook body. The receiver validates it against the schema of its event, chosen from
         *     `X-GitHub-Event`: `GithubPushPayload`, `GithubPullRequestPayload`, `GithubIssuesPayload` or `GithubPingPayload`;
         *     other events are stored unchecked.
         */
        GithubWebhookPayload: components["schemas"]["GithubPushPayload"] | components["schemas"]["GithubPullRequestPayload"] | components["schemas"]["GithubIssuesPayload"] | components["schemas"]["GithubPingPayload"] | Record<string, unknown>;
        /** @description A Stripe Event object, as posted to webhook endpoints. `data.object` depends on `type`. */
        StripeEvent: {
            id: string;
            /** @constant */
            object: "event";
            /** @description Set for Connect events. */
            account?: string;
            api_version: string | null;
            /** @description Unix seconds. */
            created: number;
            data: {
                object: Record<string, unknown>;
                previous_attributes?: Record<string, unknown>;
            };
            livemode: boolean;
            pending_webhooks: number;
            request: {
                id?: string | null;
                idempotency_key?: string | null;
            } | null;
            /** @description The event type, for example `charge.succeeded`. */
            type: string;
        };
        /** @description A Stripe Event whose `data.object` is a Charge (`charge.*`). */
        StripeChargeEvent: components["schemas"]["StripeEvent"] & {
            type?: string;
            data?: {
                object?: components["schemas"]["StripeCharge"];
            };
        };
        /** @description A Stripe Event whose `data.object` is a PaymentIntent (`payment_intent.*`). */
        StripePaymentIntentEvent: components["schemas"]["StripeEvent"] & {
            type?: string;
            data?: {
                object?: components["schemas"]["StripePaymentIntent"];
            };
        };
        /** @description A Stripe Charge, trimmed to the fields most integrations read. */
        StripeCharge: {
            id: string;
            /** @constant */
            object: "charge";
            /** @description In the smallest currency unit. */
            amount: number;
            amount_captured: number;
            amount_refunded: number;
            balance_transaction?: string | null;
            billing_details?: Record<string, unknown>;
            calculated_statement_descriptor?: string | null;
            captured: boolean;
            created: number;
            currency: string;
            customer?: string | null;
            description?: string | null;
            failure_code?: string | null;
            failure_message?: string | null;
            livemode: boolean;
            metadata: {
                [key: string]: string;
            };
            outcome?: Record<string, unknown> | null;
            paid: boolean;
            payment_intent?: string | null;
            payment_method?: string | null;
            payment_method_details?: Record<string, unknown> | null;
            receipt_email?: string | null;
            receipt_url?: string | null;
            refunded: boolean;
            /** @enum {string} */
            status: "succeeded" | "pending" | "failed";
        };
        /** @description A Stripe PaymentIntent, trimmed to the fields most integrations read. */
        StripePaymentIntent: {
            id: string;
            /** @constant */
            object: "payment_intent";
            amount: number;
            amount_capturable?: number;
            amount_received: number;
            capture_method?: string;
            client_secret?: string | null;
            confirmation_method?: string;
            created: number;
            currency: string;
            customer?: string | null;
            description?: string | null;
            last_payment_error?: {
                code?: string;
                decline_code?: string;
                message?: string;
                type?: string;
            } | null;
            latest_charge?: string | null;
            livemode: boolean;
            metadata: {
                [key: string]: string;
            };
            payment_method?: string | null;
            payment_method_types?: string[];
            receipt_email?: string | null;
            /** @enum {string} */
            status: "requires_payment_method" | "requires_confirmation" | "requires_action" | "processing" | "requires_capture" | "canceled" | "succeeded";
        };
        /** @description Sent by Slack once when the Events API request URL is set; answered with `challenge`. */
        SlackUrlVerification: {
            token: string;
            challenge: string;
            /** @constant */
            type: "url_verification";
        };
        /** @description A Slack `message` event (inner event of an `event_callback`). */
        SlackMessageEvent: {
            /** @constant */
            type: "message";
            subtype?: string;
            channel: string;
            /** @enum {string} */
            channel_type?: "channel" | "group" | "im" | "mpim" | "app_home";
            user?: string;
            bot_id?: string;
            text?: string;
            ts: string;
            thread_ts?: string;
            event_ts?: string;
            team?: string;
            blocks?: Record<string, unknown>[];
        };
        /** @description A Slack Events API `event_callback` carrying one `message` event. */
        SlackEventCallback: {
            token: string;
            team_id: string;
            api_app_id: string;
            event: components["schemas"]["SlackMessageEvent"];
            /** @constant */
            type: "event_callback";
            /** @description The deduplication key. */
            event_id: string;
            event_time: number;
            event_context?: string;
            authorizations?: Record<string, unknown>[];
            is_ext_shared_channel?: boolean;
        };
        /** @description A Slack Events API request body. */
        SlackEventsRequest: components["schemas"]["SlackUrlVerification"] | components["schemas"]["SlackEventCallback"];
        /** @description The form fields of a Slack slash command request (all strings). */
        SlackCommand: {
            /** @description Deprecated verification token; the signature is what is checked. */
            token?: string;
            team_id: string;
            team_domain?: string;
            enterprise_id?: string;
            enterprise_name?: string;
            channel_id: string;
            channel_name?: string;
            user_id: string;
            user_name?: string;
            command: string;
            text: string;
            api_app_id?: string;
            /** @enum {string} */
            is_enterprise_install?: "true" | "false";
            /** Format: uri */
            response_url: string;
            trigger_id: string;
        };
        /** @description A GitHub webhook sent with content type `form`; `payload` is the JSON payload (see `GithubWebhookPayload`). */
        GithubWebhookForm: {
            payload: string;
        };
        /** @description The form body of a Slack interactive request; `payload` is JSON (see `SlackBlockActionsPayload`). */
        SlackInteractionForm: {
            payload: string;
        };
        /** @description A Slack `block_actions` interaction payload. */
        SlackBlockActionsPayload: {
            /** @constant */
            type: "block_actions";
            user: {
                id: string;
                username?: string;
                name?: string;
                team_id?: string;
            };
            api_app_id: string;
            token?: string;
            container?: Record<string, unknown>;
            trigger_id: string;
            team: {
                id?: string;
                domain?: string;
            } | null;
            enterprise?: Record<string, unknown> | null;
            is_enterprise_install?: boolean;
            channel?: {
                id?: string;
                name?: string;
            };
            message?: Record<string, unknown>;
            state?: Record<string, unknown>;
            /** Format: uri */
            response_url?: string;
            actions: {
                type: string;
                action_id: string;
                block_id: string;
                text?: Record<string, unknown>;
                value?: string;
                action_ts: string;
            }[];
        };
    };
    responses: {
        /** @description The delivery was verified and stored (`duplicate` is true if it had been stored before). */
        ReceiverAccepted: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ReceiverAck"];
            };
        };
        /** @description The subscription, with its secret masked. */
        Subscription: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Subscription"];
            };
        };
        /** @description The request was refused. */
        ClientError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The request is malformed (bad JSON or form, objects and arrays nested more than 1000 levels deep, missing or repeated headers, invalid parameters or date-times no instant holds such as a leap second, a NUL character in a body string or query parameter, a receiver's delivery id or event type over 255 characters or holding a NUL). */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The bearer API key is missing or wrong. */
        Unauthorized: {
            headers: {
                /** @description The authentication scheme to use. */
                "WWW-Authenticate"?: string;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The signature does not match, or its timestamp is outside the tolerance window. */
        SignatureInvalid: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No resource has this id. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The request conflicts with the current state (for example an idempotency key reused with another body). */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The body is larger than the configured limit; it was not read further. */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The content type is not the one this endpoint accepts, its charset is not UTF-8, or the body is compressed (Content-Encoding other than identity, or a Transfer-Encoding coding other than chunked). */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The request is well-formed but invalid (schema errors with JSON pointers, unknown event type, an event type only hookspec emits, refused URL, an integer beyond 2^53 that would be rounded, a number too large for a double). */
        UnprocessableEntity: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description This source failed verification too often and is slowed down; retry after the given delay. */
        TooManyRequests: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Not ready (receiver secret not configured, or the durable write path is saturated); nothing was stored. */
        ServiceUnavailable: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: {
        /** @description Page size. */
        Limit: number;
        /** @description The `next_cursor` of the previous page; omit it for the first page. */
        Cursor: string;
        /** @description The subscription id. */
        SubscriptionId: string;
        /** @description The event id. */
        EventId: string;
        /** @description The delivery id. */
        DeliveryId: string;
        /** @description The inbound delivery id. */
        InboundId: string;
        /** @description Makes the publish safe to retry. The same key with the same body (compared as a JSON value, whatever the order of its keys) returns the first response; with another body it is a `409`. Kept at least 24 h. Keys starting with `inbound:` are hookspec's own (the events its receivers forward) and are refused with `400`. */
        IdempotencyKey: string;
        /** @description `sha256=` + hex HMAC-SHA256 of the raw body. */
        XHubSignature256: string;
        /** @description The GitHub event name (`push`, `pull_request`, `issues`, `ping`, …). */
        XGitHubEvent: string;
        /** @description A GUID identifying the delivery; the deduplication key. */
        XGitHubDelivery: string;
        /** @description `t=<unix seconds>,v1=<hex>[,v1=<hex>…]`; `v0` entries are ignored. */
        StripeSignature: string;
        /** @description `v0=` + hex HMAC-SHA256 of `v0:<timestamp>:<body>`. */
        XSlackSignature: string;
        /** @description Unix seconds when Slack sent the request; older than 5 minutes is refused. */
        XSlackRequestTimestamp: string;
        /** @description Set by Slack on retries; a retried event already stored is answered `200` without being processed again. */
        XSlackRetryNum: string;
        /** @description The message id, the same on every retry of one delivery; deduplicate on it. */
        WebhookId: string;
        /** @description Unix seconds when the attempt was signed; refuse values more than 5 minutes away from your clock. */
        WebhookTimestamp: string;
        /** @description Space-separated `v1,<base64>` signatures; any one matching is enough. */
        WebhookSignature: string;
    };
    requestBodies: never;
    headers: {
        /** @description Seconds to wait before retrying. */
        RetryAfter: number;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The process is alive. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            "4XX": components["responses"]["ClientError"];
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready to receive traffic. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
            503: components["responses"]["ServiceUnavailable"];
            "4XX": components["responses"]["ClientError"];
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Metrics in the Prometheus text format. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            "4XX": components["responses"]["ClientError"];
        };
    };
    receiveGithubWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description `sha256=` + hex HMAC-SHA256 of the raw body. */
                "X-Hub-Signature-256": components["parameters"]["XHubSignature256"];
                /** @description The GitHub event name (`push`, `pull_request`, `issues`, `ping`, …). */
                "X-GitHub-Event": components["parameters"]["XGitHubEvent"];
                /** @description A GUID identifying the delivery; the deduplication key. */
                "X-GitHub-Delivery": components["parameters"]["XGitHubDelivery"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GithubWebhookPayload"];
                "application/x-www-form-urlencoded": components["schemas"]["GithubWebhookForm"];
            };
        };
        responses: {
            200: components["responses"]["ReceiverAccepted"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["SignatureInvalid"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    receiveStripeWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex>[,v1=<hex>…]`; `v0` entries are ignored. */
                "Stripe-Signature": components["parameters"]["StripeSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StripeEvent"];
            };
        };
        responses: {
            200: components["responses"]["ReceiverAccepted"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["SignatureInvalid"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    receiveSlackEvent: {
        parameters: {
            query?: never;
            header: {
                /** @description `v0=` + hex HMAC-SHA256 of `v0:<timestamp>:<body>`. */
                "X-Slack-Signature": components["parameters"]["XSlackSignature"];
                /** @description Unix seconds when Slack sent the request; older than 5 minutes is refused. */
                "X-Slack-Request-Timestamp": components["parameters"]["XSlackRequestTimestamp"];
                /** @description Set by Slack on retries; a retried event already stored is answered `200` without being processed again. */
                "X-Slack-Retry-Num"?: components["parameters"]["XSlackRetryNum"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SlackEventsRequest"];
            };
        };
        responses: {
            /** @description The event was stored (or was a duplicate), or the URL verification challenge is echoed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReceiverAck"] | components["schemas"]["SlackChallengeResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["SignatureInvalid"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    receiveSlackCommand: {
        parameters: {
            query?: never;
            header: {
                /** @description `v0=` + hex HMAC-SHA256 of `v0:<timestamp>:<body>`. */
                "X-Slack-Signature": components["parameters"]["XSlackSignature"];
                /** @description Unix seconds when Slack sent the request; older than 5 minutes is refused. */
                "X-Slack-Request-Timestamp": components["parameters"]["XSlackRequestTimestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["SlackCommand"];
            };
        };
        responses: {
            /** @description The reply Slack shows to the user who ran the command. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SlackMessageResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["SignatureInvalid"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    receiveSlackInteraction: {
        parameters: {
            query?: never;
            header: {
                /** @description `v0=` + hex HMAC-SHA256 of `v0:<timestamp>:<body>`. */
                "X-Slack-Signature": components["parameters"]["XSlackSignature"];
                /** @description Unix seconds when Slack sent the request; older than 5 minutes is refused. */
                "X-Slack-Request-Timestamp": components["parameters"]["XSlackRequestTimestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["SlackInteractionForm"];
            };
        };
        responses: {
            /** @description The interaction was verified and stored. The body is the handler's reply, or empty when it gave none in time (or the interaction is a repeat). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SlackInteractionResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["SignatureInvalid"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    receiveStandardWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The message id, the same on every retry of one delivery; deduplicate on it. */
                "webhook-id": components["parameters"]["WebhookId"];
                /** @description Unix seconds when the attempt was signed; refuse values more than 5 minutes away from your clock. */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
                /** @description Space-separated `v1,<base64>` signatures; any one matching is enough. */
                "webhook-signature": components["parameters"]["WebhookSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EventEnvelope"];
            };
        };
        responses: {
            200: components["responses"]["ReceiverAccepted"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["SignatureInvalid"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listEventTypes: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page; omit it for the first page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The event catalog. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventTypeList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    getEventType: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The event type name, for example `github.push`. */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The event type. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventType"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    listSubscriptions: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page; omit it for the first page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of subscriptions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    createSubscription: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubscriptionCreate"];
            };
        };
        responses: {
            /** @description The subscription, with its secret shown this once. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionWithSecret"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    getSubscription: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The subscription id. */
                id: components["parameters"]["SubscriptionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Subscription"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    deleteSubscription: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The subscription id. */
                id: components["parameters"]["SubscriptionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    updateSubscription: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The subscription id. */
                id: components["parameters"]["SubscriptionId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubscriptionUpdate"];
            };
        };
        responses: {
            200: components["responses"]["Subscription"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    rotateSubscriptionSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The subscription id. */
                id: components["parameters"]["SubscriptionId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["SecretRotation"];
            };
        };
        responses: {
            /** @description The new secret, shown this once. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RotatedSecret"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    testSubscription: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The subscription id. */
                id: components["parameters"]["SubscriptionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The `ping` event was queued for delivery. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublishedEvent"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    recoverSubscription: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The subscription id. */
                id: components["parameters"]["SubscriptionId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecoverRequest"];
            };
        };
        responses: {
            /** @description The number of deliveries queued again. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecoverResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    listEvents: {
        parameters: {
            query?: {
                /** @description Only events of this type. */
                type?: string;
                /** @description Only events created at or after this time. */
                since?: string;
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page; omit it for the first page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of events. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    publishEvent: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the publish safe to retry. The same key with the same body (compared as a JSON value, whatever the order of its keys) returns the first response; with another body it is a `409`. Kept at least 24 h. Keys starting with `inbound:` are hookspec's own (the events its receivers forward) and are refused with `400`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PublishEventRequest"];
            };
        };
        responses: {
            /** @description The event was stored and its deliveries queued. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublishedEvent"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    getEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The event id. */
                id: components["parameters"]["EventId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The event. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Event"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    listEventDeliveries: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page; omit it for the first page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path: {
                /** @description The event id. */
                id: components["parameters"]["EventId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of deliveries. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    getDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The delivery id. */
                id: components["parameters"]["DeliveryId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The delivery. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Delivery"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    retryDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The delivery id. */
                id: components["parameters"]["DeliveryId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The delivery is queued. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Delivery"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    listInbound: {
        parameters: {
            query?: {
                /** @description Only deliveries from this provider. */
                provider?: components["schemas"]["Provider"];
                /** @description Only deliveries of this provider event type: an exact match (`pull_request.opened`, `charge.succeeded`), or everything under a prefix that ends before a dot (`pull_request` also matches `pull_request.opened`). */
                event_type?: string;
                /** @description Only deliveries with this processing status. */
                status?: components["schemas"]["InboundStatus"];
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page; omit it for the first page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the inbound log. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboundDeliveryList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    getInbound: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The inbound delivery id. */
                id: components["parameters"]["InboundId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The inbound delivery. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboundDelivery"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    replayInbound: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The inbound delivery id. */
                id: components["parameters"]["InboundId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The delivery is queued for processing again. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboundDelivery"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
        };
    };
    listInboundRefusals: {
        parameters: {
            query?: {
                /** @description Only refusals of requests from this address. */
                source?: string;
                /** @description Only refusals by this receiver (its operationId). */
                receiver?: string;
                /** @description Only refusals with this reason (the problem `code` the request got). */
                reason?: string;
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page; omit it for the first page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the refusal audit. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboundRefusalList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    githubPush: {
        parameters: {
            query?: never;
            header: {
                /** @description The message id, the same on every retry of one delivery; deduplicate on it. */
                "webhook-id": components["parameters"]["WebhookId"];
                /** @description Unix seconds when the attempt was signed; refuse values more than 5 minutes away from your clock. */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
                /** @description Space-separated `v1,<base64>` signatures; any one matching is enough. */
                "webhook-signature": components["parameters"]["WebhookSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @constant */
                    type: "github.push";
                    /** Format: date-time */
                    timestamp: string;
                    data: components["schemas"]["GithubPushPayload"];
                };
            };
        };
        responses: {
            /** @description Any 2xx answer within 15 seconds acknowledges the delivery. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone. The subscription is disabled at once and a `subscription.disabled` event is published. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many requests. The retry honours `Retry-After` (clamped). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    githubPullRequest: {
        parameters: {
            query?: never;
            header: {
                /** @description The message id, the same on every retry of one delivery; deduplicate on it. */
                "webhook-id": components["parameters"]["WebhookId"];
                /** @description Unix seconds when the attempt was signed; refuse values more than 5 minutes away from your clock. */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
                /** @description Space-separated `v1,<base64>` signatures; any one matching is enough. */
                "webhook-signature": components["parameters"]["WebhookSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @constant */
                    type: "github.pull_request";
                    /** Format: date-time */
                    timestamp: string;
                    data: components["schemas"]["GithubPullRequestPayload"];
                };
            };
        };
        responses: {
            /** @description Any 2xx answer within 15 seconds acknowledges the delivery. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone. The subscription is disabled at once and a `subscription.disabled` event is published. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many requests. The retry honours `Retry-After` (clamped). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    githubIssues: {
        parameters: {
            query?: never;
            header: {
                /** @description The message id, the same on every retry of one delivery; deduplicate on it. */
                "webhook-id": components["parameters"]["WebhookId"];
                /** @description Unix seconds when the attempt was signed; refuse values more than 5 minutes away from your clock. */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
                /** @description Space-separated `v1,<base64>` signatures; any one matching is enough. */
                "webhook-signature": components["parameters"]["WebhookSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @constant */
                    type: "github.issues";
                    /** Format: date-time */
                    timestamp: string;
                    data: components["schemas"]["GithubIssuesPayload"];
                };
            };
        };
        responses: {
            /** @description Any 2xx answer within 15 seconds acknowledges the delivery. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone. The subscription is disabled at once and a `subscription.disabled` event is published. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many requests. The retry honours `Retry-After` (clamped). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    stripePaymentIntentSucceeded: {
        parameters: {
            query?: never;
            header: {
                /** @description The message id, the same on every retry of one delivery; deduplicate on it. */
                "webhook-id": components["parameters"]["WebhookId"];
                /** @description Unix seconds when the attempt was signed; refuse values more than 5 minutes away from your clock. */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
                /** @description Space-separated `v1,<base64>` signatures; any one matching is enough. */
                "webhook-signature": components["parameters"]["WebhookSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @constant */
                    type: "stripe.payment_intent.succeeded";
                    /** Format: date-time */
                    timestamp: string;
                    data: components["schemas"]["StripePaymentIntentEvent"];
                };
            };
        };
        responses: {
            /** @description Any 2xx answer within 15 seconds acknowledges the delivery. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone. The subscription is disabled at once and a `subscription.disabled` event is published. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many requests. The retry honours `Retry-After` (clamped). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    stripePaymentIntentPaymentFailed: {
        parameters: {
            query?: never;
            header: {
                /** @description The message id, the same on every retry of one delivery; deduplicate on it. */
                "webhook-id": components["parameters"]["WebhookId"];
                /** @description Unix seconds when the attempt was signed; refuse values more than 5 minutes away from your clock. */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
                /** @description Space-separated `v1,<base64>` signatures; any one matching is enough. */
                "webhook-signature": components["parameters"]["WebhookSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @constant */
                    type: "stripe.payment_intent.payment_failed";
                    /** Format: date-time */
                    timestamp: string;
                    data: components["schemas"]["StripePaymentIntentEvent"];
                };
            };
        };
        responses: {
            /** @description Any 2xx answer within 15 seconds acknowledges the delivery. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone. The subscription is disabled at once and a `subscription.disabled` event is published. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many requests. The retry honours `Retry-After` (clamped). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    stripeChargeSucceeded: {
        parameters: {
            query?: never;
            header: {
                /** @description The message id, the same on every retry of one delivery; deduplicate on it. */
                "webhook-id": components["parameters"]["WebhookId"];
                /** @description Unix seconds when the attempt was signed; refuse values more than 5 minutes away from your clock. */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
                /** @description Space-separated `v1,<base64>` signatures; any one matching is enough. */
                "webhook-signature": components["parameters"]["WebhookSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @constant */
                    type: "stripe.charge.succeeded";
                    /** Format: date-time */
                    timestamp: string;
                    data: components["schemas"]["StripeChargeEvent"];
                };
            };
        };
        responses: {
            /** @description Any 2xx answer within 15 seconds acknowledges the delivery. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone. The subscription is disabled at once and a `subscription.disabled` event is published. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many requests. The retry honours `Retry-After` (clamped). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    stripeChargeFailed: {
        parameters: {
            query?: never;
            header: {
                /** @description The message id, the same on every retry of one delivery; deduplicate on it. */
                "webhook-id": components["parameters"]["WebhookId"];
                /** @description Unix seconds when the attempt was signed; refuse values more than 5 minutes away from your clock. */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
                /** @description Space-separated `v1,<base64>` signatures; any one matching is enough. */
                "webhook-signature": components["parameters"]["WebhookSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @constant */
                    type: "stripe.charge.failed";
                    /** Format: date-time */
                    timestamp: string;
                    data: components["schemas"]["StripeChargeEvent"];
                };
            };
        };
        responses: {
            /** @description Any 2xx answer within 15 seconds acknowledges the delivery. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone. The subscription is disabled at once and a `subscription.disabled` event is published. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many requests. The retry honours `Retry-After` (clamped). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    slackMessage: {
        parameters: {
            query?: never;
            header: {
                /** @description The message id, the same on every retry of one delivery; deduplicate on it. */
                "webhook-id": components["parameters"]["WebhookId"];
                /** @description Unix seconds when the attempt was signed; refuse values more than 5 minutes away from your clock. */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
                /** @description Space-separated `v1,<base64>` signatures; any one matching is enough. */
                "webhook-signature": components["parameters"]["WebhookSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @constant */
                    type: "slack.message";
                    /** Format: date-time */
                    timestamp: string;
                    data: components["schemas"]["SlackEventCallback"];
                };
            };
        };
        responses: {
            /** @description Any 2xx answer within 15 seconds acknowledges the delivery. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone. The subscription is disabled at once and a `subscription.disabled` event is published. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many requests. The retry honours `Retry-After` (clamped). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    slackCommand: {
        parameters: {
            query?: never;
            header: {
                /** @description The message id, the same on every retry of one delivery; deduplicate on it. */
                "webhook-id": components["parameters"]["WebhookId"];
                /** @description Unix seconds when the attempt was signed; refuse values more than 5 minutes away from your clock. */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
                /** @description Space-separated `v1,<base64>` signatures; any one matching is enough. */
                "webhook-signature": components["parameters"]["WebhookSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @constant */
                    type: "slack.command";
                    /** Format: date-time */
                    timestamp: string;
                    data: components["schemas"]["SlackCommand"];
                };
            };
        };
        responses: {
            /** @description Any 2xx answer within 15 seconds acknowledges the delivery. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone. The subscription is disabled at once and a `subscription.disabled` event is published. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many requests. The retry honours `Retry-After` (clamped). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    slackInteraction: {
        parameters: {
            query?: never;
            header: {
                /** @description The message id, the same on every retry of one delivery; deduplicate on it. */
                "webhook-id": components["parameters"]["WebhookId"];
                /** @description Unix seconds when the attempt was signed; refuse values more than 5 minutes away from your clock. */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
                /** @description Space-separated `v1,<base64>` signatures; any one matching is enough. */
                "webhook-signature": components["parameters"]["WebhookSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @constant */
                    type: "slack.interaction";
                    /** Format: date-time */
                    timestamp: string;
                    data: components["schemas"]["SlackBlockActionsPayload"];
                };
            };
        };
        responses: {
            /** @description Any 2xx answer within 15 seconds acknowledges the delivery. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone. The subscription is disabled at once and a `subscription.disabled` event is published. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many requests. The retry honours `Retry-After` (clamped). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    orderCreated: {
        parameters: {
            query?: never;
            header: {
                /** @description The message id, the same on every retry of one delivery; deduplicate on it. */
                "webhook-id": components["parameters"]["WebhookId"];
                /** @description Unix seconds when the attempt was signed; refuse values more than 5 minutes away from your clock. */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
                /** @description Space-separated `v1,<base64>` signatures; any one matching is enough. */
                "webhook-signature": components["parameters"]["WebhookSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @constant */
                    type: "order.created";
                    /** Format: date-time */
                    timestamp: string;
                    data: components["schemas"]["OrderCreated"];
                };
            };
        };
        responses: {
            /** @description Any 2xx answer within 15 seconds acknowledges the delivery. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone. The subscription is disabled at once and a `subscription.disabled` event is published. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many requests. The retry honours `Retry-After` (clamped). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ping: {
        parameters: {
            query?: never;
            header: {
                /** @description The message id, the same on every retry of one delivery; deduplicate on it. */
                "webhook-id": components["parameters"]["WebhookId"];
                /** @description Unix seconds when the attempt was signed; refuse values more than 5 minutes away from your clock. */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
                /** @description Space-separated `v1,<base64>` signatures; any one matching is enough. */
                "webhook-signature": components["parameters"]["WebhookSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @constant */
                    type: "ping";
                    /** Format: date-time */
                    timestamp: string;
                    data: components["schemas"]["Ping"];
                };
            };
        };
        responses: {
            /** @description Any 2xx answer within 15 seconds acknowledges the delivery. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone. The subscription is disabled at once and a `subscription.disabled` event is published. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many requests. The retry honours `Retry-After` (clamped). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    subscriptionDisabled: {
        parameters: {
            query?: never;
            header: {
                /** @description The message id, the same on every retry of one delivery; deduplicate on it. */
                "webhook-id": components["parameters"]["WebhookId"];
                /** @description Unix seconds when the attempt was signed; refuse values more than 5 minutes away from your clock. */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
                /** @description Space-separated `v1,<base64>` signatures; any one matching is enough. */
                "webhook-signature": components["parameters"]["WebhookSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @constant */
                    type: "subscription.disabled";
                    /** Format: date-time */
                    timestamp: string;
                    data: components["schemas"]["SubscriptionDisabled"];
                };
            };
        };
        responses: {
            /** @description Any 2xx answer within 15 seconds acknowledges the delivery. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone. The subscription is disabled at once and a `subscription.disabled` event is published. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many requests. The retry honours `Retry-After` (clamped). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    deliveryExhausted: {
        parameters: {
            query?: never;
            header: {
                /** @description The message id, the same on every retry of one delivery; deduplicate on it. */
                "webhook-id": components["parameters"]["WebhookId"];
                /** @description Unix seconds when the attempt was signed; refuse values more than 5 minutes away from your clock. */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
                /** @description Space-separated `v1,<base64>` signatures; any one matching is enough. */
                "webhook-signature": components["parameters"]["WebhookSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @constant */
                    type: "delivery.exhausted";
                    /** Format: date-time */
                    timestamp: string;
                    data: components["schemas"]["DeliveryExhausted"];
                };
            };
        };
        responses: {
            /** @description Any 2xx answer within 15 seconds acknowledges the delivery. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone. The subscription is disabled at once and a `subscription.disabled` event is published. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many requests. The retry honours `Retry-After` (clamped). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
