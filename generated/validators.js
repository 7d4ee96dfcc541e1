// generated from openapi.yaml; do not edit
// ESM entry over the CommonJS standalone code (Ajv's ESM output can still contain require()).
import validators from './validators.cjs';

export const { validateWebhook, validateRequestBody, validateParameters, webhookNames, bodyOperationIds, parameterOperationIds } = validators;
