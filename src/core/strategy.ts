// The one line that says why a reply looks like it does (the JSON "strategy"). It is built from
// the same plan the templates get, so it can never ask for an apology the reply leaves out, or
// the other way round. Pure: no I/O.
import { FAULT_INFO, PERSONA_INFO, type Lang, type MessageType, type Persona } from './domain.js';
import type { ReplyContext } from './render.js';

type Localized = Record<Lang, string>;

/** What each persona's strategy comes to for a message that reports no problem. */
const NO_PROBLEM: Record<Persona, Record<Exclude<MessageType, 'complaint'>, Localized>> = {
  meek: {
    question: { en: 'answer right here, on the same channel, kindly', nl: 'geef hier antwoord, op hetzelfde kanaal, vriendelijk' },
    remark: { en: 'thank them here, on the same channel, for speaking up', nl: 'bedank ze hier, op hetzelfde kanaal, dat ze het zeggen' },
    compliment: { en: 'thank them warmly for speaking up', nl: 'bedank ze hartelijk dat ze het laten horen' },
  },
  aggressive: {
    question: { en: 'no fuss: take the question seriously and answer it in DM, e-mail or phone', nl: 'zonder omhaal: neem de vraag serieus en beantwoord hem via DM, mail of telefoon' },
    remark: { en: 'no fuss: agree where they have a point, take it further in private', nl: 'zonder omhaal: geef ze gelijk waar het klopt, ga privé verder' },
    compliment: { en: 'thank them, briefly and plainly', nl: 'bedank ze, kort en zakelijk' },
  },
  demanding: {
    question: { en: 'confirm the question quickly and concretely, answer it in private', nl: 'bevestig de vraag snel en concreet, beantwoord hem privé' },
    remark: { en: 'confirm the point quickly and concretely, follow it up in private', nl: 'bevestig het punt snel en concreet, werk het privé uit' },
    compliment: { en: 'thank them and confirm that this is the standard they can count on', nl: 'bedank ze en bevestig dat dit de standaard is' },
  },
  opportunist: {
    question: { en: 'stay objective and stick to the facts; ask what exactly they need', nl: 'blijf objectief en bij de feiten; vraag wat ze precies nodig hebben' },
    remark: { en: 'stay objective: thank them for the point, promise nothing extra', nl: 'blijf objectief: bedank voor het punt, beloof niets extra' },
    compliment: { en: 'thank them factually, promise nothing extra', nl: 'bedank ze zakelijk, beloof niets extra' },
  },
  chronic: {
    question: { en: 'be patient, no public debate: offer a private line for the answer', nl: 'wees geduldig, geen publiek debat: bied een privélijn aan voor het antwoord' },
    remark: { en: 'be patient and listen, no public debate: offer a private line', nl: 'wees geduldig en luister, geen publiek debat: bied een privélijn aan' },
    compliment: { en: 'thank them patiently and warmly, nothing more', nl: 'bedank ze geduldig en hartelijk, meer niet' },
  },
  ambassador: {
    question: { en: 'thank them for their loyalty and answer them first', nl: 'bedank ze voor hun trouw en help ze met voorrang' },
    remark: { en: 'thank them for thinking along and reward it', nl: 'bedank ze voor het meedenken en beloon dat' },
    compliment: { en: 'reward them: thank them by name, share their post, give a shout-out', nl: 'beloon ze: bedank ze bij naam, deel hun bericht, geef ze een shout-out' },
  },
  critic: {
    question: { en: 'respectful and kind: a straight answer, no defending', nl: 'respectvol en vriendelijk: een eerlijk antwoord, niet verdedigen' },
    remark: { en: 'respectful and kind: take the point seriously, take the sting out', nl: 'respectvol en vriendelijk: neem het punt serieus, haal de angel eruit' },
    compliment: { en: 'respectful and kind: thank them simply, no dig at the past', nl: 'respectvol en vriendelijk: bedank ze gewoon, geen sneer naar vroeger' },
  },
  introvert: {
    question: { en: 'answer, then ask them a question to start the conversation', nl: 'geef antwoord en stel ze een vraag om het gesprek te beginnen' },
    remark: { en: 'thank them, then ask them a question: they know more than they wrote', nl: 'bedank ze en stel ze een vraag: ze weten meer dan ze schreven' },
    compliment: { en: 'thank them, then ask them a question they have not answered yet', nl: 'bedank ze en stel ze een vraag die ze nog niet beantwoordden' },
  },
  angry: {
    question: { en: 'respond fast and personally, with empathy', nl: 'reageer snel en persoonlijk, met empathie' },
    remark: { en: 'respond fast and personally, with empathy', nl: 'reageer snel en persoonlijk, met empathie' },
    compliment: { en: 'thank them personally', nl: 'bedank ze persoonlijk' },
  },
};

/** The meek customer's complaint when it is not our fault: sorry that it happened, admitting nothing. */
const MEEK_NOT_OURS: Localized = {
  en: 'say publicly, on the same channel, that you are sorry they ran into this, and help',
  nl: 'zeg publiek, op hetzelfde kanaal, dat het je spijt dat ze hier last van hebben, en help',
};

const TEXT = {
  apologise: { en: 'fault ours: admit it plainly and apologise', nl: 'schuld bij ons: geef het gewoon toe en bied excuses aan' },
  ownNoApology: {
    en: 'fault ours: agree plainly that it went wrong, without an apology',
    nl: 'schuld bij ons: erken ronduit dat het misging, zonder excuses',
  },
  admitPoint: { en: 'fault ours: give them the point plainly', nl: 'schuld bij ons: geef ze ronduit gelijk' },
  customer: { en: "fault the customer's: help without blaming, admit nothing", nl: 'schuld bij de klant: help zonder verwijt, geef niets toe' },
  question: { en: 'question: show the way to an answer, no apology', nl: 'vraag: wijs de weg naar een antwoord, geen excuses' },
  compliment: { en: 'compliment: thanks, never an apology', nl: 'compliment: bedanken, geen excuses' },
  followUp: { en: 'ask afterwards whether it worked', nl: 'vraag daarna of het gelukt is' },
  sensitive: { en: 'sensitive: continue in private', nl: 'gevoelig: verder in een privékanaal' },
} satisfies Record<string, Localized>;

export function strategyLine(plan: ReplyContext): string {
  const lang = plan.lang as Lang;
  const persona = plan.persona as Persona;
  const type = plan.type as MessageType;
  const info = PERSONA_INFO[persona];
  const personaText =
    type !== 'complaint'
      ? NO_PROBLEM[persona][type][lang]
      : persona === 'meek' && !plan.apologise
        ? MEEK_NOT_OURS[lang]
        : info.strategy[lang];
  const parts = [`${info.label[lang]}: ${personaText}`];
  if (type === 'compliment' || type === 'question') parts.push(TEXT[type][lang]);
  else if (plan.fault === 'company') parts.push((plan.apologise ? (type === 'remark' ? TEXT.admitPoint : TEXT.apologise) : TEXT.ownNoApology)[lang]);
  else if (plan.fault === 'customer') parts.push(TEXT.customer[lang]);
  // A third party's fault, or none known yet: the same words as the fault question's choices.
  else parts.push(`${lang === 'nl' ? 'schuld' : 'fault'} ${FAULT_INFO[plan.fault as 'third-party' | 'unclear'][lang]}`);
  if (plan.followUp) parts.push(TEXT.followUp[lang]);
  if (plan.sensitive) parts.push(TEXT.sensitive[lang]);
  return parts.join('; ');
}
