// The pure classify core: each cue as a signal, the fitted weights, then accuracy over the
// labelled messages in test/fixtures.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classify, readMessage, type Classification } from '../src/core/classify.js';
import { pack, tableOf, weigh, type Weights } from '../src/core/weights.js';
import FITTED_WEIGHTS from '../src/core/weights.json' with { type: 'json' };
import { compileCues } from '../src/core/cues.js';
import { EN } from '../src/core/cues-en.js';
import { NL } from '../src/core/cues-nl.js';
import { PERSONAS, type Fault, type Lang, type MessageType, type Persona, type Topic } from '../src/core/domain.js';

const WEIGHTS = FITTED_WEIGHTS as Weights;
const top = (c: Classification) => c.personas[0]!;
const persona = (c: Classification, id: Persona) => c.personas.find((p) => p.id === id)!;

describe('cues as signals', () => {
  it('reads all-caps shouting and stacked exclamation marks as aggressive', () => {
    const c = classify('WAAROM DUURT DIT ZO LANG, IK WACHT AL DAGEN!!!');
    expect(top(c).id).toBe('aggressive');
    expect(top(c).cues).toEqual(expect.arrayContaining(['capitals', '!!!']));
    expect(c.type).toBe('complaint');
  });

  it('reads "weer", "again", "elke keer" and "every time" as the chronic complainer', () => {
    const nl = classify('Weer te laat bezorgd. Elke keer hetzelfde verhaal met jullie.');
    expect(top(nl).id).toBe('chronic');
    expect(top(nl).cues).toEqual(expect.arrayContaining(['Weer', 'Elke keer']));
    const en = classify('Late again. Every time I order something it is the same.');
    expect(top(en).id).toBe('chronic');
    expect(top(en).cues).toEqual(expect.arrayContaining(['again', 'Every time']));
  });

  it('reads "ik betaal" and "I pay for" as demanding', () => {
    const nl = classify('Ik betaal €60 per maand en verwacht dat het gewoon werkt.');
    expect(top(nl).id).toBe('demanding');
    expect(top(nl).cues).toContain('Ik betaal');
    const en = classify('I pay for the fastest plan and I expect it to work.');
    expect(top(en).id).toBe('demanding');
    expect(top(en).cues).toEqual(expect.arrayContaining(['I pay', 'I expect']));
  });

  it('reads "not enough" as the opportunist', () => {
    const c = classify('A £5 voucher? That is not enough. What do I get for all this?');
    expect(top(c).id).toBe('opportunist');
    expect(top(c).cues).toContain('not enough');
  });

  it('reads praise as a compliment from an ambassador, in both languages', () => {
    for (const text of ['Wat een topservice, chapeau! 👏', 'Huge shoutout to the team, brilliant service 😍']) {
      const c = classify(text);
      expect(c.type).toBe('compliment');
      expect(top(c).id).toBe('ambassador');
      expect(top(c).cues.length).toBeGreaterThan(0);
    }
  });

  it('reads a hedged question as the introvert asking', () => {
    const c = classify('Klopt het dat de nieuwe app geen donkere modus meer heeft?');
    expect(c.type).toBe('question');
    expect(top(c).id).toBe('introvert');
    expect(top(c).cues).toContain('Klopt het dat');
    expect(classify('Quick question: does the app still support offline maps?').personas[0]!.id).toBe('introvert');
  });

  it('reads sorry for asking ("misschien een domme vraag", "wrong place to ask") as the meek one asking', () => {
    for (const text of [
      'Hoi, misschien een domme vraag hoor, maar kan een pakketje ook bij de buren worden afgegeven?',
      'Sorry if this is the wrong place to ask. How do I close my late husband\'s account?',
      'Hi, sorry if this is a silly question, but is the gluten-free bread made on the same line?',
    ]) {
      const c = classify(text);
      expect(c.type, text).toBe('question');
      expect(top(c).id, text).toBe('meek');
    }
  });

  it('reads a reaction under the company\'s own content, or a tip from a quiet reader, as a remark', () => {
    const critic = classify('Mooie campagne weer. Sinds jullie mijn verhuizing vorig jaar verprutst hebben, geloof ik er niks meer van.');
    expect(critic.type).toBe('remark');
    expect(critic.personas[0]!.id).toBe('critic');
    const reader = classify("Quiet reader here. Small note: the link in your last post goes to an old page. Thought you'd want to know.");
    expect(reader.type).toBe('remark');
    expect(reader.personas[0]!.id).toBe('introvert');
  });

  it('counts emoji as signals', () => {
    const c = classify('Nog steeds geen internet 😡');
    expect(persona(c, 'angry').cues).toContain('😡');
    expect(c.type).toBe('complaint');
  });

  it('takes @mentions and #hashtags as a hint for X, with the cues', () => {
    const c = classify('@bezorgdirect waar blijft mijn pakket? #fail');
    expect(c.channel).toBe('x');
    expect(c.channelCues).toEqual(['@bezorgdirect', '#fail']);
  });

  it('matches words with or without accents', () => {
    expect(top(classify('En ja hoor, wéér een storing.')).cues).toContain('wéér');
    expect(classify('Vraagje over mijn factuur.\nGroet, Zoë').name).toBe('Zoë');
  });

  it('finds the name in a signature', () => {
    expect(classify('Derde keer deze maand dat de trein uitvalt.\n— Dennis Voorn (@VoornDennis)').name).toBe('Dennis Voorn');
    expect(classify('Mijn bestelling is nog niet binnen. Willen jullie kijken?\nGroet, Marja').name).toBe('Marja');
    expect(classify('Mijn bestelling is nog niet binnen.').name).toBeNull();
    // A name alone on the last line counts only when set apart, and only when it is no word of ours.
    expect(classify('The parcel still has not arrived. Again.\n\nSarah').name).toBe('Sarah');
    expect(classify('Waar blijft mijn pakket?\n\nSchandalig').name).toBeNull();
    expect(classify('Waar blijft mijn pakket?\nMarja').name).toBe('Marja');
    expect(classify('Waar blijft mijn pakket\nMarja').name).toBeNull();
    // Initials or a title make a name even at the end of the last sentence.
    expect(classify('Graag een reactie.\n\nMet vriendelijke groet,\nJ. Hoekstra').name).toBe('J. Hoekstra');
    expect(classify('Dit moet echt beter. Gr. Hr. Jansen').name).toBe('Hr. Jansen');
    expect(classify('Ik wil weten hoe u dit rechtzet. H. Bakker').name).toBe('H. Bakker');
    expect(classify('Still waiting for an answer.\n— R. van Dijk').name).toBe('R. van Dijk');
    expect(classify('Al 8 jaar klant en nog steeds blij 👍 Groet, Willem').name).toBe('Willem');
    expect(classify('Fixed in ten minutes. This is why I stay.\n— Karen M.').name).toBe('Karen M.');
    expect(classify('Still no refund.\n— Priya Nair, Nair Delicatessen').name).toBe('Priya Nair');
    expect(classify('Ik wacht nu drie weken op een antwoord.\nRia Jansen').name).toBe('Ria Jansen');
  });

  it('tells abuse at a person from cursing at the company', () => {
    const person = classify('Die medewerker van jullie is een arrogante klootzak.');
    expect(person).toMatchObject({ abusive: true, abuseTarget: 'person', abusiveCues: ['klootzak'] });
    expect(top(person).id).toBe('aggressive');
    const company = classify('Kutbedrijf. Al drie dagen geen internet.');
    expect(company).toMatchObject({ abusive: true, abuseTarget: 'company' });
    const en = classify('Your agent is a useless moron.');
    expect(en.abuseTarget).toBe('person');
    expect(classify('ik ben zo’n idioot, ik vergat mijn wachtwoord').abusive).toBe(false);
    expect(classify('Mijn pakket is te laat.')).toMatchObject({ abusive: false, abuseTarget: null, abusiveCues: [] });
  });

  it('gives the reasons a message is sensitive, with the cues', () => {
    const cases: [string, string][] = [
      ['Er is twee keer €49 afgeschreven van mijn rekening.', 'money'],
      ['My insulin was in the suitcase you lost.', 'health'],
      ['Mail me at jan.devries@example.com please.', 'personal-data'],
      ['Ik heb mijn advocaat ingeschakeld.', 'legal'],
      ['The charger started to smoke and caught fire.', 'safety'],
      ['My daughter got sick from your cereal.', 'minors'],
    ];
    for (const [text, reason] of cases) {
      const c = classify(text);
      expect(c.sensitive, text).toBe(true);
      expect(c.sensitiveReasons, text).toContain(reason);
      expect(c.sensitiveCues.length, text).toBeGreaterThan(0);
    }
    expect(classify('Waar blijft mijn pakket?').sensitive).toBe(false);
  });

  it('lists urgency cues: today, now, a missed connection', () => {
    expect(classify('Mijn aansluitende vlucht vertrekt over 40 minuten en we staan nog stil!').urgency).toEqual(
      expect.arrayContaining(['aansluitende vlucht', 'over 40 minuten']),
    );
    expect(classify('I need this fixed today.').urgency).toContain('today');
    expect(classify('Mooie reclame.').urgency).toEqual([]);
  });

  it('points fault at the company, the customer or a third party, with cues', () => {
    expect(classify('Mijn pakket is te laat, al 5 dagen.')).toMatchObject({ fault: 'company' });
    expect(classify('Oeps, ik heb per ongeluk het verkeerde adres ingevuld.').fault).toBe('customer');
    expect(classify('DHL left my parcel in the rain.').fault).toBe('third-party');
    expect(classify('Wat kost een abonnement?').fault).toBe('unclear');
    expect(classify('Outage again, no internet since this morning.').faultCues.length).toBeGreaterThan(0);
  });

  it('does not count praise that is taken back, only signs off, or sits in scare quotes', () => {
    const but = classify("Thanks for the apology but that's not enough.");
    expect(but.type).toBe('complaint');
    expect(top(but).id).toBe('opportunist');
    const signed = classify('My order has been stuck for 16 days and nobody answers. Could someone look into it? Thanks, Priya');
    expect(signed.type).toBe('complaint');
    expect(signed.name).toBe('Priya');
    const quoted = classify("Another 'exciting' campaign while your product falls apart.");
    expect(quoted.type).not.toBe('compliment');
    expect(persona(quoted, 'critic').cues.join(' ')).toContain('exciting');
  });

  it('reads praise followed by "Shame the ..." as sarcasm, and our words in quotes as no sign of register', () => {
    const sneer = classify('Lovely photo of the claims team. Shame the smiles disappear the moment you actually need to claim. Speaking from experience.');
    expect(sneer.type).not.toBe('compliment');
    expect(top(sneer).id).toBe('critic');
    expect(classify("Hoe zeg ik mijn contract op? Geen 'we bellen u terug', gewoon hier antwoord.").formal).toBe(false);
    expect(classify('Kunt u mij vertellen hoe ik mijn contract opzeg?').formal).toBe(true);
  });

  it('reads a fan\'s idea as a remark, and "Congratulations, I suppose" as a sneer', () => {
    expect(classify("Been coming here since you opened! Little idea from a regular: a kids' portion of the mac & cheese would be amazing.").type).toBe('remark');
    expect(classify('Ben al 3 jaar fan 😁 Wel een ideetje: zet de bereidingstijd ook op de voorkant van de kaart.').type).toBe('remark');
    expect(top(classify('Congratulations, I suppose. Might be worth fixing the basics: my room was not cleaned once.')).id).toBe('critic');
    expect(top(classify('Mooi nieuw logo hoor. Misschien eerst een klantenservice die de telefoon opneemt.')).id).toBe('critic');
  });

  it('reads the same failure once more as a complaint, even when it ends in a question', () => {
    expect(classify('Trein van 8:12 weer uitgevallen, ik mis mijn afspraak. Hoe krijg ik mijn geld terug?').type).toBe('complaint');
    expect(classify('My train was cancelled again. How do I claim a refund?').type).toBe('complaint');
    expect(classify('My train was cancelled. How do I claim a refund?').type).toBe('question');
  });

  it('reads sarcasm as a complaint', () => {
    expect(classify('Geweldig hoor, om 18:00 nog steeds geen pakket.').type).toBe('complaint');
    expect(classify('Bedankt NS, weer 40 minuten te laat op mijn werk.').type).toBe('complaint');
    expect(classify('Love how my next day delivery is now on day five 🙄').type).toBe('complaint');
  });

  it('reads praise as meant in a four- or five-star review, next to tears of joy, and before "can\'t wait"', () => {
    const cases: [string, string][] = [
      ['★★★★★ Voor de vierde keer bij jullie gehuurd en weer perfect: auto stond klaar, geen verborgen kosten.', 'ambassador'],
      ['obsessed with the new oat latte 😭☕ been in every morning this week. the barista already knows my order 🫶 best café in town', 'ambassador'],
      ["Love this! Stayed with you every Christmas for 6 years and already booked again, can't wait ❤️", 'ambassador'],
    ];
    for (const [text, persona] of cases) {
      const c = classify(text);
      expect(c.type, text).toBe('compliment');
      expect(c.personas[0]!.id, text).toBe(persona);
    }
    // The same words with two stars, or tears without the praise, still complain.
    expect(classify('★★☆☆☆ Voor de vierde keer bij jullie gehuurd en weer perfect: auto stond niet klaar.').type).toBe('complaint');
    expect(classify('Pakket weer niet bezorgd 😭').type).toBe('complaint');
  });

  it('recognises the topic and a second one, with cues', () => {
    const c = classify('Mijn vlucht naar Rome is geannuleerd en ik wil mijn geld terug.');
    expect(c.topic).toBe('travel');
    expect(c.topicCues).toContain('vlucht');
    expect(c.secondTopic).toBe('billing');
    expect(classify('Hoe zeg ik mijn abonnement op?').topic).toBe('subscription');
  });

  it('ranks all nine personas with scores between 0 and 1, and is deterministic', () => {
    const text = '@shop ALWEER geen pakket!! Dit is de 3e keer. Ik betaal er wel voor.';
    const c = classify(text);
    expect(c.personas.map((p) => p.id).sort()).toEqual([...PERSONAS].sort());
    for (const p of c.personas) expect(p.score).toBeGreaterThanOrEqual(0), expect(p.score).toBeLessThanOrEqual(1);
    expect(c.personas.map((p) => p.score)).toEqual([...c.personas.map((p) => p.score)].sort((a, b) => b - a));
    expect(classify(text)).toEqual(c);
  });

  it('takes a first name alone after the last sentence, a title with a capitalised particle, and a caret signature', () => {
    expect(classify('My internet has been dropping for two weeks. Sort this out today please. Dave').name).toBe('Dave');
    expect(classify('Ik heb twee keer ingecheckt. Vriendelijke groet, mevrouw De Vries').name).toBe('mevrouw De Vries');
    expect(classify('Mark from your team called me back and sorted the bill. Thank you. ^Tom').name).toBe('Tom');
    // A word with a full stop closing the message is no name.
    expect(classify('Why does the line cut off after 20 minutes? Every. Single. Time.').name).toBeNull();
    expect(classify('Now you are our most reliable year yet? Sure.').name).toBeNull();
  });

  it('reads names in any Latin script, decomposed accents, particles and a company after the name', () => {
    expect(classify('Nog steeds geen pakket.\n— Łukasz Nowak').name).toBe('Łukasz Nowak');
    expect(classify('Still waiting for my refund.\n\nNguyễn Văn Minh').name).toBe('Nguyễn Văn Minh');
    expect(classify('Vraagje over mijn factuur.\nGroet, Zoe\u0308').name).toBe('Zoe\u0308');
    expect(classify('Graag een reactie.\n~ J.K. van der Berg, Bakkerij Berg').name).toBe('J.K. van der Berg');
    expect(classify('Wanneer komt de monteur? Groet, Samira el Idrissi').name).toBe('Samira el Idrissi');
    expect(classify('Top service vandaag, dank jullie wel! Utrecht').name).toBeNull();
    expect(classify("Hi, my name is Daniel O'Brien and my router died.").name).toBe("Daniel O'Brien");
    // A particle cannot open a name; a dash in the middle of a sentence is no signature.
    expect(classify('Graag een reactie.\nGroet, van Dijk').name).toBeNull();
    expect(classify('Wifi - Thuis werkt weer niet').name).toBeNull();
  });

  it('reads "not even a thank-you" as no praise, and "off-peak" as no discount', () => {
    const slighted = classify('Eight years with you and not even a thank-you email. Food for thought.');
    expect(slighted.type).not.toBe('compliment');
    expect(top(slighted).id).not.toBe('ambassador');
    const traveller = classify('Just to confirm: if my off-peak return is dated Sunday, is it still valid on Monday?');
    expect(persona(traveller, 'opportunist').cues).toEqual([]);
    expect(persona(classify('Only 20% off? Not enough.'), 'opportunist').cues).toContain('20 off');
  });

  it('notices a death in the writer\'s life, and that "my late husband" was not late', () => {
    const widow = classify("My late husband's account still gets your marketing emails every week. Please could you close it. Helen");
    expect(widow.bereaved).toBe(true);
    expect(widow.sensitiveReasons).toContain('health');
    expect(widow.typeCues).not.toContain('late');
    expect(widow.faultCues).not.toContain('late');
    expect(classify('Mijn vader is vorige maand overleden. Hoe zeg ik zijn abonnement op?').bereaved).toBe(true);
    expect(classify('Vorige week moesten we onze hond laten inslapen. De dierenarts was zo lief.').bereaved).toBe(true);
    expect(classify('Mijn pakket is al een week te laat.').bereaved).toBe(false);
    expect(classify('The train was late again.').bereaved).toBe(false);
  });

  it('notices a customer asking whether a mail, text or link is really ours, not one calling us a scam', () => {
    expect(classify('I got an email asking me to click a link and verify my bank details. Is this really from you?').scamWorry).toBe(true);
    expect(classify('Ik kreeg een sms met een link om €1,99 te betalen. Is dit echt van jullie?').scamWorry).toBe(true);
    expect(classify('This company is a scam, I want my money back!').scamWorry).toBe(false);
    expect(classify('Waar blijft mijn pakket?').scamWorry).toBe(false);
  });

  it('reads fraud, phishing and a bereavement as sensitive', () => {
    expect(classify('Iemand heeft mijn account overgenomen en een telefoon besteld. Dit is fraude!').sensitiveReasons).toContain('personal-data');
    expect(classify('I got an email asking me to verify my bank details. Is this phishing?').sensitive).toBe(true);
    expect(classify('My husband passed away last month and I am trying to close his account.').sensitiveReasons).toContain('health');
    expect(classify('My connection at Frankfurt was cancelled and the transfer desk was closed.').sensitiveReasons).not.toContain('money');
  });

  it('does not take closing thanks after a problem for a compliment, nor a helped customer\'s praise for a complaint', () => {
    expect(classify("Hi, my internet has been dropping every evening for two weeks now. I'm not sure what else to do. Thanks for any help. Ruth").type).toBe('complaint');
    expect(classify('Yesterday I was ready to cancel, but Jess from your support team called me back and fixed the billing error. Credit where it\'s due, thank you').type).toBe('compliment');
    expect(classify('Gisteren was ik nog boos over mijn bezorging, maar vandaag belde iemand me op. Dat noem ik service! Dank jullie wel').type).toBe('compliment');
  });

  it('takes the helped angry customer\'s "I was fuming, but ..." for a compliment, and finds no complaint without something wrong', () => {
    expect(classify("Update: I was fuming yesterday about my cancelled engineer visit, but Jess rang me this morning and it's all working now. Thank you Jess").type).toBe('compliment');
    expect(classify('Mint choc chip 100%!! Took a tub to every barbecue last summer 😋 Tagging my sister so she votes too').type).not.toBe('complaint');
  });

  it('reads a note that opens with "Ter info" or "FYI" as a remark, and abuse as a complaint', () => {
    expect(classify('Ter info: in jullie app staat het tarief nog op het oude bedrag. Volgens mij klopt dat niet meer.').type).toBe('remark');
    expect(classify('FYI the outage map on your website still shows our area as affected but power is back. Might confuse people.').type).toBe('remark');
    const abuse = classify("@Ryanair you're a bunch of thieving scumbags. £60 for a bag that fit in the sizer. Never again, and I'm telling everyone.");
    expect(abuse.type).toBe('complaint');
    expect(abuse.abusive).toBe(true);
  });

  it('notices a customer who writes formally, with the cues', () => {
    const formal = classify('Geachte heer/mevrouw, kunt u mij laten weten wanneer mijn pakket komt?');
    expect(formal.formal).toBe(true);
    expect(formal.formalCues).toEqual(['Geachte', 'u']);
    expect(classify('Hoi, kun je me laten weten wanneer mijn pakket komt?').formal).toBe(false);
    // Text speak "u" in English is no register.
    expect(classify('can u tell me when my parcel arrives?').formal).toBe(false);
    expect(classify('Dear Sir or Madam, my parcel has not arrived.').formal).toBe(true);
  });

  it('notices a question inside a compliment', () => {
    expect(classify('Love my new Fairphone from you guys! Quick one: will you be stocking the official cases soon?').alsoAsks).toBe(true);
    expect(classify('Ik ben zo fan van jullie nieuwe havermelk! Komt die ook in de 1 liter verpakking? Dan koop ik hem elke week 😍').alsoAsks).toBe(true);
    expect(classify('Wat een topservice, dank jullie wel!').alsoAsks).toBe(false);
  });

  it('takes a short echo with a question mark for what it is, not a question', () => {
    expect(classify('A £10 voucher? Not good enough. After what I went through I want a full refund.').type).toBe('complaint');
    // A colon does not end the question: "Before we book: can you ... from 6:30?".
    expect(classify('Before we book: can you guarantee breakfast from 6:30?').type).toBe('question');
  });

  it('reads a note that says it asks for nothing as a remark, unless it asks after all', () => {
    const note = 'Fwiw, the departure board at Central showed the 09:15 as on time while your app said cancelled. Not complaining, just thought your team should know.';
    expect(classify(note).type).toBe('remark');
    expect(classify(note.replace('Not complaining, just thought your team should know.', 'Not complaining, but please fix it.')).type).toBe('complaint');
    const melding = 'Jullie website geeft bij het afrekenen steeds een foutmelding als je met iDEAL betaalt. Even melden, misschien weten jullie het al.';
    expect(classify(melding).type).toBe('remark');
    expect(classify(melding.replace('misschien weten jullie het al', 'kunnen jullie dit oplossen?')).type).toBe('complaint');
  });

  it('finds the colleague a compliment names, and no one else', () => {
    expect(classify('Wat een topservice gisteren van Youssef in de winkel, mijn telefoon was in 10 minuten gerepareerd!').colleague).toBe('Youssef');
    expect(classify('Vandaag geholpen door Anouk aan de telefoon, super vriendelijk en alles geregeld. Dank!').colleague).toBe('Anouk');
    expect(classify('Huge thanks to Mark from your support team, he sorted my broadband in ten minutes.').colleague).toBe('Mark');
    // A company is no colleague, a complaint passes nothing on, and the customer is not their own colleague.
    expect(classify('Thanks to Vodafone for the quick fix!').colleague).toBeNull();
    expect(classify('Mark from your support team hung up on me. Useless.').colleague).toBeNull();
    expect(classify('Priya from your team sorted it in minutes, thank you!\n— Priya').colleague).toBeNull();
  });

  it('refuses a cue with a piece that is no word, which would match something else', () => {
    expect(() => compileCues({ ...EN, urgency: ['% off'] })).toThrow(/"%" is no word/);
    expect(() => compileCues({ ...NL, urgency: ['# korting', 'vandaag'] })).not.toThrow();
  });

  it('honours a forced language', () => {
    expect(classify('Where is my parcel?', { lang: 'nl' }).lang).toBe('nl');
  });
});

