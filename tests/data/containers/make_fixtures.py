"""Writes the PDF and Word fixtures beside this script; the same bytes on every run (a test checks it).

    python tests/data/containers/make_fixtures.py

The transcripts are invented, in the shapes real ones take: a state senate hearing as a court reporter
delivers it (a cover page, 25 numbered lines a page, a page number, a draft notice and the reporting
company's name on every page), an oral history typed with labelled paragraphs, a scan without a text layer, a
password-protected PDF, a PDF cut short, and Word documents as transcribers and services write them.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from tests.core.docx_writer import bold, docx, para, table  # noqa: E402
from tests.core.pdf_writer import HEIGHT, Page, text_pages, write_pdf  # noqa: E402

HEARING_PAGES = [
    [
        "",
        "      BEFORE THE NEW YORK STATE SENATE",
        "    STANDING COMMITTEE ON ELECTIONS",
        "",
        "    PUBLIC HEARING ON STATE ELECTION INFRASTRUCTURE",
        "",
        "            Legislative Office Building",
        "            Albany, New York",
        "",
        "            March 3, 2019",
        "            10:00 a.m.",
        "",
        "PRESIDING:",
        "",
        "   Senator Liz Krueger",
        "   Chairwoman",
        "",
        "PRESENT:",
        "",
        "   Senator Andrew Lanza",
        "   Senator Zellnor Myrie",
        "", "", "", "",
    ],
    [
        "       CHAIRWOMAN KRUEGER:  Good morning, everyone.",
        "We are here today to discuss the budget for the",
        "election infrastructure of the state. Note: the",
        "hearing started at 10:08 because of the weather.",
        "       I want to thank the witnesses for coming.",
        "       SENATOR LANZA:  Thank you, Madam Chair. I",
        "have a question for the commissioner about the",
        "voting machines in Richmond County.",
        "       COMMISSIONER VALENTINE:  Thank you, Senator.",
        "The machines were certified in 2017, and every",
        "one of them was tested before the primary.",
        "       SENATOR LANZA:  How many failed?",
        "       COMMISSIONER VALENTINE:  Eleven, out of about",
        "four hundred. The reason was simple: the",
        "batteries had not been replaced since 2012.",
        "       CHAIRWOMAN KRUEGER:  Senator Myrie.",
        "       SENATOR MYRIE:  Commissioner, were the",
        "replacement batteries ordered through the state",
        "contract, or did each county buy its own?",
        "       COMMISSIONER VALENTINE:  Each county buys",
        "its own. That is part of the problem we want",
        "the committee to look at this year.",
        "       SENATOR MYRIE:  Then I would ask that the",
        "board send us the list of counties and the",
        "dates of their last orders.",
    ],
    [
        "       COMMISSIONER VALENTINE:  We will send it",
        "by the end of the month.",
        "       CHAIRWOMAN KRUEGER:  Thank you. Our next",
        "witness is Ms. Ortega from the League of",
        "Women Voters.",
        "       MS. ORTEGA:  Thank you for having me. The",
        "League has watched forty polling places in the",
        "last two elections, and the lines were longest",
        "where the machines were oldest.",
        "       SENATOR LANZA:  Were the lines worse in the",
        "primary or in the general election?",
        "       MS. ORTEGA:  In the general election, by a",
        "wide margin.",
        "       CHAIRWOMAN KRUEGER:  We will stand in",
        "recess until two o'clock.",
        "       (Whereupon, the hearing recessed at",
        "11:42 a.m.)",
        "", "", "", "", "", "", "", "",
    ],
]
HEARING_HEADER = "DRAFT TRANSCRIPT - NOT CERTIFIED"
HEARING_FOOTER = "Empire State Reporting Company  (518) 555-0147"

ORAL_HISTORY = [
    "Margaret Ellis: This is Margaret Ellis. It is the fourteenth of May, 2022, and I am with Thomas Reid in "
    "his kitchen in Harlan, Kentucky, for the Mountain Voices project.",
    "Thomas Reid: Glad to have you. Coffee is on the stove if you want it.",
    "Margaret Ellis: Maybe later. Tell me where you were born.",
    "Thomas Reid: Right up the hollow from here, in a four-room house my granddaddy built. There were nine "
    "of us children and one bed for every three of us, and nobody thought that was hard, because everybody "
    "we knew lived the same way. My father went into the mine when he was fourteen years old and came out "
    "of it at sixty with his lungs about gone.",
    "Margaret Ellis: Did you follow him into the mine?",
    "Thomas Reid: I did, in 1961. I swore I would not, and then the shoe factory closed and there was "
    "nothing else. You go where the work is. I loaded coal by hand the first two years, before the machines "
    "came in, and I can tell you the machines did not make it any safer.",
    "Margaret Ellis: What changed when the machines came?",
    "Thomas Reid: The dust. You could not see your hand in front of your face some days. They gave us paper "
    "masks and the masks were black inside of an hour.",
]


def hearing() -> bytes:
    pages = []
    for number, lines in enumerate(HEARING_PAGES, start=1):
        drawn = [(200, HEIGHT - 40, HEARING_HEADER), (540, HEIGHT - 40, str(number))]
        for i, line in enumerate(lines):
            y = HEIGHT - 90 - i * 26
            drawn.append((50 if i >= 9 else 57.2, y, str(i + 1)))  # right-aligned margin numbers
            if line.strip():
                indent = len(line) - len(line.lstrip())
                drawn.append((86 + 7.2 * indent, y, line.strip()))
        drawn.append((160, 36, HEARING_FOOTER))
        pages.append(Page(drawn))
    return write_pdf(pages, font="Courier", font_size=12, title="Microsoft Word - hearing-0303.docx")


def oral_history() -> bytes:
    pages = text_pages(ORAL_HISTORY, chars_per_line=90, lines_per_page=22, font_size=11)
    total = len(pages)
    out = []
    for number, page in enumerate(pages, start=1):
        header = (72, HEIGHT - 40, "Mountain Voices Oral History Project")
        footer = (270, 40, f"Page {number} of {total}")
        out.append(Page([header, *page.lines, footer]))
    return write_pdf(out, font="Helvetica", font_size=11, title="Thomas Reid, interviewed by Margaret Ellis")


def word_oral_history() -> bytes:
    """A transcriber's Word file: a cover page, a heading, bold labels, a soft line break in a turn."""
    return docx(
        para("The Harbour Lights Oral History", style="Title"),
        para("Interviewer: Priya Natarajan"),
        para("Interviewee: Walter Brennan"),
        para("Date: 12 October 2021"),
        para("Location: Whitby, North Yorkshire"),
        para("Growing up on the harbour", style="Heading1"),
        para(bold("Priya Natarajan:"), " Walter, what is the first thing you remember about the harbour?"),
        para(bold("Walter Brennan:"), " The smell, before anything. Tar and fish and coal smoke.\n"
             "My mother hated it and my father never noticed it."),
        para("We lived above the chandler's on Church Street until I was twelve."),
        para(bold("Priya Natarajan:"), " And your father worked the boats?"),
        para(bold("Walter Brennan:"), " Forty years on the cobles. He never learned to swim."),
        para("Leaving school", style="Heading2"),
        para(bold("Priya"), bold(" Natarajan:"), " When did you leave school?"),
        para(bold("Walter Brennan:"), " At fourteen, the week after my birthday."),
        title="Brennan interview", created="2021-10-20T09:30:00Z",
    )


