// generated from openapi.yaml; do not edit
export * from './validators.cjs';
