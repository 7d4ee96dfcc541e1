/** The 415 details the receivers and the management API both give, worded once so one client handles both. */
export const unsupportedCharset = (charset: string): string => `Content-Type charset "${charset}" is not supported; send UTF-8.`;

export const unsupportedEncoding = (encoding: string): string => `Content-Encoding "${encoding}" is not supported; send the body uncompressed.`;
