export * from './replay.ts';
export { decodeReplay, encodeReplay, replayLink } from './link.ts';
export { linkForPayload } from './linkForPayload.ts';
export { raceDiagram, DIAGRAM_WIDTH, type DiagramOptions } from './diagram.ts';
export { linkOrReason, linkProblem } from './linkable.ts';
