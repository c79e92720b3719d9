// STUB: the batch command (issue 6).
import { WebcareError } from '../errors.js';
export async function runBatch(_file: string | undefined, _options: Record<string, unknown>): Promise<void> {
  throw new WebcareError('batch is not built yet.');
}
