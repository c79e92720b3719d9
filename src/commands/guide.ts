// STUB: the guide command (issue 7).
import { WebcareError } from '../errors.js';
export async function runGuide(_topic: string | undefined, _options: Record<string, unknown>): Promise<void> {
  throw new WebcareError('guide is not built yet.');
}
