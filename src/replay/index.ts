export * from './replay.ts';
export { decodeReplay, encodeReplay, replayLink } from './link.ts';