def word_otter() -> bytes:
    """Otter's Word export: a speaker and time line above each paragraph."""
    return docx(
        para("Weekly planning call"),
        para("Speaker 1  0:02"),
        para("Okay, I think everyone is here. Shall we start with the budget?"),
        para("Dana Whitfield  0:09"),
        para("Yes. I sent the numbers round this morning, so I will keep it short."),
        para("Speaker 1  0:17"),
        para("Great, go ahead."),
        para("Dana Whitfield  0:19"),
        para("We are about four percent over on travel and under on everything else."),
        para("Transcribed by https://otter.ai"),
    )


def word_table() -> bytes:
    """A transcript laid out as a table: time, speaker and text columns, with a header row."""
    return docx(
        para("Focus group 3, Tuesday evening session"),
        table([
            ["Time", "Speaker", "Transcript"],
            ["00:00:04", "Moderator", "Thanks for coming out on a wet night. Let's go round and say names."],
            ["00:00:11", "Ruth", "I'm Ruth, I've lived on the estate for twenty years."],
            ["00:00:16", "Kwame", "Kwame. Five years, give or take."],
            ["00:00:21", "Moderator", "And what brought you both here tonight?"],
        ]),
    )


def word_print_interview() -> bytes:
    """A newspaper interview written up in Word: a heading naming who is interviewed, a lede, the questions in
    bold with no labels (one a statement put to her), the answers plain, the journalist's credit below."""
    return docx(
        para("Interview with Dr. Maria Santos", style="Heading1"),
        para("Dr. Maria Santos leads the coastal erosion programme at the university. We spoke in her office."),
        para(bold("How fast is the coast retreating?")),
        para("In some places two metres a year. The cliffs at Holbeck lose more in one storm than in a decade."),
        para(bold("What can be done?")),
        para("Sea walls buy time, but they move the problem along the coast."),
        para("Further south the council has stopped repairing them."),
        para(bold("Managed retreat is unpopular.")),
        para("It is, because people lose homes. But it is honest."),
        para(bold("Who pays?")),
        para("Today, mostly the homeowners. That has to change."),
        para("Interview by Tom Hale."),
    )


def main() -> int:
    files = {
        "hearing.pdf": hearing(),
        "oral-history.pdf": oral_history(),
        "scanned.pdf": write_pdf([Page(scan=True), Page(scan=True)]),
        "encrypted.pdf": write_pdf(text_pages(ORAL_HISTORY[:2]), user_password="harlan"),
        "truncated.pdf": oral_history()[:1500],
        "oral-history.docx": word_oral_history(),
        "otter-export.docx": word_otter(),
        "focus-group-table.docx": word_table(),
        "print-interview.docx": word_print_interview(),
        "truncated.docx": word_oral_history()[:900],
    }
    for name, data in files.items():
        (HERE / name).write_bytes(data)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
