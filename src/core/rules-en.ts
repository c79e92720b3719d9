// English words and phrases for the checker, one phrase a line (syntax: see rules-sets.ts).
import { lines } from './rules-nl.js';
import type { Lexicon } from './rules-sets.js';

const POST = String.raw`(your|this|that|the|these|those) (earlier |previous |original )?(post|posts|comment|comments|tweet|tweets|review|reviews|message|messages|reply|replies|reaction|photo|picture|video|thread)`;
const AUX = String.raw`(have|has|had|will|would|are|am|is|be|been|being|need|needed|must|to|going|did|do|just|now|unfortunately|therefore|also|decided|chosen|already|gone|ahead|and|so|'ve|'ll|'re|'d)`;
const REMOVE = String.raw`(remove|removed|removing|delete|deleted|deleting|hide|hid|hidden|hiding|take down|took down|taken down|taking down|unpublish|unpublished)`;
/** No word right before: the phrase opens its sentence ("Deal with it."), it is not "we'll deal with it". */
const ALONE = String.raw`(?<![\p{L}'’]\s)`;
const WE = String.raw`(we|i)('ve|'ll|'re|'d|'m)?`;
/** What "you should have ..." may go on with without blaming: it was ours to do. */
const NOT_BLAME = String.raw`(?!(received|got|gotten|had|been|heard|seen|gotten)(?![\p{L}]))`;

