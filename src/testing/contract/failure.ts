/** A contract case that failed: the message names the operation or webhook, what was sent and the JSON pointer at fault. */
export class ContractFailure extends Error {
  override readonly name = 'ContractFailure';
}

/** Fails the case with `message` unless `condition` holds. */
export function check(condition: unknown, message: () => string): asserts condition {
  if (!condition) throw new ContractFailure(message());
}
