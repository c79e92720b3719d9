// The checker's rules as data: what each one catches, why it backfires and what to do instead,
// in both languages. The word lists live in rules-nl.ts and rules-en.ts, the shapes (numbers,
// addresses, capitals, placeholders) in rules-shapes.ts; check.ts only runs them.
// The ids are part of the interface (JSON output, --disable, config): never rename one.
import type { Lang, Severity } from './domain.js';

export const RULE_IDS = [
  'deletion',
  'insult',
  'legal-threat',
  'blame',
  'shouting',
  'impersonal',
  'generic-contact',
  'private-data',
  'unfilled',
  'too-long',
  'defensive',
  'empty-promise',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

type Localized = Record<Lang, string>;

export interface RuleInfo {
  id: RuleId;
  /** The usual severity; `deletion` drops to hint when the reply gives abuse as the reason, `too-long` is an error on X. */
  severity: Severity;
  title: Localized;
  /** Why it backfires, from the domain. */
  why: Localized;
  /** What to do instead. */
  advice: Localized;
  /** What a finding says is wrong. */
  message: Localized;
}

export const RULES: readonly RuleInfo[] = [
  {
    id: 'deletion',
    severity: 'error',
    title: { en: "Removing the customer's post", nl: 'Het bericht van de klant verwijderen' },
    why: {
      en: 'Followers saw the post; removing it feeds the frustration, the customer posts again and others join in (the oil-slick effect).',
      nl: 'Volgers hebben het bericht gezien; weghalen voedt de frustratie, de klant post opnieuw en anderen sluiten aan (het olievlekeffect).',
    },
    advice: {
      en: 'Leave the post up and answer it; take the rest to DM and solve it kindly. Remove only abusive language, and then say publicly that and why.',
      nl: 'Laat het bericht staan en reageer erop; neem de rest mee naar DM en los het vriendelijk op. Verwijder alleen scheldwoorden, en zeg dan publiek dat en waarom.',
    },
    message: {
      en: "announces that the customer's post is removed or hidden",
      nl: 'kondigt aan dat het bericht van de klant verwijderd of verborgen wordt',
    },
  },
  {
    id: 'insult',
    severity: 'error',
    title: { en: 'Insulting the customer', nl: 'De klant beledigen' },
    why: {
      en: 'Name-calling or mocking in public is brand suicide: everyone reading along takes the customer’s side.',
      nl: 'Schelden of spotten in het openbaar is merkzelfmoord: iedereen die meeleest kiest de kant van de klant.',
    },
    advice: {
      en: 'Stay polite and helpful, whatever the tone of the post; count to ten, then answer the question itself.',
      nl: 'Blijf beleefd en behulpzaam, hoe het bericht ook klinkt; tel tot tien en beantwoord dan de vraag zelf.',
    },
    message: { en: 'belittles or mocks the customer', nl: 'kleineert of bespot de klant' },
  },
  {
    id: 'legal-threat',
    severity: 'error',
    title: { en: 'Threatening legal steps', nl: 'Dreigen met juridische stappen' },
    why: {
      en: 'A lawyer’s letter or a police report over a complaint travels far and makes the company the bully, even when only "considered".',
      nl: 'Een advocatenbrief of aangifte om een klacht gaat rond en maakt het bedrijf de pestkop, ook als het "overwogen" wordt.',
    },
    advice: {
      en: 'Leave lawyers and the police out of a public reply; move to DM or phone and solve it kindly first.',
      nl: 'Laat advocaten en politie uit een publieke reactie; ga naar DM of telefoon en los het eerst vriendelijk op.',
    },
    message: { en: 'threatens legal steps or the police', nl: 'dreigt met juridische stappen of de politie' },
  },
  {
    id: 'blame',
    severity: 'error',
    title: { en: 'Blaming the customer', nl: 'De klant de schuld geven' },
    why: {
      en: 'Being told it is your own fault, in public, turns a question into a grudge, and readers remember the tone, not the facts.',
      nl: 'In het openbaar horen dat het je eigen schuld is maakt van een vraag een wrok, en meelezers onthouden de toon, niet de feiten.',
    },
    advice: {
      en: 'Help without a verdict: say what will solve it now, and explain the rule kindly if it matters.',
      nl: 'Help zonder oordeel: zeg wat het nu oplost, en leg de regel vriendelijk uit als die ertoe doet.',
    },
    message: { en: 'puts the fault on the customer', nl: 'legt de schuld bij de klant' },
  },
  {
    id: 'shouting',
    severity: 'error',
    title: { en: 'Shouting', nl: 'Schreeuwen' },
    why: {
      en: 'Capitals and stacked exclamation marks read as anger, or as a reply written in anger.',
      nl: 'Hoofdletters en gestapelde uitroeptekens lezen als boosheid, of als een reactie in boosheid geschreven.',
    },
    advice: {
      en: 'Write in ordinary sentence case with at most one exclamation mark; let the words carry the warmth.',
      nl: 'Schrijf gewone zinnen met hoogstens één uitroepteken; laat de woorden de warmte dragen.',
    },
    message: { en: 'shouts: capitals or stacked exclamation marks', nl: 'schreeuwt: hoofdletters of gestapelde uitroeptekens' },
  },
  {
    id: 'impersonal',
    severity: 'error',
    title: { en: 'Impersonal, scripted reply', nl: 'Onpersoonlijke standaardreactie' },
    why: {
      en: 'Customers expect their own name and a person, not a script; "Dear customer" and case numbers say nobody read the message.',
      nl: 'Klanten verwachten hun eigen naam en een mens, geen script; "Beste klant" en dossiernummers zeggen dat niemand het bericht las.',
    },
    advice: {
      en: 'Greet with the first name ("Hi Marja,"), or with no name at all ("Hi there,"), name the matter, and sign as a person.',
      nl: 'Groet met de voornaam ("Hoi Marja,"), of zonder naam ("Hoi!"), noem waar het over gaat en onderteken als mens.',
    },
    message: { en: 'reads as a script, not as a person', nl: 'leest als een script, niet als een mens' },
  },
  {
    id: 'generic-contact',
    severity: 'error',
    title: { en: 'Sending the customer to a generic line', nl: 'De klant naar een algemeen nummer sturen' },
    why: {
      en: 'A paid 0900 number or a general inbox feels like being sent away; people want a known person who already has the story.',
      nl: 'Een betaald 0900-nummer of een algemene inbox voelt als wegsturen; mensen willen een bekend iemand die het verhaal al kent.',
    },
    advice: {
      en: 'Keep it with you: invite them to DM, or say who will call them and when.',
      nl: 'Houd het bij jezelf: nodig uit voor een DM, of zeg wie ze belt en wanneer.',
    },
    message: { en: 'sends the customer to a generic contact', nl: 'stuurt de klant naar een algemeen contactpunt' },
  },
  {
    id: 'private-data',
    severity: 'error',
    title: { en: 'Personal data in public', nl: 'Persoonsgegevens in het openbaar' },
    why: {
      en: 'Everything in a public reply is read, copied and kept by strangers; account numbers, addresses and phone numbers never belong there.',
      nl: 'Alles in een publieke reactie wordt door vreemden gelezen, gekopieerd en bewaard; rekeningnummers, adressen en telefoonnummers horen daar nooit.',
    },
    advice: {
      en: 'Take it out and continue in DM, where you can look at the details safely.',
      nl: 'Haal het eruit en ga verder in een DM, waar je veilig in de gegevens kunt kijken.',
    },
    message: { en: 'shows personal data in public', nl: 'toont persoonsgegevens in het openbaar' },
  },
  {
    id: 'unfilled',
    severity: 'error',
    title: { en: 'Placeholder left in', nl: 'Invulveld blijven staan' },
    why: {
      en: 'An empty greeting or a visible {{name}} shows the reply is a form letter, and the customer feels processed, not helped.',
      nl: 'Een lege aanhef of een zichtbaar {{naam}} verraadt een standaardbrief; de klant voelt zich afgehandeld, niet geholpen.',
    },
    advice: {
      en: 'Fill in the name, or greet without one ("Hi there,"); never leave a gap or a placeholder.',
      nl: 'Vul de naam in, of groet zonder naam ("Hoi!"); laat nooit een gat of invulveld staan.',
    },
    message: { en: 'has a placeholder or an empty gap', nl: 'bevat een invulveld of een leeg gat' },
  },
  {
    id: 'too-long',
    severity: 'warning',
    title: { en: 'Too long for the channel', nl: 'Te lang voor het kanaal' },
    why: {
      en: 'X cuts off at 280 characters, signature included; on every channel the first public reply works best short.',
      nl: 'X kapt af bij 280 tekens, ondertekening inbegrepen; op elk kanaal werkt de eerste publieke reactie het best kort.',
    },
    advice: {
      en: 'Keep the first reply to acknowledging, one concrete step and the DM invitation; the details go in private.',
      nl: 'Beperk de eerste reactie tot erkennen, één concrete stap en de uitnodiging voor een DM; details gaan privé.',
    },
    message: { en: 'is too long for the channel', nl: 'is te lang voor het kanaal' },
  },
  {
    id: 'defensive',
    severity: 'warning',
    title: { en: 'Defensive or condescending', nl: 'Defensief of betweterig' },
    why: {
      en: '"Policy says", "as stated" and excuses about staffing make an annoyed customer more annoyed, and the company sounds like it is arguing.',
      nl: '"Volgens onze voorwaarden", "zoals vermeld" en smoesjes over drukte maken een geïrriteerde klant bozer; het bedrijf klinkt alsof het ruziet.',
    },
    advice: {
      en: 'Own the problem and say what you will do; if a rule applies, explain it once, kindly, as help.',
      nl: 'Neem het probleem op je en zeg wat je doet; geldt er een regel, leg die dan één keer vriendelijk uit, als hulp.',
    },
    message: { en: 'sounds defensive or condescending', nl: 'klinkt defensief of betweterig' },
  },
  {
    id: 'empty-promise',
    severity: 'warning',
    title: { en: 'Empty promise or cliché', nl: 'Lege belofte of cliché' },
    why: {
      en: 'Vague promises, passive sentences and stock phrases ("we understand your frustration") read as a script that will not do anything.',
      nl: 'Vage beloftes, lijdende zinnen en standaardzinnen ("we begrijpen je frustratie") lezen als een script dat niets gaat doen.',
    },
    advice: {
      en: 'Say who does what and when ("we’ll check it today and DM you"), in your own words.',
      nl: 'Zeg wie wat doet en wanneer ("we zoeken het vandaag uit en sturen je een DM"), in je eigen woorden.',
    },
    message: { en: 'is vague, passive or a stock phrase', nl: 'is vaag, lijdend of een standaardzin' },
  },
];

export const RULE_INFO = Object.fromEntries(RULES.map((rule) => [rule.id, rule])) as Record<RuleId, RuleInfo>;

export function isRuleId(value: string): value is RuleId {
  return (RULE_IDS as readonly string[]).includes(value);
}

/** What a deletion finding says when the reply does give abuse as the reason (the domain's exception). */
export const DELETION_WITH_REASON: { message: Localized; advice: Localized } = {
  message: {
    en: 'removes the post and says it is because of abusive language: allowed, if the reason stays this clear',
    nl: 'verwijdert het bericht en noemt scheldwoorden als reden: mag, als de reden zo duidelijk blijft',
  },
  advice: {
    en: 'Keep the reason in the reply, stay calm, and offer to continue in DM without the abuse.',
    nl: 'Houd de reden in de reactie, blijf rustig en bied aan verder te praten in een DM, zonder de scheldwoorden.',
  },
};