export const EN: Lexicon = {
  deletion: lines(String.raw`
    ${WE} (${AUX} ){0,5}${REMOVE} ${POST}
    ${WE} (${AUX} ){0,5}(take|took|taken|taking) ${POST} down
    ${WE} (${AUX} ){0,5}${REMOVE} (it|them) (because|as|since|due to)
    ${POST} ((about|on|with|under|regarding) … )?(has|have|was|were|is|are|will|'s|'ll|got|gets) (now |just |unfortunately |already |been |be |being )*(removed|deleted|hidden|taken down|unpublished)
  `),
  removalReasons: lines(String.raw`
    abus\p{L}*
    offensive
    profan\p{L}*
    swear\p{L}*
    slurs?
    insult\p{L}*
    hateful
    hate speech
    racis\p{L}*
    threat\p{L}*
    cross(es|ed)? the line
    (foul|bad|inappropriate|offensive) language
    house rules
    community (guidelines|rules|standards)
  `),
  requests: lines(String.raw`
    (could|can|would|will) you
    ask(ed|ing)? you
    you to
  `),
  insult: lines(String.raw`
    idiot\p{L}*
    (another|yet another) complaint from (our|my|the)
    (can't|cannot|couldn't) (even )?follow (a|the) (simple|basic|short) (manual|guide|instruction|instructions)
    (just |please )?calm down[,.!]
    moron\p{L}*
    imbecile\p{L}*
    dumbass
    jackass
    asshole
    retard\p{L}*
    cry( )?baby
    whiner
    whiny
    whining
    whinge\p{L}*
    loser
    pathetic
    clueless
    halfwit
    nitwit
    dimwit
    numpty
    muppet
    bitch\p{L}*
    drama queen
    (stupid|dumb|silly|idiotic|ridiculous|pointless|absurd) (question|questions|comment|comments|remark|complaint|customer|request|post|review)
    (you're|you are|you were|don't be|stop being|how) (so |really |just |being |a bit )?(stupid|dumb|silly|childish|dramatic|unreasonable|ignorant|hysterical)
    (you're|you are|you|such an?|what an?) (a |an )?(clown|joke|troll|child|baby|crybaby)
    nonsense
    (that's|that is|what|this is|complete|utter|total) rubbish
    bullshit
    get a life
    shut up
    ${ALONE}(just |oh )?grow up
    ${ALONE}(please |just |now |oh )?(calm|chill) (down|out)
    ${ALONE}(just |so )?(get over|deal with) it
    cry me a river
    boo( )?hoo
    (who|nobody|no one) cares
    tough luck
    too bad for you
    lol
    lmao
    lmfao
    rofl
    (learn to|can't you|can you not|did you even|do you even) read
    reading is hard
    (you|u) (always|constantly) (complain|moan|whine)
    (clearly|obviously|apparently) (isn't|is not|not) your (thing|strong suit|forte)
    ask (someone|somebody) (more )?(tech-savvy|tech savvy|technical|younger|who understands)
    stop (complaining|whining|moaning)
    complain about everything
    (fuck|screw|piss) (you|off)
    ${ALONE}(just |now )?get lost
    you people
    (you're|you are|you) overreact\p{L}*
  `),
  ridiculous: lines(String.raw`
    ridiculous
    ridiculously
  `),
  aboutUs: lines(String.raw`
    wait\p{L}*
    long
    late
    sorry
    apologi\p{L}*
    our (fault|mistake)
    on us
  `),
  legalThreat: lines(String.raw`
    lawyers?
    attorneys?
    solicitors?
    legal (action|actions|steps|proceedings|measures|department|team|counsel|route|consequences)
    lawsuits?
    litigation
    (take|taking|see|seeing) (you|this|it|the matter) (to|in) court
    (to|in|before) court
    court (case|order|action|proceedings|summons)
    (will|'ll|to|may|might|could|can|shall) sue
    sue (you|for|over)
    suing
    summons
    subpoena
    cease and desist
    collection agency
    debt (collector|collectors|collection)
    bailiffs?
    report(ing|ed)? (you|this|it) to the police
    ${WE} (${AUX} ){0,4}(report|file|involve|call|contact|press|notify|inform)\p{L}* (a )?(police report|the police|charges)
    press charges
    (no (other )?choice but to|forced to) (report|involve|call|contact|notify|inform|take legal)
    defamation
    libel
    slander
  `),
  blame: lines(String.raw`
    (your|ur) own (fault|mistake|problem|doing|responsibility)
    (your|ur) (fault|mistake)
    (is|'s|was) (your|ur) responsibility
    (it's|that's|it is|that is) on you
    you should('ve| have) ${NOT_BLAME}\p{L}+
    you shouldn't have (?!(had|been|needed)(?![\p{L}]))\p{L}+
    (if you('d| had)|had you) (just |only |actually |bothered to )?(read|checked|looked|followed|paid attention|listened|called)
    you (clearly |obviously |simply )?(didn't|did not|failed to|forgot to|neglected to) (read|check|follow|pay attention|look|bother)
    you were (supposed|meant) to (?!(get|receive|have|hear|be)(?![\p{L}]))\p{L}+
    user error
    (only |have only )?yourself to blame
    (because|since) you (chose|picked|selected|entered|ordered|booked|typed|bought) the wrong
    you (chose|picked|selected|entered|ordered|booked|typed|bought) the wrong
    operator error
    (read|check) the (fine|small) print
    next time,? (please )?(read|check|pay attention|look|be more careful)
    pay (more |better )?attention next time
    be more careful
    you must have (entered|typed|made|done|clicked|misread|misunderstood|forgotten)
    (this|that|it) (is|was) (down to|due to|caused by) (you|your|the wrong|an incorrect|the incorrect)
    (clearly|plainly) (says|states|stated|mentions|mentioned)
  `),
  negations: lines(String.raw`
    not
    never
    no
    \p{L}*n't
  `),
  impersonal: lines(String.raw`
    (dear|hello|hi) (customer|customers|valued customer|client|user|member|passenger|guest|traveller|traveler|subscriber|account holder)
    dear (sir|madam|sir or madam|sir/madam|sir / madam)(?=\s*([,.!:]|$))
    to whom it may concern
    (?<!(booking|order) )(case|reference|ref|incident|complaint) (number|no\.|nr\.?|id|#)
    (your|the) case (number|id|reference|#|has been|is being|was|will be)
    (case|incident) #?\d+
    ticket( )?#\d+
    your (complaint|request|query|enquiry|inquiry|ticket) has been (logged|registered|received|created|opened)
    we('ve| have) received your (message|complaint|email|e-mail|request|enquiry|inquiry|query)
    within (\d{2}|ten|fourteen) (working|business) days
  `),
  genericContact: lines(String.raw`
    (call|phone|ring|contact|email|e-mail|reach|write to|get in touch with) (our|the) (complaints (line|department|team|desk)|customer (service|services|care|support)( department| team| line| desk)?|helpdesk|help desk|service desk|call cent(er|re)|switchboard|general (number|line|inbox))
    (our|the) complaints (line|department|form|procedure|desk)
    (our|the) (contact|web|online) form
    general enquiries
  `),
  defensive: lines(String.raw`
    as (previously |already |clearly |we |I |has been |was |we've |we have )*(stated|mentioned|explained|said|noted|indicated|communicated)
    as we (have )?(already |previously )?(said|told you|explained|mentioned|stated)
    like (I|we) (already )?said
    as you (can see|can read|already know|know|should know)
    for the (second|third|last|umpteenth|hundredth) time
    (our|company|store|shop) policy
    policy (says|states|is clear|dictates|doesn't allow|does not allow)
    (per|as per|according to|in line with|under|against|due to) (our )?(policy|policies|terms|t&cs|terms and conditions|conditions)
    rules are rules
    nothing (more |else |further )?(we|I) can do
    (we|I) followed (the )?(correct |standard |proper |normal |usual )?(procedure|process|protocol)
    (our|the) (terms|policy|conditions|t&cs|rules) (are|is) (very |quite |perfectly |pretty )?clear
    out of our (hands|control)
    not our (fault|problem|responsibility|concern)
    we('re| are) not (responsible|liable|to blame)
    we did nothing wrong
    we (cannot|can't) be held (responsible|liable)
    short-staffed
    short staffed
    understaffed
    staff shortages?
    (our )?systems? (were|was|went) down
    high volumes? of
    (due to|because of) (the |a )?(high|large|huge) (volume|demand|number)
    unprecedented (demand|volumes?)
    please (re-?)?read (our|the) (terms|faq|faqs|policy|website|instructions|conditions|manual|t&cs|terms and conditions)
  `),
  vaguePromise: lines(String.raw`
    we('ll| will| are going to|'re going to) (look|be looking) into (it|this|that|the matter|your case)
    we('re| are) looking into (it|this|that)
    we('ll| will) see what (we|I) can do
    we('ll| will) (get back to you|be in touch) (soon|shortly|asap|as soon as possible|in due course|later)
    we('ll| will) (take|pass) (this|it|your feedback) on board
    we('ll| will) do our (very )?best
    we('ll| will) keep you (posted|updated|informed)
    (our team|the team|we)('re| is| are) (currently |now )?investigating (the matter|this|it|the issue|your \p{L}+)
  `),
  concreteSteps: lines(String.raw`
    today
    tomorrow
    tonight
    this (morning|afternoon|evening)
    within (an?|one|two|three|\d+|the next) (hour|hours|minutes|day)
    by \d
    by (monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|the end of the day)
    right away
    straight away
    immediately
    now
    dm
    direct message
    send us
    (we'll|we will|I'll) call you
  `),
  evasive: lines(String.raw`
    mistakes were made
    (it's|it is|this is) being (looked into|investigated|handled|dealt with)
    (this|it) will be (looked into|investigated|reviewed)
    (we('ve| have)|I('ve| have)|it's been|it has been|this has been) (passed|forwarded|escalated|referred) (this |it |your \p{L}+ )?(on )?to the (relevant|appropriate|responsible|right|correct) (department|team|people)
    has been (forwarded|passed on|escalated|referred) to the (relevant|appropriate|responsible|right|correct) (department|team|people)
    (your|the) (complaint|issue|matter|request|case) (is being|has been|will be) (handled|processed|dealt with|looked into|investigated)
    (we|I) (completely |fully |totally |really )?(understand|appreciate) (your|the) frustration
    (we|I) (sincerely |deeply )?apologi[sz]e for (any|the) inconvenience
    (sorry|apologies) for (any|the) inconvenience
    (the )?inconvenience (this|that) (may have|has|might have) caused
    your (feedback|complaint|call|business|opinion|satisfaction) is (very |extremely )?important to us
    we value your (feedback|business|custom)
    we take (\p{L}+ ){0,3}(very |extremely |really )?seriously
  `),
  unfilled: lines(String.raw`
    (?<![^\n])dear[\t\x20]*[,!]
    (hi|hey|hello|dear|thanks|thank you|good morning|good afternoon|good evening|welcome)(\x20+|\x20*@\x20*)[,!.]
    (hi|hey|hello|dear) (name|first( )?name|customer( )?name|x{2,}|undefined|null)(?![\p{L}])
    (regards|kind regards|best regards|best wishes|cheers|many thanks)[\t\x20]*,[\t\x20]*$
    undefined(?![\p{L}])
  `),
};