// ---- the fitted weights ---------------------------------------------------------------------

describe('fitted weights', () => {
  it("decode from the build's packed form to exactly the weights in weights.json", () => {
    const plain = tableOf(WEIGHTS);
    const packed = tableOf(pack(WEIGHTS));
    expect(Object.keys(WEIGHTS.weights).length).toBeGreaterThan(1000);
    expect([...packed.row]).toEqual([...plain.row]);
    expect(Array.from(packed.thousandths)).toEqual(Array.from(plain.thousandths));
  });

  it('give probabilities per type and per persona, and explain a type by cues and weighed words', () => {
    const c = classify('Hoi, kunnen jullie zeggen wanneer de nieuwe abonnementen beschikbaar komen?');
    expect(c.type).toBe('question');
    expect(c.typeCues.length).toBeGreaterThan(0);
    expect(c.personas.reduce((sum, p) => sum + p.score, 0)).toBeCloseTo(1, 1);
    const features = readMessage('Weer te laat bezorgd. Elke keer hetzelfde verhaal met jullie.').features;
    expect(features.get('weer')).toBe(1);
    expect(features.get('te laat')).toBe(1);
    expect(features.get('start:elke')).toBe(1);
    expect(features.get('cue:persona:chronic')).toBeGreaterThan(0);
    const words = weigh(features);
    expect(words.types.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect(Math.max(...words.types)).toBe(words.types[0]);
  });
});

// ---- accuracy on the labelled sets --------------------------------------------------------

interface Labelled {
  text: string;
  lang: Lang;
  type: MessageType;
  personas: Persona[];
  topic: Topic;
  sensitive: boolean;
  fault: Fault;
  name: string | null;
  abusive: boolean;
}

function load(file: string): Labelled[] {
  return readFileSync(new URL(`fixtures/${file}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Labelled);
}

interface Score {
  total: number;
  /** Per field, how many messages carry that label (the later blind sets label no topic or abuse). */
  labelled: Record<keyof Score['right'], number>;
  right: Record<'lang' | 'type' | 'persona' | 'topic' | 'fault' | 'sensitive' | 'name' | 'abusive', number>;
  /** Best label → suggestion, for the suggestions outside the acceptable labels. */
  confusion: Map<string, number>;
  typeConfusion: Map<string, number>;
}

function measure(rows: Labelled[]): Score {
  const score: Score = {
    total: rows.length,
    right: { lang: 0, type: 0, persona: 0, topic: 0, fault: 0, sensitive: 0, name: 0, abusive: 0 },
    labelled: { lang: 0, type: 0, persona: 0, topic: 0, fault: 0, sensitive: 0, name: 0, abusive: 0 },
    confusion: new Map(),
    typeConfusion: new Map(),
  };
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const row of rows) {
    const c = classify(row.text);
    const suggested = c.personas[0]!.id;
    const hits = {
      lang: c.lang === row.lang,
      type: c.type === row.type,
      persona: row.personas.includes(suggested),
      topic: c.topic === row.topic,
      fault: c.fault === row.fault,
      sensitive: c.sensitive === row.sensitive,
      name: c.name === row.name,
      abusive: c.abusive === row.abusive,
    };
    for (const key of Object.keys(hits) as (keyof typeof hits)[]) {
      if (row[key === 'persona' ? 'personas' : key] === undefined) continue;
      score.labelled[key]++;
      if (hits[key]) score.right[key]++;
    }
    if (!hits.persona) bump(score.confusion, `${row.personas[0]} → ${suggested}`);
    if (!hits.type) bump(score.typeConfusion, `${row.type} → ${c.type}`);
  }
  return score;
}

const pct = (score: Score, key: keyof Score['right']) => score.right[key] / (score.labelled[key] || 1);

function report(label: string, score: Score): string {
  const row = (key: keyof Score['right']) =>
    score.labelled[key] === 0
      ? `  ${key.padEnd(10)}      -  (not labelled)`
      : `  ${key.padEnd(10)} ${`${(100 * pct(score, key)).toFixed(1)}%`.padStart(6)}  (${score.right[key]}/${score.labelled[key]})`;
  const pairs = (map: Map<string, number>) =>
    [...map].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k, n]) => `    ${k} ×${n}`).join('\n') || '    none';
  return [
    `${label}: ${score.total} messages`,
    ...(['type', 'persona', 'topic', 'lang', 'fault', 'sensitive', 'name', 'abusive'] as const).map(row),
    '  persona confusion (best label → suggestion, outside the acceptable labels):',
    pairs(score.confusion),
    '  type confusion (label → suggestion):',
    pairs(score.typeConfusion),
  ].join('\n');
}

const FITTED_TYPE = 0.9;
const FITTED_PERSONA = 0.85;
const FINAL_TYPE = 0.9;
describe('accuracy on labelled messages', () => {
  // The weights (src/core/weights.json) are fitted to every set below but messages-final.jsonl
  // (npm run fit). On the sets they were fitted on, these floors only show that the weights still
  // fit the features classify computes: a cue list or feature changed without a refit shows here.
  // How well they do on messages they never saw is `npm run fit -- --cross` (each set left out in
  // turn) and the final set at the end.
  // Every labelled set npm run fit reads (scripts/fit.ts: all messages*.jsonl but the final set;
  // the spec examples are no set to score), so a set added to the fixtures is checked too.
  // Earlier sets carry their own name and topic floors; the newer ones label no topic.
  const floorsOf: Record<string, Partial<Record<keyof Score['right'], number>>> = {
    'messages.jsonl': { topic: 0.85, name: 0.99 },
    'messages-holdout.jsonl': { topic: 0.75, name: 0.99 },
    'messages-blind.jsonl': { name: 0.97 },
    'messages-blind2.jsonl': { topic: 0.55, name: 0.97 },
    'messages-blind3.jsonl': { topic: 0.62, name: 0.96 },
    'messages-blind4.jsonl': { topic: 0.53, name: 0.95 },
  };
  const fitted = readdirSync(new URL('fixtures/', import.meta.url))
    .filter((file) => /^messages.*\.jsonl$/.test(file) && file !== 'messages-final.jsonl' && file !== 'messages-spec.jsonl')
    .sort()
    .map((file) => [file, floorsOf[file] ?? { name: 0.88 }] as const);
  it('reads all the fitted sets', () => expect(fitted.length).toBeGreaterThanOrEqual(33));
  for (const [file, floors] of fitted) {
    const all = { type: FITTED_TYPE, persona: FITTED_PERSONA, ...floors };
    const shown = Object.entries(all).map(([key, floor]) => `${key} ≥ ${Math.round(floor * 100)}%`);
    it(`fitted set (${file}): ${shown.join(', ')}, language 100%`, () => {
      const score = measure(load(file));
      console.log(report(file, score));
      expect(score.total).toBeGreaterThanOrEqual(70);
      for (const [key, floor] of Object.entries(all)) expect(pct(score, key as keyof Score['right']), key).toBeGreaterThanOrEqual(floor);
      expect(pct(score, 'lang')).toBe(1);
    });
  }

  // Written blind in stop 15 and never fitted on: the weights as shipped, on messages they never
  // saw: type 91%, persona 96% with the weights fitted on 31 sets, 92% and 96% on 34 (the
  // hand-set rules of stop 14 on the same set: type 69%, persona 63%).
  it(`final held-out set (messages-final.jsonl): type ≥ ${FINAL_TYPE * 100}%, top persona acceptable ≥ 80%, language 100%`, () => {
    const score = measure(load('messages-final.jsonl'));
    console.log(report('messages-final.jsonl', score));
    expect(score.total).toBeGreaterThanOrEqual(100);
    expect(pct(score, 'type')).toBeGreaterThanOrEqual(FINAL_TYPE);
    expect(pct(score, 'persona')).toBeGreaterThanOrEqual(0.8);
    expect(pct(score, 'lang')).toBe(1);
  });
});
