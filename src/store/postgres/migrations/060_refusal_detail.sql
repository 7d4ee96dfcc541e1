-- Why each refusal was made, beside its code: 'invalid_signature' alone cannot tell a wrong secret from a malformed header.
ALTER TABLE inbound_refusals ADD COLUMN detail text;
