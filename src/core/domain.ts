// The domain's vocabulary: every choice the tool knows, as data. The ids are part of the
// interface (flags, JSON, batch fields, config), so they never change spelling.

export const LANGS = ['nl', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export const CHANNELS = ['x', 'facebook', 'instagram', 'linkedin', 'whatsapp', 'review', 'email'] as const;
export type Channel = (typeof CHANNELS)[number];

export const MESSAGE_TYPES = ['complaint', 'question', 'remark', 'compliment'] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

export const PERSONAS = [
  'meek',
  'aggressive',
  'demanding',
  'opportunist',
  'chronic',
  'ambassador',
  'critic',
  'introvert',
  'angry',
] as const;
export type Persona = (typeof PERSONAS)[number];

export const FAULTS = ['company', 'customer', 'third-party', 'unclear'] as const;
export type Fault = (typeof FAULTS)[number];

export const INTENTS = ['reply', 'private', 'delete', 'hide', 'ignore', 'legal'] as const;
export type Intent = (typeof INTENTS)[number];

export const TOPICS = [
  'delivery',
  'outage',
  'billing',
  'product',
  'service',
  'app',
  'travel',
  'subscription',
  'advertising',
  'other',
] as const;
export type Topic = (typeof TOPICS)[number];

export const SEVERITIES = ['error', 'warning', 'hint'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** One thing in a reply (or a planned move) that will backfire, and what to do instead. */
export interface Finding {
  rule: string;
  severity: Severity;
  /** 1-based; 0 when the finding is about the whole draft or a move, not a place in the text. */
  line: number;
  column: number;
  excerpt: string;
  message: string;
  advice: string;
}

type Localized = Record<Lang, string>;

export interface PersonaInfo {
  label: Localized;
  /** One line: how a moderator recognises this customer. */
  recognise: Localized;
  /** One line: what the reply must do. */
  strategy: Localized;
  /** One line: what backfires with this customer. */
  avoid: Localized;
}

// Written in our own words from shared/domain.md.
export const PERSONA_INFO: Record<Persona, PersonaInfo> = {
  meek: {
    label: { en: 'meek', nl: 'zachtmoedig' },
    recognise: {
      en: 'rarely complains; writes only when pushed to the limit and wants to be heard',
      nl: 'klaagt zelden; schrijft pas als de maat vol is en wil gehoord worden',
    },
    strategy: {
      en: 'apologise publicly, on the same channel, and fix it; done well they become a quiet ambassador',
      nl: 'bied publiek excuses aan, op hetzelfde kanaal, en los het op; goed geholpen worden ze stille fans',
    },
    avoid: {
      en: 'moving them off the channel before they feel heard; a reply that reads like a script',
      nl: 'ze naar een ander kanaal sturen voordat ze zich gehoord voelen; een reactie die als script leest',
    },
  },
  aggressive: {
    label: { en: 'aggressive', nl: 'agressief' },
    recognise: {
      en: 'complains often and loudly; capitals, exclamation marks, reacts badly to apologies',
      nl: 'klaagt vaak en luid; hoofdletters, uitroeptekens, reageert slecht op excuses',
    },
    strategy: {
      en: 'no grovelling: agree there is a problem, say what will be done, take it to DM, e-mail or phone',
      nl: 'niet kruiperig: erken dat er een probleem is, zeg wat je gaat doen, neem het mee naar DM, mail of telefoon',
    },
    avoid: {
      en: 'piling on apologies, answering aggression with aggression, a long public back-and-forth',
      nl: 'excuses stapelen, agressie met agressie beantwoorden, een lange publieke discussie',
    },
  },
  demanding: {
    label: { en: 'demanding', nl: 'veeleisend' },
    recognise: {
      en: 'expects the best and pays for it; complains with reason and wants results',
      nl: 'verwacht het beste en betaalt ervoor; klaagt terecht en wil resultaat',
    },
    strategy: {
      en: 'listen, pin the problem down, confirm quickly and concretely in public, solve it offline',
      nl: 'luister, breng het probleem scherp in kaart, bevestig snel en concreet online, los het offline op',
    },
    avoid: {
      en: 'vague promises, slow answers, fobbing them off with a standard line',
      nl: 'vage beloftes, trage antwoorden, afschepen met een standaardzin',
    },
  },
  opportunist: {
    label: { en: 'opportunist', nl: 'opportunistisch' },
    recognise: {
      en: 'keeps saying "that is not enough"; wants more than the fix',
      nl: 'blijft zeggen "dat is niet genoeg"; wil meer dan de oplossing',
    },
    strategy: {
      en: 'stay objective, back every answer with facts; on the first "not enough" ask what would solve it',
      nl: 'blijf objectief, onderbouw elk antwoord met feiten; vraag bij het eerste "niet genoeg" wat het oplost',
    },
    avoid: {
      en: 'grovelling or offering compensation nobody asked the moderator to give',
      nl: 'kruiperige excuses of een compensatie die niemand de moderator heeft laten beloven',
    },
  },
  chronic: {
    label: { en: 'chronic complainer', nl: 'chronische klager' },
    recognise: {
      en: 'always finds something wrong; "again", "every time", complaining is the point',
      nl: 'vindt altijd iets; "weer", "elke keer", het klagen is het doel',
    },
    strategy: {
      en: 'be patient and never irritated, listen, offer a private line instead of a public debate',
      nl: 'wees geduldig en nooit geïrriteerd, luister, bied een privélijn aan in plaats van een publiek debat',
    },
    avoid: {
      en: 'arguing facts in public: that dialogue cannot be won',
      nl: 'in het openbaar over feiten discussiëren: die discussie win je niet',
    },
  },
  ambassador: {
    label: { en: 'brand ambassador', nl: 'merkambassadeur' },
    recognise: {
      en: 'loyal and positive; shares and reacts to your posts',
      nl: 'trouw en positief; deelt en reageert op je berichten',
    },
    strategy: {
      en: 'reward them: thank them by name, share their post, give a shout-out',
      nl: 'beloon ze: bedank ze bij naam, deel hun bericht, geef ze een shout-out',
    },
    avoid: {
      en: 'a bland standard thank-you, or leaving their post unanswered',
      nl: 'een kale standaard-bedankt, of hun bericht onbeantwoord laten',
    },
  },
  critic: {
    label: { en: 'critic', nl: 'criticaster' },
    recognise: {
      en: 'negative about everything you post, often since one very bad experience',
      nl: 'negatief over alles wat je plaatst, vaak sinds één heel slechte ervaring',
    },
    strategy: {
      en: 'respectful and kind; take the sting out of that one experience; if they stay critical, stop digging',
      nl: 'respectvol en vriendelijk; haal de angel uit die ene ervaring; blijft het kritisch, stop dan met graven',
    },
    avoid: {
      en: 'defending yourself point by point, or sarcasm',
      nl: 'je punt voor punt verdedigen, of sarcasme',
    },
  },
  introvert: {
    label: { en: 'introvert', nl: 'introvert' },
    recognise: {
      en: 'reads everything, rarely reacts; a careful, hedged question; often knows exactly what is going on',
      nl: 'leest alles, reageert zelden; een voorzichtige vraag; weet vaak precies wat er speelt',
    },
    strategy: {
      en: 'answer, then ask them a question and start the conversation; their involvement is worth rewarding',
      nl: 'geef antwoord en stel ze een vraag om het gesprek te beginnen; hun betrokkenheid verdient beloning',
    },
    avoid: {
      en: 'a one-line answer that closes the conversation',
      nl: 'een antwoord van één regel dat het gesprek afsluit',
    },
  },
  angry: {
    label: { en: 'temporarily angry', nl: 'tijdelijk boos' },
    recognise: {
      en: 'angry right now after being helped badly; usually reasonable once helped',
      nl: 'nu boos nadat ze slecht geholpen zijn; meestal redelijk zodra ze geholpen worden',
    },
    strategy: {
      en: 'respond fast with empathy, admit the mistake when it is ours, make it personal, follow up',
      nl: 'reageer snel en met empathie, geef de fout toe als die van ons is, maak het persoonlijk, kom erop terug',
    },
    avoid: {
      en: 'excuses about staffing or systems, a slow reply; in doubt, have a colleague read it first',
      nl: 'smoesjes over drukte of systemen, een trage reactie; twijfel je, laat een collega meelezen',
    },
  },
};

export const FAULT_INFO: Record<Fault, Localized> = {
  company: { en: 'ours: admit it plainly and apologise', nl: 'bij ons: geef het gewoon toe en bied excuses aan' },
  customer: { en: "the customer's: help without blaming", nl: 'bij de klant: help zonder te verwijten' },
  'third-party': {
    en: "a third party's: own the customer's experience, say what we'll do",
    nl: 'bij een derde: neem de ervaring van de klant serieus, zeg wat wij doen',
  },
  unclear: { en: 'not clear yet: show empathy, find out', nl: 'nog onduidelijk: toon begrip, zoek het uit' },
};

export const INTENT_INFO: Record<Intent, Localized> = {
  reply: { en: 'reply in public', nl: 'publiek reageren' },
  private: { en: 'reply and move it to a private channel', nl: 'reageren en naar een privékanaal halen' },
  delete: { en: 'delete the post', nl: 'het bericht verwijderen' },
  hide: { en: 'hide the post', nl: 'het bericht verbergen' },
  ignore: { en: 'not respond', nl: 'niet reageren' },
  legal: { en: 'take legal steps', nl: 'juridische stappen zetten' },
};

/** Longest reply each channel takes gracefully (X's is a hard limit, signature included). */
export const CHANNEL_MAX_LENGTH: Record<Channel, number> = {
  x: 280,
  instagram: 500,
  whatsapp: 500,
  facebook: 700,
  linkedin: 900,
  review: 1500,
  email: 3000,
};

/** Channels whose replies are read by others along with the customer. */
export const PUBLIC_CHANNELS: readonly Channel[] = ['x', 'facebook', 'instagram', 'linkedin', 'review'];

/** The largest message or reply the tool accepts, in bytes. */
export const MAX_TEXT_BYTES = 100 * 1024;
/** The longest line (or CSV record) of a batch export, in bytes: a longer one is reported and skipped. */
export const MAX_LINE_BYTES = 1024 * 1024;

export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}
