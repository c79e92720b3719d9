// Dutch words and phrases for the checker, one phrase a line (syntax: see rules-sets.ts).
// To extend a rule, add a line; a test in test/check.test.ts runs the labelled corpus.
import type { Lexicon } from './rules-sets.js';

/** One phrase a line; blank lines and lines starting with # are left out. */
export function lines(block: string): string[] {
  return block
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

const POST = String.raw`(je|jouw|uw|dit|deze|dat|die|het) (eerdere |vorige )?(bericht|berichtje|berichten|reactie|reacties|post|posts|tweet|tweets|review|reviews|recensie|comment|comments|opmerking|foto|video)`;
const AUX = String.raw`(is|wordt|werd|zijn|worden|werden|zal|zullen|gaan|ga|gaat|hebben|heb|hebt|heeft|moeten|moest|moesten|we|wij|ik|helaas|daarom|dus|nu|even|door|ons|inmiddels|al|ook|direct|meteen)`;
const REMOVED = String.raw`(verwijderd|verwijderen|verborgen|verbergen|weggehaald|weghalen|gewist|wissen|offline gehaald|offline halen|onzichtbaar gemaakt|afgeschermd)`;
const REMOVE = String.raw`(verwijderen|verbergen|wissen|verwijder|verberg)`;
const YOU = String.raw`(je|jij|u)`;
/** What "je had ... moeten" may end in without blaming: it was ours to do ("ontvangen", "krijgen"). */
const NOT_BLAME = String.raw`(?! (ontvangen|krijgen|hebben|zijn|worden|horen|komen|aankomen|binnenkomen|meemaken|ervaren|gebeuren|staan|liggen|lukken|werken|wachten))`;

export const NL: Lexicon = {
  deletion: lines(String.raw`
    ${POST} (${AUX} ){0,5}${REMOVED}(?! (niet|nooit))
    ${POST} (over|onder|op|bij|van|met|in) … (${AUX} ){0,5}${REMOVED}(?! (niet|nooit))
    (we|wij|ik) (${AUX} ){0,3}${REMOVE} ${POST}(?! (niet|nooit))
    (${REMOVE}|halen|haal) (we|wij|ik) ${POST}(?! (niet|nooit))
    (we|wij|ik) (halen|haal) ${POST} (weg|offline)
    ${POST} (halen|haal|verwijderen|verbergen) (we|wij|ik) (weg|offline|(?=[.,!]))
    (halen|haal) (we|wij|ik) (het|hem|die|deze|dit) (weg|offline)
    (verwijderen|verbergen|verwijder|verberg) (we|wij|ik) (het|hem|deze|dit)(?=[\t\x20]*([.,!;]|$))
  `),
  removalReasons: lines(String.raw`
    scheld\p{L}*
    (grof|grove|ongepast|ongepaste|kwetsend|kwetsende) (taal|taalgebruik|woorden|opmerkingen)
    beledig\p{L}*
    kwetsend\p{L}*
    discrimin\p{L}*
    racist\p{L}*
    bedreig\p{L}*
    haatzaai\p{L}*
    vloek\p{L}*
    grensoverschrijdend\p{L}*
    over de grens
    huisregels
  `),
  requests: lines(String.raw`
    (kun|kan|wil|wilt|zou|mag) ${YOU}
    ${YOU} (kunt|kan|mag|wilt|wil)
    (vragen|vroegen|verzoeken) ${YOU}
  `),
  insult: lines(String.raw`
    idioot
    idioten
    sukkel\p{L}*
    debiel\p{L}*
    randdebiel\p{L}*
    mongool
    klootzak\p{L}*
    imbeciel\p{L}*
    zeikerd
    zeur\p{L}*
    gezeur
    gezeik
    gezever
    aansteller\p{L}*
    stel je (niet|toch niet) (zo )?aan
    jankerd
    huilebalk
    ga (lekker |maar |toch )?(huilen|janken)
    huilie
    achterlijk\p{L}*
    kneus
    malloot
    kankerlijer
    tyfuslijer
    teringlijer
    trut
    (domme|stomme|dwaze|rare|belachelijke|onnozele) (vraag|vragen|opmerking|klacht|reactie|klant)
    ${YOU} (bent|was|doet) (echt |zo |wel |gewoon |nogal |ook )?(dom|stom|achterlijk|kinderachtig|dramatisch|overdreven)
    doe (eens )?normaal
    doe niet zo (dom|stom|moeilijk|raar|kinderachtig|dramatisch|overdreven)
    (wat|hoe) (dom|stom|kinderachtig) van (je|jou|u)
    onzin
    flauwekul
    kletskoek
    wat een (gezeur|drama|klager|grap)
    ${YOU} overdrijft
    overdrijf (niet|toch)
    drama( )?queen
    boeien
    jammer dan
    pech gehad
    zoek (maar |eens )?een leven
    hou (je|jij) (mond|kop|bek)
    rot (toch )?op
    (flikker|donder|sodemieter) op
    (leer|leren) (eerst |eens |toch )?lezen
    (kun|kan) (je|jij|u) (niet|soms niet) lezen
    (een|zo'n) (simpele|eenvoudige|makkelijke) (handleiding|uitleg|instructie) niet (kunt|kan|kunnen) (volgen|lezen|begrijpen)
    (niet te geloven|ongelofelijk|bizar) dat (iemand|je|jij|u|mensen) (dit|dat|het|zoiets) niet (snapt|snappen|begrijpt|begrijpen|kan|kunt|kunnen)
    (is|lijkt) (duidelijk |echt |gewoon )?niet (jouw|uw|je) (ding|sterkste kant|fort)
    (alweer|weer|nog) een klacht van (onze|ons|de)
    lezen is (ook )?(moeilijk|lastig|een vak)
    klaag(t)? (altijd|over alles)
    altijd (maar )?(klagen|zeuren)
  `),
  ridiculous: lines(String.raw`
    belachelijk\p{L}*
    absurd\p{L}*
  `),
  aboutUs: lines(String.raw`
    wacht\p{L}*
    lang\p{L}*
    laat
    sorry
    excuses
    onze fout
    van ons
    ons aan
  `),
  legalThreat: lines(String.raw`
    advocaat
    advocaten
    advocatenkantoor
    (juridische|gerechtelijke) (stappen|actie|acties|procedure|procedures|weg|afdeling|gevolgen|maatregelen)
    juridisch (traject|vervolg)
    rechtszaak
    rechtszaken
    (naar|voor) de rechter
    dagvaard\p{L}*
    sommatie
    ingebrekestelling
    incassobureau
    incasso-bureau
    deurwaarder\p{L}*
    smaad
    laster
    aansprakelijk (stellen|gesteld|te stellen)
    (we|wij|ik) (${AUX} ){0,3}(doen |gaan |zullen |overwegen |schakelen |bellen |waarschuwen )?(aangifte|de politie)
    (genoodzaakt|gedwongen|geen andere keus dan) (om )?(\p{L}+ ){0,2}(aangifte|de politie|juridisch\p{L}*|een advocaat)
    (doen|gaan|zullen|overwegen|hebben|schakelen) (we|wij|ik) (${AUX} |nu |dan )?(aangifte|de politie)
    aangifte (tegen|van) (je|jou|u)
  `),
  blame: lines(String.raw`
    eigen schuld
    (je|jouw|uw) (eigen )?(fout|schuld|verantwoordelijkheid)
    ${YOU} (bent|was) (zelf )?(verantwoordelijk|aansprakelijk|schuldig)
    ${YOU} (had|hadden|hebt|heeft) … moeten${NOT_BLAME}
    (had|hadden) ${YOU} … moeten${NOT_BLAME}
    (had|hadden) ${YOU} (dat |het |dit |dan |toch )?maar
    (dat|dit|het) staat (er )?(toch |gewoon |heel |echt |ook )*duidelijk
    staat (er )?toch (heel |gewoon |echt |ook )?(duidelijk|gewoon|overal|vermeld|aangegeven)
    ${YOU} (hebt|heeft|had) (\p{L}+ ){0,3}niet (goed |goed genoeg |zorgvuldig )?(gelezen|opgelet|gekeken|gecontroleerd|ingevuld|ingevoerd|doorgegeven|betaald|opgezegd)
    niet goed (gelezen|opgelet)
    (ligt|lag) het (misschien |dan |toch )?niet aan (ons|de|het|onze)
    beter (lezen|opletten)
    volgende keer (beter |even |goed |eerst )?(lezen|opletten|kijken|checken|controleren|nadenken)
    (had|hadden) ${YOU} (dat |het |dit )?(zelf )?kunnen (weten|zien|lezen)
    (dat|het|dit) had(den)? ${YOU} (zelf )?kunnen (weten|zien|lezen)
    wie lezen kan
    kleine lettertjes
    ligt (echt |toch |gewoon |helemaal )?aan (jou|jezelf|u|uzelf)
    (gebruikers|bedienings)fout
    als ${YOU} … (had|hadden) (gevolgd|gelezen|gecontroleerd|opgelet|gekeken|ingevuld|bijgehouden|geluisterd)
    (had|hadden) ${YOU} … (gevolgd|gelezen|gecontroleerd|opgelet|gekeken|ingevuld|geluisterd)[,]? (dan|was|had|waren|hadden)
    (doordat|omdat) ${YOU} (\p{L}+ ){0,2}zelf
    ${YOU} (hebt|heeft|had) zelf (de|het|een) (verkeerde|foute|onjuiste)
    zelf (de|het|een) (verkeerde|foute|onjuiste) (\p{L}+ ){1,2}(gekozen|gekocht|besteld|ingevuld|aangeklikt|geboekt|opgegeven|ingevoerd)
  `),
  negations: lines(String.raw`
    niet
    geen
    nooit
    allerminst
  `),
  impersonal: lines(String.raw`
    (beste|geachte|lieve|hallo|hoi|dag) (klant|klanten|relatie|reiziger|reizigers|gebruiker|gebruikers|abonnee|lezer|volger|consument|cliënt|klant van \p{L}+)
    (beste|geachte) (heer|mevrouw)(( )?/( )?mevrouw| of mevrouw|, mevrouw| en mevrouw)?(?=\s*([,.!:]|$))
    (case|dossier|referentie|klacht|melding|meldings|zaak|servicedesk)[- ]?(nummer|nr\.?|id)
    (uw|je|jouw) (case|dossier)
    (onder|met) (kenmerk|referentie) [\p{L}\p{N}#-]*\d[\p{L}\p{N}#-]*
    (uw|je) (klacht|melding|vraag|verzoek) is (geregistreerd|vastgelegd|aangemaakt)
    we hebben (je|uw) (bericht|klacht|mail|e-mail|verzoek|vraag|melding) (in goede orde )?ontvangen
    binnen (\d{2}|tien|veertien) werkdagen
  `),
  genericContact: lines(String.raw`
    09(00|06|09)([ -]?\d\d+){0,4}(-\p{L}+)?
    (bel|bellen|mail|mailen|app|appen) (dan |gerust |even )?(met |naar )?(onze|de|het) (klantenservice|klachtenlijn|klachtenafdeling|klachtennummer|servicenummer|helpdesk|servicedesk|klantcontact|algemene nummer)
    (contact|contact opnemen) met (onze|de) (klantenservice|klachtenafdeling|helpdesk|servicedesk|afdeling klantcontact)
    neem (dan |gerust )?contact op met (onze|de) (klantenservice|klachtenafdeling|helpdesk|servicedesk)
    (onze|de) (klachtenlijn|klachtenafdeling|klachtendesk)
    (het|ons) (klachtenformulier|contactformulier)
  `),
  defensive: lines(String.raw`
    zoals (eerder |al |reeds |hierboven |eerder al )?(vermeld|aangegeven|gemeld|gezegd|uitgelegd|gecommuniceerd)
    zoals (ik|we|wij) (al |eerder |reeds |al eerder )?(zei|zeiden|zeg|zeggen|schreef|schreven|aangaf|aangaven|uitlegde|uitlegden|meldde|meldden)
    zoals (je|u) (kunt|kan) (lezen|zien)
    zoals (je|u) (al |zelf |wel )?weet
    nogmaals[:,]
    voor de (tweede|derde|laatste|zoveelste) keer
    (volgens|conform|op grond van|vanwege|zie) (onze|de) (algemene |leverings)?(voorwaarden|leveringsvoorwaarden)
    (volgens|conform|vanwege|op grond van) (ons|het) beleid
    (ons|het) beleid (is|zegt|schrijft)
    dat is (nu eenmaal |gewoon )?(ons )?beleid
    beleid is beleid
    regels zijn regels
    dat zijn (nu eenmaal )?de regels
    (kunnen|kan) (we|wij|ik) (daar |er |hier )?(helaas |verder )?niets (aan )?(doen|veranderen)
    daar (kunnen|kan) (we|wij|ik) (helaas |verder )?niets (aan )?(doen|veranderen)
    niets aan te doen
    meer (kunnen|kan) (we|wij|ik) (helaas )?(niet|niets) (voor (je|u) )?doen
    (onze|de) (algemene )?(voorwaarden|regels) zijn (daar |hier |er |daarover )?(heel |erg |zeer |nogal |toch )?(duidelijk|helder)
    (we|wij) hebben (gewoon )?(de )?(juiste |normale |standaard |gebruikelijke )?(procedure|regels) gevolgd
    niet (onze|ons) (fout|schuld|probleem|verantwoordelijkheid|zaak)
    ligt niet aan ons
    (we|wij) zijn niet (verantwoordelijk|aansprakelijk)
    (we|wij) hebben niets (fout|verkeerd) gedaan
    onderbezetting
    personeelstekort
    te weinig personeel
    (door|vanwege) (de )?(grote |enorme )?drukte
    (onze )?systemen (lagen|lag|waren) (er)?uit
    lees (eerst |even |dan |goed |eerst even )?(de|onze) (algemene voorwaarden|voorwaarden|faq|website|site|handleiding|instructies|veelgestelde vragen)
  `),
  vaguePromise: lines(String.raw`
    (we|wij|ik) (gaan |zullen |zal |ga )?((er|hier|daar) (even |eens |zeker )?naar|ernaar|hiernaar|daarnaar) kijken
    (we|wij|ik) (kijken|kijk) ((er|hier|daar) (even |eens |zeker )?naar|ernaar|hiernaar|daarnaar)
    (we|wij|ik) (gaan|zullen|zal) (het|dit) (bekijken|onderzoeken)
    (we|wij|ik) (nemen|neem) (het|dit|je feedback|je klacht|uw klacht|uw feedback) mee
    (we|wij|ik) (kijken|kijk) wat (we|ik) (voor je |voor u )?(kunnen|kan) doen
    (we|wij|ik) (komen|kom) (er )?(zo snel mogelijk|zsm|z\.s\.m\.|later|binnenkort|spoedig) (bij je |bij u |op )?(op )?terug
    (we|wij|ik) (doen|doe) (ons|mijn) (uiterste )?best
    (we|wij|ik) (houden|hou|houd) (je|u) op de hoogte
    (we|wij) gaan (ermee|er mee) aan de slag
    (komen|kom) (er|hier|daar)op (bij (je|u) )?terug
  `),
  concreteSteps: lines(String.raw`
    vandaag
    morgen
    vanmiddag
    vanavond
    vanochtend
    binnen (een|één|het|\d+|twee|drie|vier|vijf|tien) (uur|kwartier|minuten|werkdag|dag)
    om \d
    voor \d
    uiterlijk
    meteen
    direct
    nu
    zometeen
    dm
    privébericht
    pb
    stuur
    bellen (we )?je
    (we|ik) (bellen|bel) je
  `),
  evasive: lines(String.raw`
    er wordt (nu |hard |volop )?(naar|aan) (gekeken|gewerkt)
    er wordt (naar )?(gekeken|gezocht)
    er wordt (nu )?naar (je|jouw|uw|de|het|dit|deze) (\p{L}+ )?(gekeken|gezocht)
    wordt (nader |verder )?(onderzocht|bekeken|uitgezocht)
    in behandeling (genomen|gegeven)
    is in behandeling
    (doorgezet|doorgestuurd|doorgegeven|doorgespeeld|uitgezet) (naar|aan|bij) de (betreffende|desbetreffende|juiste|verantwoordelijke) (afdeling|collega's|collega|mensen|team)
    er zijn fouten gemaakt
    (we|wij|ik) (begrijpen|begrijp|snappen|snap) (je|jouw|uw) (frustratie|ergernis|boosheid)
    (je|jouw|uw) (klacht|feedback|mening|vraag|tevredenheid) is (erg |heel |zeer )?belangrijk voor (ons|ons bedrijf)
    (we|wij) nemen (\p{L}+ ){0,3}(zeer |heel |erg )?serieus
    (excuses|sorry) voor (het|eventueel|eventuele|enig) (ontstane |veroorzaakte )?(ongemak|ongerief)
    (we|wij) betreuren (het|dit) (ten zeerste|zeer)
  `),
  unfilled: lines(String.raw`
    (?<![^\n])(beste|geachte|lieve)[\t\x20]*[,!]
    (hoi|hallo|hey|dag|beste|geachte|lieve|bedankt|dank je|dankjewel|goedemorgen|goedemiddag|goedenavond|welkom)(\x20+|\x20*@\x20*)[,!.]
    (hoi|hallo|hey|dag|beste|geachte|lieve) (naam|voornaam|klantnaam|x{2,}|undefined|null)(?![\p{L}])
    (groet|groeten|groetjes|met vriendelijke groet|met vriendelijke groeten|vriendelijke groet|mvg)[\t\x20]*,[\t\x20]*$
  `),
};
