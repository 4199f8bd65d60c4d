/**
 * The terminal line a long command keeps up to date: rewritten in place on a terminal, one line per finished
 * step elsewhere (a log file or CI gets no carriage-return noise).
 */
export interface ProgressLine {
  update(text: string, done: boolean): void;
}

export function progressLine(stream: NodeJS.WriteStream = process.stdout): ProgressLine {
  const live = stream.isTTY === true;
  return {
    update(text, done) {
      if (live) stream.write(`\r\x1b[K${text}${done ? "\n" : ""}`);
      else if (done) stream.write(`${text}\n`);
    },
  };
}
