// STUB: replaced by the check work (issue 4). The shape below is the contract.
import type { Channel, Finding, Lang } from './domain.js';
import { detectLang } from './lang.js';

export interface CheckOptions {
  lang?: Lang;
  /** Enables channel length limits. */
  channel?: Channel;
  /** Rule ids to skip. */
  disable?: readonly string[];
  /** Words or phrases that never trigger a rule (a brand in capitals, a product called "Advocaat"). */
  allow?: readonly string[];
  /** The customer's name when known: a reply without it is impersonal. */
  name?: string | null;
  /** The agent's own signature, which is never private data or shouting. */
  agent?: string | null;
}

export interface CheckResult {
  lang: Lang;
  findings: Finding[];
}

export function check(text: string, options: CheckOptions = {}): CheckResult {
  return { lang: options.lang ?? detectLang(text), findings: [] };
}
