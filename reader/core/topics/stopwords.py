"""Words that carry no topic: our own English stopword list, spoken fillers, and speaker-ish words.

Three sets, because they fail in different ways. Stopwords and fillers tell nothing about what is being
discussed, so segmentation and labels both ignore them. Titles and role words ("President", "Minister",
"question") recur in every topic of a political interview and would make labels like "President question";
they are kept out of labels and out of the cohesion scores too. All entries are lowercase, apostrophes ASCII.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOPWORDS: frozenset[str] = _words("""
a about above across after afterwards again against all almost alone along already also although always am
amid amidst among amongst an and another any anyhow anyone anything anyway anywhere are aren't around as at
be became because become becomes becoming been before beforehand behind being below beside besides between
beyond both but by despite unlike versus
can can't cannot could couldn't
did didn't do does doesn't doing don't done down during
each either else elsewhere enough etc even ever every everyone everything everywhere except
few for former formerly from further furthermore
had hadn't has hasn't have haven't having he he'd he'll he's hence her here here's hers herself him himself
his how how's however
i i'd i'll i'm i've ie if in indeed inside instead into is isn't it it'd it'll it's its itself
just
latter latterly least less let let's like likely
many may maybe me meanwhile might mightn't mine more moreover most mostly much must mustn't my myself
namely near nearly neither never nevertheless next no nobody none noone nor not nothing now nowhere
of off often on once one only onto or other others otherwise ought our ours ourselves out over own
per perhaps please
quite
rather re really
same shall shan't she she'd she'll she's should shouldn't since so some somehow someone something sometime
sometimes somewhat somewhere still such
than that that'd that'll that's the their theirs them themselves then thence there there'd there'll there's
thereafter thereby therefore therein thereupon these they they'd they'll they're they've this those though
through throughout thru thus to together too toward towards
under unless until up upon us
very via
was wasn't we we'd we'll we're we've were weren't what what's whatever when when's whenever where where's
whereas whereby wherever whether which while who who's whoever whole whom whose why why's will with within
without won't would wouldn't
yet you you'd you'll you're you've your yours yourself yourselves
zero one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred hundreds
thousand thousands million millions billion first second third fourth fifth last twice thrice
""")

# Spoken discourse: hedges, fillers, back-channels, and verbs of talking about talking.
FILLER: frozenset[str] = _words("""
ah aha uh uhm um umm er erm hmm mm mhm huh oh ooh wow yeah yep yup nope okay ok alright
mm-hm mm-hmm mhmm mmhmm mm-mm uh-huh uh-uh hm-mm
absolutely actually apparently basically certainly clearly definitely entirely essentially exactly frankly
generally honestly hopefully literally merely naturally obviously of-course particularly personally possibly
precisely presumably probably quickly seriously simply sincerely strictly surely technically truly
ultimately unfortunately fortunately interestingly importantly anyways finally lastly firstly secondly
look looking listen see seeing hear heard mean meant means know knew known knows think thinking thought
thoughts guess suppose supposed believe believed say saying says said tell telling told talk talking talked
speak speaking spoke ask asked asking asks answer answered answering answers question questions reply
want wanted wants wanting like liked going gonna wanna gotta get gets getting got gotten go goes went gone
come comes coming came make makes making made take takes taking took taken give gives giving gave given
put puts putting keep keeps kept let lets try tries trying tried seem seems seemed feel feels felt
thing things stuff way ways lot lots bit kind kinds sort sorts type types part parts piece case cases
point points fact facts matter matters issue issues example examples sense idea ideas reason reasons
right well sure fine good great nice bad better best worse worst big small little long short high low
new old different same certain particular important possible impossible real true clear whole main
able unable available various several own based
monday tuesday wednesday thursday friday saturday sunday weekend morning afternoon evening
note notes couple items item top
today yesterday tomorrow now day days week weeks month months year years time times moment moments
minute minutes hour hours ago since recently currently later earlier soon
people person somebody anybody everybody nobody someone anyone everyone guy guys folks man men woman women
thank thanks please sorry excuse pardon hello hi bye goodbye welcome congratulations
yes no not
interview interviews conversation conversations discussion discussions show episode
here there where somewhere anywhere everywhere
also again ever even still just only really quite rather pretty very too enough back away
let's what's that's there's here's it's
""")

# Titles, roles and forms of address: true of every topic in an interview, so never a label.
SPEAKERISH: frozenset[str] = _words("""
mr mrs ms miss mx dr prof professor sir madam madame mister lady gentleman gentlemen ladies
president presidents vice minister ministers secretary secretaries senator senators congressman
congresswoman representative ambassador ambassadors prime chancellor governor mayor premier king queen
prince princess general colonel admiral captain commander chairman chairwoman chair chairperson spokesman
spokeswoman spokesperson deputy director official officials excellency honourable honorable
host hosts co-host guest guests interviewer interviewee reporter reporters journalist journalists
correspondent anchor moderator presenter narrator caller audience panelist panellist speaker speakers
participant respondent q a
questioner chairman's chairwoman's member members witness witnesses committee clerk microphone mic floor
councillor councillors cllr alderman motion amendment minutes agenda seconded proposed adjourned
follow-up follow-ups followup
""")

# Function words, fillers and forms of address of the other languages the reader meets (German, French, Spanish,
# Russian), written for this project. One set for all: a word is dropped whatever the transcript's language, so
# the lists leave out forms that are English content words too ("war", "die", "son", "sin", "pan", "arm").
FOREIGN: frozenset[str] = _words("""
der das dem des ein eine einem einen einer eines und oder aber doch nicht kein keine keinen ist sind
bist seid gewesen wird werden wurde wurden haben hatte hatten habe sein seine seiner ihr ihre ihrem ihren
ich du er sie es wir uns euch mich dich sich mir dir ihm ihn ihnen mit von vom zum zur auf aus bei nach vor
für über unter durch gegen ohne um wie wenn weil dass daß ob auch noch schon sehr nur immer wieder hier dort
jetzt dann heute ja nein nun mal eben eigentlich also dies diese dieser dieses diesem jede jeder jedes
alle allem allen viel viele mehr wer wieso warum wo welche welcher welches kann können könnte muss müssen soll
sollen sollte will wollen möchte würde würden gibt geht gehen gesagt sagen frau herr herrn danke bitte genau
natürlich einfach gerade etwa sondern sowie damit dabei dazu darauf daran davon deshalb trotzdem bereits
le les un une des du au aux et ou mais donc ni que qui quoi dont où ce cet cette ces ceux celle celles
je tu il elle nous vous ils elles moi toi lui leur leurs eux se soi mon ma ta mes tes notre nos votre vos
sa ses est sont suis es êtes été être avoir avons avez ont ai avait avaient fait faire dans par pour avec sans
sous sur chez vers entre pendant depuis comme aussi très plus moins bien tout tous toute toutes rien
personne encore déjà toujours jamais ici là alors puis ensuite oui non merci monsieur messieurs mesdames
mademoiselle parce quand comment pourquoi quel quelle quels quelles peut peuvent pouvez doit doivent faut
va vont veut voulez dit dire cela ça ceci voilà aujourd'hui beaucoup peu trop assez chaque certains
qu'il qu'elle qu'on c'est n'est d'un d'une l'on j'ai s'il y'a vraiment justement évidemment effectivement
el la los las unos unas lo y o pero sino ni que quien quienes cual cuales cuyo donde cuando como porque para
por sobre entre hasta desde hacia según durante yo tú él ella nosotros vosotros ellos ellas
usted ustedes me te le les nos os mi tu su sus nuestro nuestra vuestro es soy eres somos fue fueron ser
estar está están estoy estamos estaba ha han he hemos había muy más menos también tampoco ya aún todavía
siempre nunca aquí allí ahí sí gracias señor señora señores bueno pues entonces este esta estos estas ese esa
anoche ayer hoy debajo encima detrás delante dentro fuera lejos cerca pronto temprano luego después antes ahora
quizá quizás acaso además apenas casi solo sólo bastante demasiado mucho mucha muchos muchas poco poca pocos pocas
tanto tanta tantos tantas junto enseguida incluso mientras aunque alrededor arriba abajo adelante atrás
autour devant derrière dessous dessus dedans dehors ailleurs partout loin près auprès demain maintenant bientôt
tard tôt souvent parfois ainsi vite surtout plutôt presque environ enfin seulement longtemps autant tant
davantage quelque quelques plusieurs contre malgré selon sauf parmi durant cuánta cuántos cuántas
moi-même toi-même lui-même elle-même soi-même nous-mêmes vous-mêmes eux-mêmes elles-mêmes
esos esas aquel todo toda todos todas nada algo alguien puede pueden hace hacer dice decir creo
и в во не что он она оно они мы вы ты я на с со как а то все всё так его её их ему ей им но да нет к ко у же
вот бы по от из за для о об это этот эта эти тот та те был была были было быть есть будет будут только
уже еще ещё очень может можно нужно надо когда где если чтобы или ни даже потому почему который которая
которые которых себя свой свои наш ваш мой твой при про без до после над под между через спасибо господин
bonjour bonsoir bienvenue revoir parlons parler disons dites pense pensez crois croyez sais savez voyez
écoutez regardez pas oui allez hallo willkommen guten tag tschüss hola bienvenido bienvenida adiós здравствуйте
commençons passons revenons venons abordons terminons restons au-delà autre autres combien concrètement
lassen kommen reden sprechen hablemos pasemos volvamos empecemos otro otra
госпожа пожалуйста конечно просто вообще значит сейчас тоже также там тут здесь
добрый доброе доброго вечер утро buenos buenas tardes noches qué cuál quién cómo dónde cuándo cuánto del
вам вас нам нас ему всего чего эфире давайте сразу ещё главном именно каким какой какая какое какие каких какую
frage fragen letzte letzten letzter schluss abschluss minute minuten dernière dernier dernières derniers
pregunta preguntas última último minutos вопрос вопросы вопроса последний последняя последнее напоследок пара минут
минуты минуту
""")

NEVER_TOPIC: frozenset[str] = STOPWORDS | FILLER | SPEAKERISH | FOREIGN

# Common verbs: they do link the turns of one topic ("met" three times at the G20), so segmentation counts them,
# but "Met: bilateral meeting" is no label.
NOT_A_LABEL: frozenset[str] = _words("""
need needs needed use used using happen happens happened become became call called find found met meet began
begun held brought sent spent left lost paid led won ran saw seen shown decided decide announced considered
raised turned learns learned learnt watched watching allowed allow wrote written read reading agreed agree
expect expects expected hope hoped continue continues continued remain remains remained start started stop stopped
regret regrets attention report reports reported signing signed
grow grows grew play plays played work works worked help helps helped move moves moved live lives lived
bring brings win wins lose loses pay pays buy buys sell sells send sends stay stays wait waits fall falls
reach reaches suggest suggests require requires pull pulls agree agrees worry worries wish wishes care cares
understand understood follow follows create creates add adds offer offers appear appears serve serves
kill kills cut cuts set sets open opens close closes build builds stand stands learn learns
happy sad wrong true false easy hard difficult simple sure likely free full ready strong weak young early late
quick slow fast large huge tiny serious funny clever curious interesting amazing terrible horrible wonderful
beautiful nice lovely glad proud afraid angry upset worried excited tired busy fair unfair normal strange odd
obvious special general specific similar different whole total final current recent previous public private
fun bigger smaller higher lower longer shorter faster slower easier harder healthy honest ones
underway ongoing drawn given taken shown known done gone said told driven chosen broken spoken thrown grown
kept meant brought bought caught taught thought describes describe described says tells asks wants
au-dessus au-dessous en-dessous en-dessus au-delà là-bas là-haut peut-être c'est-à-dire vis-à-vis
""")

# Nouns too general to say what a topic is about on their own ("Expel: system", "Dinner: meeting"); inside a
# phrase they are fine ("working group", "G20 meeting").
GENERIC: frozenset[str] = _words("""
system systems meeting meetings issue issues question questions thing things people problem problems situation
process level levels side sides country countries world position positions relations relationship work subject
subjects topic topics statement statements word words term terms number numbers area areas place places group
groups end kind life story stories news plan plans effort efforts line lines step steps period role result
results approach aspect aspects basis context factor form future history interest interests manner measure
nature order event events experience share act agency comment comments concern concerns contact contacts
answer answers view views state states everything anything something nothing
""")

# Verbs a topic is often named by, as a notebook writes them before their object ("Expelling US diplomats").
# No lemmatiser: a short hand list of the verbs that head news topics, keyed by their lowercase base form.
GERUNDS: dict[str, str] = {
    "expel": "Expelling", "seize": "Seizing", "sanction": "Sanctioning", "ban": "Banning", "invade": "Invading",
    "arm": "Arming", "extradite": "Extraditing", "recognise": "Recognising", "recognize": "Recognizing",
    "withdraw": "Withdrawing", "lift": "Lifting", "deport": "Deporting", "hack": "Hacking", "strike": "Striking",
    "boycott": "Boycotting", "impeach": "Impeaching",
}


# The words before a word tell its use: after a determiner it names something ("the freeze", "les quotas"), after
# a pronoun, a modal or "to" it is done ("we overpay", "to arrive"). A verb says what happened, not what the topic
# is, so a word mostly used as one heads no label.
NOUN_BEFORE: frozenset[str] = _words("""
the a an this these those my your his her its our their some any no every each another such
le la les un une des du au aux ce cet cette ces mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs
der die das dem den des ein eine einen einem einer eines kein keine
el los las unos unas al del su sus mi mis nuestro nuestra
""")
VERB_BEFORE: frozenset[str] = _words("""
i you we they he she it will would can could should must might shall don't doesn't didn't won't
can't cannot i'll we'll you'll they'll i'd we'd you'd they'd who everyone everybody someone somebody nobody
je tu il elle nous vous ils elles ne qui pour peut peuvent faut doit doivent veut va vont
ich du er sie wir ihr zu
yo tú él ella nosotros ellos se no para puede pueden hay que he ha han hemos
я ты он она мы вы они не
""")

# English determiners and object pronouns that open an object: a word right before one is used as a verb ("eats
# the time", "manage their hours"); a noun is hardly ever followed by one. (Other languages' articles also open a
# genitive after a noun: "le prix des terres", "der Plan der Werft".)
OBJECT_AFTER: frozenset[str] = _words("the an my your our their these those them him us people")

# The small words inside a noun phrase, between its content words ("recruitment and retention", "la pêche et le
# port", "Kosten für Futter", "el olivar y la cosecha").
JOINERS: frozenset[str] = _words("and of for in on with or et de du des à en pour sur und von für im am y del para "
                                 "и в на по о")

# Words of counting and of the calendar, in the languages above: a label never ends on a date or a number.
CALENDAR: frozenset[str] = _words("""
january february march april may june july august september october november december
janvier février avril mai juin juillet août septembre octobre novembre décembre
januar februar märz juni juli oktober dezember enero febrero marzo abril mayo junio julio agosto
septiembre octubre noviembre diciembre
un deux trois quatre cinq sept huit neuf dix onze douze vingt trente quarante cinquante soixante cent cents
mille million millions milliard
eins zwei drei vier fünf sechs sieben acht neun zehn zwanzig dreißig hundert tausend
uno dos tres cuatro cinco seis siete ocho nueve diez veinte treinta cuarenta cincuenta sesenta setenta ochenta
noventa cien ciento cientos doscientos trescientos quinientos mil millón millones año años
vierzig fünfzig sechzig siebzig achtzig neunzig jahr jahre jahren
один одна два две три четыре пять шесть семь восемь девять десять двадцать тридцать сорок пятьдесят сто тысяча
тысячи тысяч миллион миллиона миллионов год года году годы лет
zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen
eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand
""")


# Words of the broadcast itself and its time slot: a phone-in's "lunchtime", "the show", "our listeners" frame
# every topic of it and name none alone; so does the clock ("it's seven o'clock", "at midday").
BROADCAST: frozenset[str] = _words("""
programme programmes program programs show shows listener listeners viewer viewers caller callers studio
episode episodes airwaves phone-in broadcast lunchtime teatime tonight
émission émissions auditeur auditeurs auditrice auditrices antenne matinale
sendung sendungen hörer hörerin hörerinnen zuhörer zuschauer
programa programas oyente oyentes audiencia emisión
o'clock a.m. p.m. midday noon midnight
""")


# The commonest function words of each language the reader meets, to tell which one a transcript is in: a label
# joins its two parts with that language's "and" ("Tempête et digue", not "Tempête and digue").
LANGUAGE_CUES: dict[str, frozenset[str]] = {
    "en": _words("the and of to is that it in you"),
    "fr": _words("le la les et est des une du que pas"),
    "de": _words("der die und ist das nicht ein ich zu mit"),
    "es": _words("el los las que y es una por con del"),
    "ru": _words("и в не что на я с это как он"),
}
CONJUNCTIONS: dict[str, str] = {"en": "and", "fr": "et", "de": "und", "es": "y", "ru": "и"}
