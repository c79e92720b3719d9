// Warnings on what the moderator plans to do with the post, before any reply goes out.
// Same shape and rule ids as `check` findings, so draft, batch and JSON treat them alike.
import type { Classification } from './classify.js';
import type { Finding, Intent, Lang, MessageType, Severity } from './domain.js';

interface IntentSituation {
  intent: Intent;
  type: MessageType;
  lang: Lang;
}

type Text = Record<Lang, string>;

function warning(rule: string, severity: Severity, intent: Intent, message: Text, advice: Text, lang: Lang): Finding {
  return { rule, severity, line: 0, column: 0, excerpt: `--intent ${intent}`, message: message[lang], advice: advice[lang] };
}

export function intentWarnings({ intent, type, lang }: IntentSituation, classification: Classification): Finding[] {
  switch (intent) {
    case 'delete':
    case 'hide': {
      const verb = intent === 'delete' ? { en: 'Deleting', nl: 'Verwijderen' } : { en: 'Hiding', nl: 'Verbergen' };
      if (classification.abusive && classification.abuseTarget === 'person') {
        return [
          warning(
            'deletion',
            'hint',
            intent,
            {
              en: `${verb.en} is allowed here: the post contains abusive language (${classification.abusiveCues.join(', ')}).`,
              nl: `${verb.nl} mag hier: het bericht bevat scheldwoorden (${classification.abusiveCues.join(', ')}).`,
            },
            {
              en: 'Say publicly that the post is removed and why, and still offer help on the matter itself.',
              nl: 'Zeg publiek dat het bericht verdwijnt en waarom, en bied toch hulp aan bij het probleem zelf.',
            },
            lang,
          ),
        ];
      }
      if (classification.abusive) {
        return [
          warning(
            'deletion',
            'warning',
            intent,
            {
              en: `The swearing is aimed at the company, not at a person (${classification.abusiveCues.join(', ')}): this is frustration, not abuse.`,
              nl: `Het schelden is gericht op het bedrijf, niet op een persoon (${classification.abusiveCues.join(', ')}): dit is frustratie, geen misbruik.`,
            },
            {
              en: 'Leave it up and ask how you can help; that usually ends it. Remove it only if it crosses the line, and then say so publicly.',
              nl: 'Laat het staan en vraag waarmee je kunt helpen; dat lost het meestal op. Verwijder alleen als het echt over de grens gaat, en zeg dat dan publiek.',
            },
            lang,
          ),
        ];
      }
      return [
        warning(
          'deletion',
          'error',
          intent,
          {
            en: `${verb.en} a post that is merely negative backfires: followers notice, the customer posts again and others join in (the oil-slick effect).`,
            nl: `${verb.nl} van een bericht dat alleen negatief is werkt averechts: volgers zien het, de klant post opnieuw en anderen haken aan (het olievlekeffect).`,
          },
          {
            en: 'Reply instead: acknowledge the problem in public and take the details to DM.',
            nl: 'Reageer in plaats daarvan: erken het probleem publiek en haal de details naar DM.',
          },
          lang,
        ),
      ];
    }
    case 'ignore': {
      if (type === 'remark') {
        return [
          warning(
            'ignoring',
            'hint',
            intent,
            {
              en: 'Not replying can be right for a remark: does the customer or the company gain anything from a reply?',
              nl: 'Niet reageren kan goed zijn bij een opmerking: heeft de klant of het bedrijf iets aan een reactie?',
            },
            {
              en: 'If a reply, a solution or a listening ear helps either side, reply after all.',
              nl: 'Helpt een reactie, een oplossing of een luisterend oor een van beide, reageer dan toch.',
            },
            lang,
          ),
        ];
      }
      const compliment = type === 'compliment';
      return [
        warning(
          'ignoring',
          compliment ? 'warning' : 'error',
          intent,
          compliment
            ? {
                en: 'An unanswered compliment is a missed chance to reward a fan in public.',
                nl: 'Een onbeantwoord compliment is een gemiste kans om een fan publiek te belonen.',
              }
            : {
                en: `Ignoring a ${type === 'question' ? 'question' : 'complaint'} in public backfires: social media is a conversation, and others read along.`,
                nl: `Een ${type === 'question' ? 'vraag' : 'klacht'} publiek negeren werkt averechts: social media is een gesprek, en anderen lezen mee.`,
              },
          {
            en: 'Reply, even briefly, and move to a private channel where that helps.',
            nl: 'Reageer, al is het kort, en ga naar een privékanaal waar dat helpt.',
          },
          lang,
        ),
      ];
    }
    case 'legal':
      return [
        warning(
          'legal-threat',
          classification.abusive && classification.abuseTarget === 'person' ? 'warning' : 'error',
          intent,
          {
            en: 'Legal steps before trying to solve it kindly backfire: word of a lawyer’s letter spreads faster than the complaint.',
            nl: 'Juridische stappen voordat je het vriendelijk hebt geprobeerd werken averechts: een advocatenbrief gaat sneller rond dan de klacht.',
          },
          {
            en: 'Solve it kindly first, in private. Threats against staff are a matter for your manager, not for the public reply.',
            nl: 'Los het eerst vriendelijk op, privé. Bedreiging van medewerkers is iets voor je leidinggevende, niet voor de publieke reactie.',
          },
          lang,
        ),
      ];
    default:
      return [];
  }
}
