/** The 415 (and 417) details the receivers and the management API both give, worded once so one client handles both. */
export const unsupportedCharset = (charset: string): string => `Content-Type charset "${charset}" is not supported; send UTF-8.`;

export const unsupportedEncoding = (encoding: string, header: 'Content-Encoding' | 'Transfer-Encoding' = 'Content-Encoding'): string =>
  `${header} "${encoding}" is not supported; send the body uncompressed.`;

/** The 417 detail: node itself would answer a bare 417; the sender's value is cut short, it is only echoed back. */
export const unsupportedExpectation = (expectation: string): string =>
  `Expect "${expectation.length > 64 ? `${expectation.slice(0, 64)}...` : expectation}" cannot be met; only "100-continue" is supported.`;
