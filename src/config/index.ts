import { readInboundConfig, type InboundConfig } from './inbound.js';
import { readOpsConfig, type OpsConfig } from './ops.js';
import { readOutboundConfig, type OutboundConfig } from './outbound.js';
import { checkBufferedBytes, readServerConfig, type ServerConfig } from './server.js';

/**
 * The whole configuration, defaulted once. Each room (inbound, outbound, …) adds its own section
 * in its own file (`src/config/<room>.ts`) and is composed here.
 */
export interface Config {
  server: ServerConfig;
  inbound: InboundConfig;
  outbound: OutboundConfig;
  ops: OpsConfig;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const config = {
    server: readServerConfig(env),
    inbound: readInboundConfig(env),
    outbound: readOutboundConfig(env),
    ops: readOpsConfig(env),
  };
  // Settings of two sections that must agree.
  checkBufferedBytes(config.server, config.inbound.maxBodyBytes);
  return config;
}
