export * from './replay.ts';
export { decodeReplay, encodeReplay, replayLink, startDecodeReplay, type ScheduleDecoding } from './link.ts';
export { linkForPayload } from './linkForPayload.ts';
export { raceDiagram, DIAGRAM_WIDTH, type DiagramOptions } from './diagram.ts';
export { formatACarries, linkOrReason, linkProblem } from './linkable.ts';
