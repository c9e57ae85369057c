"""The words transcripts use around their labels, in one place: role words, the words that open prose with a
colon, honorifics, acronyms, and the headings of speaker lists.

Every layout that decides whether a line opens with a speaker, and every part that shows or hides a speaker's
name, reads these lists, so a word added here counts everywhere. All entries are casefolded, with the dots of
abbreviations taken out (`n b` for `N.B.`), as `labelled.label_key` writes them; acronyms are the exception,
kept in capitals as they are matched against words already written in capitals.
"""

from __future__ import annotations

# Labels that name a part in the conversation and nobody in particular: pseudonymising leaves them alone.
ANONYMOUS_ROLES = frozenset({
    "q", "a", "question", "answer", "questions", "interviewer", "interviewee", "host", "co-host", "guest",
    "moderator", "presenter", "reporter", "journalist", "correspondent", "anchor", "respondent", "participant",
    "audience", "audience member", "narrator", "caller", "panelist", "panellist", "speaker", "unidentified speaker",
    "unknown speaker", "unidentified male", "unidentified female", "unknown", "off-camera",
})

# Every label that is a speaker by what it says, however rarely it occurs: the anonymous roles and the titles a
# hearing or a press conference gives its speakers.
ROLE_WORDS = ANONYMOUS_ROLES | frozenset({
    "chair", "chairman", "chairwoman", "chairperson", "the president", "the chairman", "the chairwoman",
    "the witness", "the court", "the chair", "the speaker", "the presiding officer", "the clerk",
    "the reporter", "the videographer", "the interpreter",
})

# The labels that make their speaker the interviewer (the side that asks).
INTERVIEWER_WORDS = frozenset({
    "q", "question", "questions", "interviewer", "host", "moderator", "presenter", "reporter", "journalist",
    "correspondent", "anchor",
})

# Role words that open sentences in captions (`Question: is it...`), but are a label after a timestamp.
ROLE_WORDS_OPENING_PROSE = frozenset({"question", "answer", "interviewer", "interviewee", "host", "guest"})

# Words that open ordinary sentences with a colon; never speaker labels, however often they recur.
PROSE_LEADS = frozenset({
    "note", "notes", "nb", "n b", "ps", "p s", "pps", "update", "updated", "edit", "edited", "warning", "caution",
    "example", "examples", "e g", "i e", "source", "sources", "credit", "credits", "photo", "photos", "caption",
    "summary", "disclaimer", "correction", "clarification", "background", "context", "conclusion", "important",
    "tip", "hint", "title", "date", "time", "location", "place", "subject", "re", "fwd", "tags", "tag", "category",
    "posted", "published", "read more", "see also", "related", "keywords", "translation", "video", "audio",
    "watch", "listen", "topic", "topics", "agenda", "attendees", "participants", "present", "duration",
    "recorded", "copyright", "transcript", "transcription", "chapter", "part", "day", "fact", "facts", "result",
    "results", "bottom line", "why", "how", "what", "who", "when", "where", "yes", "no", "well", "so", "but", "and",
    "also", "first", "second", "third", "finally", "remember", "look", "imagine", "problem", "solution", "lesson",
    "rule", "quote", "reason", "answer key", "hello", "dear", "thanks", "thank you", "regards",
    "author", "by", "from", "to", "cc", "bcc", "url", "link", "links", "email", "phone", "tel", "fax", "address",
    "website", "contact", "language", "languages", "status", "version", "step", "total", "price", "cost",
})

# Headings of the blocks that list who takes part (`SPEAKERS:` and names below): never a speaker themselves. A
# select committee's transcript opens with `Members present:` and heads each panel of witnesses `Witnesses:`.
SPEAKER_LIST_HEADINGS = frozenset({
    "speakers", "participants", "witnesses", "present", "also present", "attendees", "in attendance", "panelists",
    "panellists", "guests", "cast", "characters", "appearances", "presiding", "interviewees", "interviewers",
    "speakers list", "list of speakers", "list of participants", "list of witnesses", "members present",
})

# A print interview's marks for its questions and its answers, one pair a language, each side as the word and the
# letter it is shortened to: El País prints `Pregunta.` and `Respuesta.` once, then `P.` and `R.`; a German paper
# `Frage:`/`Antwort:` or `F:`/`A:`. A pair is a document's labels only when both of its sides recur
# (`label_styles`), so a line opening `A. Smith` is no label. The asking side is the interviewer.
QUESTION_ANSWER_PAIRS: tuple[tuple[frozenset[str], frozenset[str]], ...] = (
    (frozenset({"q", "question"}), frozenset({"a", "answer"})),  # English
    (frozenset({"p", "pregunta"}), frozenset({"r", "respuesta"})),  # Spanish
    (frozenset({"q", "question"}), frozenset({"r", "réponse", "reponse"})),  # French
    (frozenset({"f", "frage"}), frozenset({"a", "antwort"})),  # German
    (frozenset({"p", "pergunta"}), frozenset({"r", "resposta"})),  # Portuguese
    (frozenset({"вопрос"}), frozenset({"ответ"})),  # Russian
)

