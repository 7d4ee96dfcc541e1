-- Due rows by subscription: a claim whose scan of the due index meets a long run of rows it may not take (a disabled
-- or saturated subscription's backlog) looks up the earliest due rows of each eligible subscription here instead of
-- walking that whole run on every poll.
CREATE INDEX deliveries_subscription_due ON deliveries (subscription_id, next_attempt_at) WHERE status = 'pending';
