// STUB: the check command (issue 4).
import { WebcareError } from '../errors.js';
export async function runCheck(_files: string[], _options: Record<string, unknown>): Promise<void> {
  throw new WebcareError('check is not built yet.');
}