# Social research labels its turns with letters, the interviewer's and the other side's: `I:`/`R:` (respondent),
# `Int:`/`Resp:`, the German `IV:`/`B:` (Befragte(r)) and `IP:` (Interviewpartner(in)), a group's participants
# `P1:`, `P2:` (`exchanges.research_roles` reads the numbered ones). Each key here with the name it is shown as;
# the letters are a document's roles only when both sides speak, as a lone `I:` or `B:` may be anyone.
RESEARCH_INTERVIEWERS = {"i": "Interviewer", "int": "Interviewer", "iv": "Interviewer"}
RESEARCH_RESPONDENTS = {"r": "Respondent", "resp": "Respondent", "b": "Befragte(r)", "ip": "Interviewpartner(in)"}

# Sentence openers: a multi-word label starting with one is prose unless it recurs or is written in capitals.
FUNCTION_WORDS = frozenset({
    "in", "on", "at", "the", "but", "and", "so", "for", "if", "when", "as", "after", "before", "this", "that",
    "it", "we", "i", "they", "he", "she", "you", "my", "our", "here", "there", "then", "now", "what", "why", "how",
    "who", "a", "an", "one", "all", "some", "more", "most", "by", "from", "with", "to", "of", "his", "her", "its",
    "their", "these", "those", "every", "each", "no", "not", "yes", "well", "still", "also", "even", "just",
})

# Small words inside names (`Ana de la Cruz`, `Mr. BROWN of Ohio`): written in lower case, still a name.
PARTICLES = frozenset({"de", "da", "del", "della", "der", "den", "van", "von", "la", "le", "du", "di", "dos",
                       "bin", "al", "el", "ibn", "y", "of", "the", "and", "&", "for", "on"})

# Titles written before a surname. In an ALL-CAPS label they are capitalised (`MR.` -> `Mr.`), never kept as
# if they were acronyms, though `MR`, `MS` and `DR` have no vowels.
HONORIFICS = frozenset({
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "rev", "fr",
    "sr", "jr", "st", "hon", "sen", "senator", "rep", "representative", "congressman", "congresswoman", "gov",
    "governor", "gen", "general", "col", "colonel", "capt", "captain", "lt", "sgt", "cpl", "pvt", "adm", "cmdr",
    "det", "detective", "officer", "agent", "judge", "justice", "mayor", "minister", "ambassador", "secretary",
    "commissioner", "chairman", "chairwoman", "president", "madam", "mme", "mlle", "herr", "frau",
})

# Acronyms that have vowels (so the "no vowels, two to four letters" rule does not keep them): agencies,
# broadcasters, offices, roman numerals; not those that are also names or words (`DOE`, `ADA`, `RIA`, `DOT`).
# An ALL-CAPS label keeps them in capitals: `DOJ COMMISSIONER SMITH` -> `DOJ Commissioner Smith`.
ACRONYMS = frozenset({
    "DOJ", "FBI", "CIA", "NASA", "NATO", "USA", "US", "UK", "EU", "UN", "UAE", "USSR", "CEO", "CFO", "COO", "CIO",
    "CTO", "MP", "MEP", "MSP", "BBC", "CNN", "NBC", "ABC", "CBS", "NPR", "PBS", "AP", "AFP", "UPI", "ITV", "ARD",
    "ZDF", "TASS", "DOD", "EPA", "FDA", "FAA", "FEMA", "FCC", "SEC", "FTC", "IRS", "NIH", "CDC", "GAO", "OMB",
    "USDA", "ICE", "ATF", "DEA", "NYPD", "LAPD", "NOAA", "OSHA", "IMF", "OECD", "WTO", "UNICEF", "UNESCO", "OSCE",
    "OPEC", "IAEA", "ICC", "ICJ", "ECB", "AI", "TV", "GOP", "AUSA", "EMT", "CPA", "QC", "KC", "LLC", "NGO", "II",
    "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII",
})

# What transcribers write in brackets that is no one's name: `[laughter]`, `[crosstalk]`.
SOUNDS = frozenset({
    "laughter", "laughs", "laughing", "applause", "music", "crosstalk", "cross talk", "inaudible", "unintelligible",
    "indiscernible", "silence", "pause", "long pause", "noise", "background noise", "coughs", "cough", "sighs",
    "sigh", "phone rings", "break", "end", "beep", "static", "overlapping", "overtalk", "foreign language",
    "speaking foreign language", "blank audio", "no audio", "audio cuts out",
})
