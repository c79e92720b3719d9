// Colour only where a person reads it: on a TTY (or FORCE_COLOR), never when NO_COLOR is set.
import { Chalk, type ChalkInstance } from 'chalk';

export function colorsFor(stream: NodeJS.WriteStream): ChalkInstance {
  const env = process.env;
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0';
  return new Chalk({ level: !noColor && (forced || stream.isTTY) ? 1 : 0 });
}
