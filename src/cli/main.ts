export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}
export async function main(_argv: string[], io: Io): Promise<number> {
  io.out('collapse-lab\n');
  return 0;
}
