"""Time expressions tagged in analyse and resolved to TIMEX3 values against a report date (align/resolve.py).

The sentences are written for these tests; TempEval-3 and the sample corpus are scored elsewhere.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from newsweave.align.resolve import HOLIDAY_DAYS, resolve, resolve_in_order
from newsweave.analyse.segment import find_sentences
from newsweave.analyse.timex import find_time_expressions

DCT = date(2023, 8, 2)  # a Wednesday


def tagged(nlp, text: str, anchor: date = DCT) -> dict[str, tuple[str, str]]:
    doc = nlp(text)
    found = {}
    for timex in find_time_expressions(doc, "r", find_sentences(doc, "r")):
        value = resolve(timex, anchor)
        assert value is not None, timex
        found[timex.text] = (value.type, value.value)
    return found


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("Profits fell in the third quarter.", "the third quarter", ("DATE", "2023-Q3")),
        ("Third-quarter sales rose 5%.", "Third-quarter", ("DATE", "2023-Q3")),
        ("Sales for the year-earlier quarter were flat.", "the year-earlier quarter", ("DATE", "2022-Q2")),
        ("The talks lasted three hours.", "three hours", ("DURATION", "PT3H")),
        ("He signed a five-year contract.", "five-year", ("DURATION", "P5Y")),
        ("The army seized power last week.", "last week", ("DATE", "2023-W30")),
        ("The coup happened two years ago.", "two years ago", ("DATE", "2021")),
        ("The junta now controls the capital.", "now", ("DATE", "PRESENT_REF")),
        ("Prices have risen in recent years.", "recent years", ("DATE", "PAST_REF")),
        ("Growth was strong in the 1990s.", "the 1990s", ("DATE", "199")),
        ("Troops left on Monday night.", "Monday night", ("DATE", "2023-07-31")),
        ("Flights leave every Tuesday.", "every Tuesday", ("SET", "XXXX-WXX-2")),
        ("The fee is $5 a month.", "a month", ("SET", "P1M")),
        ("The embassy closed at 3 p.m. yesterday.", "3 p.m. yesterday", ("TIME", "2023-08-01T15:00")),
        ("The vote is due this summer.", "this summer", ("DATE", "2023-SU")),
        ("He was elected in March.", "March", ("DATE", "2023-03")),
        ("Results came in June last year.", "June last year", ("DATE", "2022-06")),
        ("The plan was agreed in the first half of 2022.", "the first half of 2022", ("DATE", "2022-H1")),
        ("Elections were held in fiscal 2021.", "fiscal 2021", ("DATE", "2021")),
    ],
)
def test_timex3_values(nlp, text, phrase, expected):
    assert tagged(nlp, text).get(phrase) == expected


def test_a_weekday_in_a_future_clause_is_the_next_one(nlp):
    found = tagged(nlp, "The minister will fly to Niamey on Friday. She arrived on Monday.")

    assert found["Friday"] == ("DATE", "2023-08-04")
    assert found["Monday"] == ("DATE", "2023-07-31")


def test_ages_and_fractions_are_not_time(nlp):
    found = tagged(nlp, "The 52-year-old general, 52 years old, holds a quarter of the seats.")

    assert found == {}


def test_a_year_earlier_in_quarterly_results_is_that_quarter_a_year_back(nlp):
    text = "Net income rose in the third quarter. A year earlier, it earned $2 million."

    assert tagged(nlp, text, date(1989, 10, 26))["A year earlier"] == ("DATE", "1988-Q3")
    assert tagged(nlp, "A year earlier, it earned $2 million.", date(1989, 10, 26))["A year earlier"] == (
        "DATE",
        "1988",
    )


def test_how_a_relative_value_was_derived_names_its_anchor(nlp):
    doc = nlp("The army seized power last week.")
    (timex,) = find_time_expressions(doc, "r", find_sentences(doc, "r"))

    value = resolve(timex, DCT)

    assert value is not None and value.anchor == "2023-08-02"
    assert "relative to the report date" in value.how
    assert value.day == date(2023, 7, 24)


# The TIMEX3 value grammar (TimeML 1.2.1) for the forms we write.
TIMEX3_VALUE = re.compile(
    r"PRESENT_REF|PAST_REF|FUTURE_REF"
    r"|P(?=[\dXT])(?:[\dX.]+(?:Y|M|W|DE|CE|D|Q|WE))*(?:T(?:[\dX.]+[HMS])+)?"
    r"|XXXX(?:-WXX-[1-7]|-XX-XX|-\d\d|-(?:SP|SU|FA|WI))?(?:T(?:MO|AF|EV|NI))?"
    r"|\d{2,4}(?:-(?:Q[1-4]|H[12]|SP|SU|FA|WI|W\d\d(?:-WE)?|\d\d(?:-\d\d(?:T(?:MO|AF|EV|NI|\d\d:\d\d))?)?))?"
)


def test_every_value_on_real_news_is_a_timex3_value(nlp, sample_analysed, shared_dir):
    platinum = sorted((shared_dir / "data" / "tempeval3" / "te3-platinum-input").glob("*.TE3input"))[:5]
    texts = [re.sub(r"<[^>]*>", "", p.read_text(encoding="utf-8").split("<TEXT>")[1]) for p in platinum]
    timexes = [t for a in sample_analysed for t in a.timexes]
    for doc in nlp.pipe(texts):
        timexes += find_time_expressions(doc, "p", find_sentences(doc, "p"))
    assert len(timexes) > 50

    values = [resolve(t, DCT) for t in timexes]

    bad = [
        (t.text, v.value)
        for t, v in zip(timexes, values, strict=True)
        if v and not TIMEX3_VALUE.fullmatch(v.value)
    ]
    assert bad == []
    assert sum(v is not None for v in values) / len(values) > 0.9


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # holidays: the day the calendar gives, in the year the tense points to (DCT 2023-08-02)
        ("The boy was found on Thanksgiving Day.", "Thanksgiving Day", ("DATE", "2022-11-24")),
        ("Voters will go to the polls on Election Day.", "Election Day", ("DATE", "2023-11-07")),
        ("The ceasefire began at Easter.", "Easter", ("DATE", "2023-04-09")),
        ("The talks will resume after Christmas.", "Christmas", ("DATE", "2023-12-25")),
        ("Shops closed on Labor Day 2019.", "Labor Day 2019", ("DATE", "2019-09-02")),
        # sets written as one word
        ("The council meets weekly.", "weekly", ("SET", "P1W")),
        ("Rallies were held almost daily.", "daily", ("SET", "P1D")),
        ("The festival takes place annually.", "annually", ("SET", "P1Y")),
        # a deadline ahead, whatever the tense of the verb
        ("The court gave the family until Friday to reply.", "Friday", ("DATE", "2023-08-04")),
        ("The envoy could arrive as soon as Tuesday.", "Tuesday", ("DATE", "2023-08-08")),
        ("The statement was read at midday.", "midday", ("TIME", "2023-08-02T12:00")),
        # TimeBank and AQUAINT conventions for vague and long durations
        ("Fighting has intensified in recent weeks.", "recent weeks", ("DURATION", "PXW")),
        ("The region has been unstable for two decades.", "two decades", ("DURATION", "P20Y")),
        ("Talks will go on for two more weeks.", "two more weeks", ("DURATION", "P2W")),
        ("Officials spoke late Monday.", "late Monday", ("DATE", "2023-07-31")),
        (
            "Sales should recover in next year's first quarter.",
            "next year's first quarter",
            ("DATE", "2024-Q1"),
        ),
        ("They left a day-long meeting.", "day-long", ("DURATION", "P1D")),
        ("Prices reflect current market conditions.", "current", ("DATE", "PRESENT_REF")),
        # named months with last / next / this (DCT August 2023)
        ("The treaty was signed last May.", "last May", ("DATE", "2023-05")),
        ("The treaty was signed last July.", "last July", ("DATE", "2022-07")),
        ("The treaty was signed last March.", "last March", ("DATE", "2023-03")),
        ("Elections are due next September.", "next September", ("DATE", "2024-09")),
        ("Elections are due next November.", "next November", ("DATE", "2023-11")),
        ("Elections were held this February.", "this February", ("DATE", "2023-02")),
    ],
)
def test_holidays_one_word_sets_deadlines_and_durations(nlp, text, phrase, expected):
    assert tagged(nlp, text).get(phrase) == expected


def test_a_newspaper_called_daily_is_not_a_set(nlp):
    assert "daily" not in tagged(nlp, "The Communist Party daily Granma printed the letter.")


def test_thanksgiving_is_the_fourth_thursday_of_november():
    assert [HOLIDAY_DAYS["thanksgiving"](year) for year in (1998, 1999, 2023)] == [
        date(1998, 11, 26),
        date(1999, 11, 25),
        date(2023, 11, 23),
    ]
    assert HOLIDAY_DAYS["memorial"](2023) == date(2023, 5, 29)


def test_a_deadline_in_the_past_perfect_stays_in_the_past(nlp):
    found = tagged(nlp, "Until Thursday, the police had not named him. They will wait until Friday.")

    assert found["Thursday"] == ("DATE", "2023-07-27")
    assert found["Friday"] == ("DATE", "2023-08-04")


def test_that_year_and_the_following_day_are_dated_from_the_date_written_before(nlp):
    text = (
        "He fled to Florida in June 1998 and returned to Cuba later that year. "
        "The court met on May 22, 1995, and ruled the following day. Nobody knows what happened that month."
    )
    doc = nlp(text)
    timexes = find_time_expressions(doc, "r", find_sentences(doc, "r"))

    values = {t.text: v.value for t, v in zip(timexes, resolve_in_order(timexes, DCT), strict=True) if v}

    assert values["later that year"] == "1998"
    assert values["the following day"] == "1995-05-23"
    assert values["that month"] == "1995-05"


def test_that_day_without_a_date_before_it_stays_unresolved(nlp):
    doc = nlp("Traders lost money that day.")
    timexes = find_time_expressions(doc, "r", find_sentences(doc, "r"))

    assert [t.text for t in timexes] == ["that day"]
    assert resolve_in_order(timexes, DCT) == [None]


def test_the_day_before_an_event_is_no_duration(nlp):
    found = tagged(nlp, "He was last seen on July 3, the day before the police issued a warrant.")

    assert "the day" not in found
    assert found["July 3"] == ("DATE", "2023-07-03")


def test_the_night_of_a_named_day_is_that_day_as_aquaint_writes_it(nlp):
    text = (
        "Troops left on Monday night. Shots were heard last night. Talks resume tonight. "
        "Flights leave every Tuesday night. The minister spoke on Monday morning."
    )
    found = tagged(nlp, text)

    assert found["Monday night"] == ("DATE", "2023-07-31")
    assert found["tonight"] == ("DATE", "2023-08-02")
    assert found["last night"] == ("TIME", "2023-08-01TNI")  # no day named: the night keeps its code
    assert found["every Tuesday night"] == ("SET", "XXXX-WXX-2TNI")
    assert found["Monday morning"] == ("TIME", "2023-07-31TMO")


def test_titles_and_a_leading_now_are_not_times(nlp):
    text = (
        'He spoke on ABC\'s "This Week" and on CBS\'s "60 Minutes", and told USA Today that talks '
        "were over. Now, he says, the army rules. The army now rules. Today the border opened."
    )
    found = tagged(nlp, text)

    assert set(found) == {"now", "Today"}


def test_todays_youth_is_the_present_age_but_todays_meeting_is_the_report_date(nlp):
    found = tagged(nlp, "The war shaped today's youth. The minister cancelled today's meeting.")

    assert list(found.values()) == [("DATE", "2023-08-02")]


def test_three_days_later_is_a_duration_but_a_year_earlier_a_date(nlp):
    found = tagged(nlp, "Three days later, the junta closed the border. A year earlier, it had reopened.")

    assert found["Three days"] == ("DURATION", "P3D")  # "later" is TimeML's signal, outside the span
    assert found["A year earlier"] == ("DATE", "2022")
    assert "Three days later" not in found


def test_the_tense_moves_a_month_without_a_year_up_to_ten_months(nlp):
    resigned = tagged(nlp, "He resigned in January.", date(1998, 10, 25))
    launch = tagged(nlp, "The launch will be in August.", date(1998, 10, 26))

    assert resigned["January"] == ("DATE", "1998-01")  # 297 days back, not the January ahead
    assert launch["August"] == ("DATE", "1999-08")  # 279 days ahead, not the August gone


def test_a_yearless_day_takes_its_year_from_the_report_date_before_the_piles(nlp, t17_dir):
    # A Washington Post report of 2009-01-11 in a pile that mostly writes 2009: "(as of Dec. 29)" is
    # 2008's, the day nearest the report date, not the pile year's December.
    path = t17_dir / "Finan_washingtonpost" / "InputDocs" / "2009-01-11" / "74.htm.txt"
    doc = nlp(path.read_text(encoding="utf-8"))
    timexes = find_time_expressions(doc, "r", find_sentences(doc, "r"))
    where = next(i for i, t in enumerate(timexes) if t.text == "Dec. 29")
    dated = resolve_in_order(timexes, date(2009, 1, 11), 2009)[where]
    undated = resolve_in_order(timexes, None, 2009)[where]  # no report date: the pile's year
    assert dated is not None and dated.value == "2008-12-29"
    assert undated is not None and undated.value == "2009-12-29"


def test_a_plan_points_ahead_but_the_time_of_the_planning_does_not(nlp):
    text = (
        "The talks are scheduled to resume on Friday. Rebels were planning to attack the town on Monday. "
        "The firm agreed on Tuesday to buy the mine. A rally planned for Saturday was cancelled. "
        "The offer had been due to expire on Thursday. Protesters planned a march on Sunday."
    )
    found = tagged(nlp, text)

    assert found["Friday"] == ("DATE", "2023-08-04")  # the plan: ahead
    assert found["Monday"] == ("DATE", "2023-08-07")
    assert found["Tuesday"] == ("DATE", "2023-08-01")  # the agreeing, in a simple past: gone
    assert found["Saturday"] == ("DATE", "2023-07-29")  # the clause the plan is part of is past
    assert found["Thursday"] == ("DATE", "2023-07-27")  # a past perfect deadline
    assert found["Sunday"] == ("DATE", "2023-08-06")  # the planned march, the verb's object: ahead
    later = tagged(
        nlp,
        "Officials said they hoped to finish on Saturday. There is a plan to vote on Monday. "
        "Police tried to stop rallies planned for Tuesday.",
    )
    assert later["Tuesday"] == ("DATE", "2023-08-08")  # a plan no finite past clause reports as gone
    assert later["Saturday"] == ("DATE", "2023-08-05")  # "hoped", which the small model lemmatises "hop"
    assert later["Monday"] == ("DATE", "2023-08-07")  # a plan (a noun) to vote


def test_two_days_of_one_month_are_two_dates_sharing_the_month_and_year(nlp):
    found = tagged(
        nlp, "Leaders meet on October 24 and 25. Talks ran on March 3-4, 1999. Shares rose on May 4 and 3%."
    )

    assert found["October 24"] == ("DATE", "2023-10-24")
    assert found["25"] == ("DATE", "2023-10-25")
    assert found["March 3"] == ("DATE", "1999-03-03")
    assert found["4, 1999"] == ("DATE", "1999-03-04")
    assert found["May 4"] == ("DATE", "2023-05-04")
    assert "3" not in found  # a percentage, not a day


def test_a_week_after_a_plural_is_a_rate_but_not_after_as_or_is(nlp):
    found = tagged(nlp, "The airline adds 700 seats a week. The appeal could take as long as a month.")

    assert found["a week"] == ("SET", "P1W")
    assert found["a month"] == ("DURATION", "P1M")


def test_a_march_named_for_its_cause_is_no_month(nlp):
    found = tagged(nlp, "Thousands joined the March for Life. In March for the first time, prices fell.")

    assert list(found) == ["March"]
    assert found["March"] == ("DATE", "2023-03")


def test_each_july_and_every_summer_are_sets(nlp):
    found = tagged(nlp, "Orangemen march each July. Every summer the river floods.")

    assert found["each July"] == ("SET", "XXXX-07")
    assert found["Every summer"] == ("SET", "XXXX-SU")
    assert all(TIMEX3_VALUE.fullmatch(value) for _, value in found.values())


def test_a_part_of_day_with_early_mid_or_late_alone_is_the_report_days(nlp):
    found = tagged(nlp, "By mid-afternoon, the shooting had stopped. He left late afternoon yesterday.")

    assert found["mid-afternoon"] == ("TIME", "2023-08-02TAF")
    assert found["late afternoon yesterday"] == ("TIME", "2023-08-01TAF")


def test_once_a_week_and_the_first_of_two_weekday_nights_are_sets(nlp):
    found = tagged(nlp, "Flights leave on Monday and Tuesday nights. The council meets twice a month.")

    assert found["Monday"] == ("SET", "XXXX-WXX-1TNI")
    assert found["Tuesday nights"] == ("SET", "XXXX-WXX-2TNI")
    assert found["a month"] == ("SET", "P1M")


def test_a_range_of_lengths_tags_the_lower_bound_with_the_unit_of_the_upper(nlp):
    found = tagged(
        nlp,
        "Shipments resume within two to three weeks. He faces 10 or 15 years. It was two or three years ago.",
    )

    assert found["two"] == ("DURATION", "P2W")
    assert found["three weeks"] == ("DURATION", "P3W")
    assert found["10"] == ("DURATION", "P10Y")
    assert found["15 years"] == ("DURATION", "P15Y")
    assert found["three years ago"] == ("DATE", "2020")


def test_the_next_day_and_a_bare_clock_time_count_from_the_date_written_before(nlp):
    text = (
        "The embassy was bombed on Aug. 7, 1998, at 10:30 a.m. The next day, the FBI arrived. "
        "Officials spoke at 3 p.m. He left the day before yesterday and returns the day after tomorrow."
    )
    doc = nlp(text)
    timexes = find_time_expressions(doc, "r", find_sentences(doc, "r"))

    values = {t.text: v.value for t, v in zip(timexes, resolve_in_order(timexes, DCT), strict=True) if v}

    assert values["10:30 a.m."] == "1998-08-07T10:30"  # the day its sentence gives
    assert values["The next day"] == "1998-08-08"
    assert values["3 p.m."] == "2023-08-02T15:00"  # no date in its sentence: the report date
    assert values["the day before yesterday"] == "2023-07-31"
    assert values["the day after tomorrow"] == "2023-08-04"


def test_a_quarter_with_its_year_and_the_last_half_of_a_year(nlp):
    found = tagged(
        nlp,
        "Net fell from $3 million in the 1988 quarter. Sales will slow in the last half of 1989.",
        date(1989, 10, 26),
    )

    assert found["the 1988 quarter"] == ("DATE", "1988-Q3")  # the quarter reported on, in 1988
    assert found["the last half of 1989"] == ("DATE", "1989-H2")


def test_lengths_with_a_half_are_written_in_two_units(nlp):
    text = "He served 2 1/2 years, then a year and a half. Talks took half an hour and an hour and a half."
    found = tagged(nlp, text)

    assert found["2 1/2 years"] == ("DURATION", "P2Y6M")
    assert found["a year and a half"] == ("DURATION", "P1Y6M")
    assert found["half an hour"] == ("DURATION", "PT30M")
    assert found["an hour and a half"] == ("DURATION", "PT1H30M")
    assert all(TIMEX3_VALUE.fullmatch(value) for _, value in found.values())


def test_a_part_of_a_written_day_and_this_past_or_coming_weekend(nlp):
    found = tagged(
        nlp,
        "The bomb went off on the morning of Aug. 7. "
        "He returned this past weekend and leaves this coming weekend.",
    )

    assert found["the morning of Aug. 7"] == ("TIME", "2023-08-07TMO")
    assert found["this past weekend"] == ("DATE", "2023-W30-WE")  # DCT Wednesday 2023-08-02, week 31
    assert found["this coming weekend"] == ("DATE", "2023-W31-WE")


def test_a_holiday_a_few_days_ahead_stays_in_its_year_and_its_week_is_a_week(nlp):
    monday = date(2000, 4, 17)  # Easter 2000 was Sunday April 23
    found = tagged(
        nlp,
        "Crowds gathered as Easter week began. Pilgrims marched on Palm Sunday. "
        "Shops will shut over the Easter weekend.",
        monday,
    )
    assert found["Easter week"] == ("DATE", "2000-W16")
    assert found["Palm Sunday"] == ("DATE", "2000-04-16")
    assert found["Easter weekend"] == ("DATE", "2000-W16-WE")
    # Memorial Day 2010 was Monday May 31 (ISO week 22); its weekend is the one before it
    assert tagged(nlp, "He flew home over Memorial Day weekend.", date(2010, 5, 27))[
        "Memorial Day weekend"
    ] == (
        "DATE",
        "2010-W21-WE",
    )
    # a past tense still reaches back when the holiday is more than a week ahead
    assert tagged(nlp, "The truce began at Easter.", date(2023, 1, 5))["Easter"] == ("DATE", "2022-04-17")
    assert tagged(nlp, "Families met on Mother's Day.", date(2023, 5, 20))["Mother's Day"] == (
        "DATE",
        "2023-05-14",
    )


def test_a_month_after_by_or_until_is_a_deadline_ahead_unless_the_clause_is_past(nlp):
    october = date(2023, 10, 20)
    ahead = tagged(nlp, "The plan is to repay the loan by February.", october)
    assert ahead["February"] == ("DATE", "2024-02")
    past = tagged(nlp, "By February, the rebels held the north.", october)
    assert past["February"] == ("DATE", "2023-02")


def test_a_date_something_takes_effect_is_the_nearest_one_whatever_the_clause(nlp):
    october = date(2023, 10, 20)
    found = tagged(nlp, "The board named a new chairman, effective Feb. 1.", october)
    assert found["Feb. 1"] == ("DATE", "2024-02-01")
    # without "effective" the past tense of the clause reaches back to last February
    assert tagged(nlp, "The board named a new chairman on Feb. 1.", october)["Feb. 1"] == (
        "DATE",
        "2023-02-01",
    )


def test_every_year_of_a_list_is_a_date(nlp):
    found = tagged(
        nlp, "Three doctors were shot at in 1994, 1995 and 1997. Profits fell in both 2001 and 2002."
    )
    assert [found.get(y) for y in ("1994", "1995", "1997", "2001", "2002")] == [
        ("DATE", "1994"),
        ("DATE", "1995"),
        ("DATE", "1997"),
        ("DATE", "2001"),
        ("DATE", "2002"),
    ]
    assert "1,995" not in found and tagged(nlp, "It cost $1,995, or 2,000 euros.") == {}


def test_the_end_of_a_period_is_one_timex_and_every_night_a_set(nlp):
    found = tagged(
        nlp, "Oil should reach the coast by the end of the week. Profits will rise by the end of the year."
    )
    assert found["the end of the week"] == ("DATE", "2023-W31")
    assert found["the end of the year"] == ("DATE", "2023")
    assert tagged(nlp, "She listens to the calls every night.")["every night"] == ("SET", "XXXX-XX-XXTNI")


def test_by_a_weekday_in_a_simple_past_clause_is_the_state_by_then_not_a_deadline(nlp):
    saturday = date(2023, 8, 5)
    assert tagged(nlp, "By Friday the slick was three times larger.", saturday)["Friday"] == (
        "DATE",
        "2023-08-04",
    )
    assert tagged(nlp, "They were asked to reply by Friday.", saturday)["Friday"] == ("DATE", "2023-08-11")
    assert tagged(nlp, "The court gave them until Friday to leave.", saturday)["Friday"] == (
        "DATE",
        "2023-08-11",
    )


def test_no_value_depends_on_the_day_the_tool_runs(nlp):
    # dateparser's relative parser reads "80s" as eighty seconds before now; only absolute dates count
    assert "80s" not in tagged(nlp, "Throughout the 80s he was armed by the agency.")
    assert tagged(nlp, "The deal was signed on 27/07/2004.")["27/07/2004"] == ("DATE", "2004-07-27")


def test_may_with_early_mid_or_late_seconds_couples_and_years_in_brackets(nlp):
    found = tagged(
        nlp,
        "In mid-May a committee met. It lasted eight seconds. Talks go on for the next couple of days. "
        "He was a deputy secretary (1997 to 2001) and an adviser (2003).",
    )
    assert found["mid-May"] == ("DATE", "2023-05")
    assert found["eight seconds"] == ("DURATION", "PT8S")
    assert found["the next couple of days"] == ("DURATION", "P2D")
    assert [found.get(y) for y in ("1997", "2001", "2003")] == [
        ("DATE", "1997"),
        ("DATE", "2001"),
        ("DATE", "2003"),
    ]
    assert tagged(nlp, "He won a second term. Prices may fall.") == {}


def test_a_day_of_last_year_and_a_year_after_a_spaced_comma(nlp):
    november = date(2005, 11, 27)
    assert tagged(nlp, "They met on 16 April last year.", november)["16 April last year"] == (
        "DATE",
        "2004-04-16",
    )
    assert tagged(nlp, "Talks resume on March 3 next year.", november)["March 3 next year"] == (
        "DATE",
        "2006-03-03",
    )
    # text tokenised with a space before the comma, as T17's is
    found = tagged(nlp, "It paid the victims of the Sept. 11 , 2001 , attacks.", november)
    assert found["Sept. 11 , 2001"] == ("DATE", "2001-09-11")


def test_a_weekday_with_its_date_ends_at_the_date(nlp):
    found = tagged(nlp, "Wednesday , July 21 , 2010 ; 6:43 PM Four oil giants met.", date(2010, 7, 21))
    assert found["Wednesday , July 21 , 2010"] == ("DATE", "2010-07-21")


def test_a_part_of_a_game_or_a_sum_is_no_quarter_but_of_next_year_is(nlp):
    assert (
        tagged(nlp, "He scored in the first quarter of the game. The second half of that money is gone.")
        == {}
    )
    found = tagged(
        nlp, "Sales rose in the first quarter of this year. The first half of next year will be hard."
    )
    assert found["the first quarter of this year"] == ("DATE", "2023-Q1")
    assert found["The first half of next year"] == ("DATE", "2024-H1")


def test_a_clock_time_written_with_a_dot_as_british_papers_do(nlp):
    found = tagged(nlp, "The vote was at 9.30am and the hearing ended at 10.45 pm.")
    assert found["9.30am"] == ("TIME", "2023-08-02T09:30")
    assert found["10.45 pm"] == ("TIME", "2023-08-02T22:45")
    assert tagged(nlp, "Shares rose 2.50 a share.") == {}


def test_set_off_plans_nothing_and_a_clock_time_keeps_the_year_of_its_day(nlp):
    sunday = date(2010, 1, 24)
    found = tagged(nlp, "The convoy was able to set off on Saturday afternoon.", sunday)
    assert found["Saturday afternoon"] == ("TIME", "2010-01-23TAF")
    assert tagged(nlp, "The talks are set to resume on Saturday.", sunday)["Saturday"] == (
        "DATE",
        "2010-01-30",
    )
    found = tagged(nlp, "It was just after midnight on March 24, 1989 that the tanker hit the reef.", sunday)
    assert found["midnight on March 24, 1989"] == ("TIME", "1989-03-24T24:00")


def test_seasons_with_a_bare_year_wire_clock_times_and_a_past_progressive_by(nlp):
    saturday = date(2010, 8, 7)
    found = tagged(
        nlp,
        "By autumn 2002 the agency was worried. The flow stopped at 1425 local time (1925 GMT).",
        saturday,
    )
    assert found["autumn 2002"] == ("DATE", "2002-FA")
    assert found["1925 GMT"] == ("TIME", "2010-08-07T19:25")
    assert tagged(nlp, "In 1925, the law passed.", saturday)["1925"] == ("DATE", "1925")
    found = tagged(nlp, "By Friday engineers were waiting for the cement to set.", saturday)
    assert found["Friday"] == ("DATE", "2010-08-06")
    doc = nlp("The rig exploded on April 20. Next day, crews arrived.")
    timexes = find_time_expressions(doc, "r", find_sentences(doc, "r"))
    values = [v.value for v in resolve_in_order(timexes, saturday) if v]
    assert values == ["2010-04-20", "2010-04-21"]


def test_decades_without_an_apostrophe_after_the_and_centuries_in_words(nlp):
    found = tagged(
        nlp, "In the 70s the city declined. Research in the 1960s and '70s was funded.", date(2009, 2, 25)
    )
    assert [found.get(p) for p in ("the 70s", "'70s")] == [("DATE", "197"), ("DATE", "197")]
    assert tagged(nlp, "Deaths were among people in their 30s or 40s. Temperatures were in the 90s.") == {}
    assert tagged(nlp, "Trust fell until it hit the mid-20s.") == {}
    assert tagged(nlp, "He edited it for half a century.")["half a century"] == ("DURATION", "P50Y")
    found = tagged(
        nlp, "Wars plagued the twentieth century. This century will be different.", date(2009, 2, 25)
    )
    assert found["the twentieth century"] == ("DATE", "19")
    assert found["This century"] == ("DATE", "20")


def test_the_last_quarter_of_a_year_a_day_in_words_and_a_joined_past_verb(nlp):
    october = date(2010, 10, 5)  # a Tuesday
    found = tagged(nlp, "Bonuses depend on safety in the last quarter of this year.", october)
    assert found["the last quarter of this year"] == ("DATE", "2010-Q4")
    assert tagged(nlp, "Sales fell in the last quarter.", october)["the last quarter"] == ("DATE", "2010-Q3")
    found = tagged(nlp, "My son was born on the first of June 2009.", october)
    assert found["the first of June 2009"] == ("DATE", "2009-06-01")
    found = tagged(nlp, "The crew were flown to a hospital and released by early Thursday evening.", october)
    assert found["early Thursday evening"] == ("TIME", "2010-09-30TEV")
    # a past clause does not reach back more than ten months for a holiday either
    found = tagged(
        nlp, "With 40 days left before Election Day, the economy was teetering.", date(2008, 9, 27)
    )
    assert found["Election Day"] == ("DATE", "2008-11-04")
