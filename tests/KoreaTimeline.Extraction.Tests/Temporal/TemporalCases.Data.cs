namespace KoreaTimeline.Extraction.Tests.Temporal;

/// <summary>
/// Case tables, one case per line: <c>text | reference | expected extent | TYPE value [mod] | interval precision</c>.
/// The extent is the expected text (first occurrence); interval is <c>start..end precision</c> or <c>-</c> for none.
/// </summary>
public static class TemporalCases
{
    public const string Absolute = """
        The talks took place on January 20, 2025. | 2025-03-02 | January 20, 2025 | DATE 2025-01-20 | 2025-01-20..2025-01-20 day
        On Sunday, March 2nd, a carrier arrived. | 2025-03-02 | Sunday, March 2nd | DATE 2025-03-02 | 2025-03-02..2025-03-02 day
        It happened on 20 January 2025 in Seoul. | 2025-03-02 | 20 January 2025 | DATE 2025-01-20 | 2025-01-20..2025-01-20 day
        Published: 2025-03-02 | 2025-03-05 | 2025-03-02 | DATE 2025-03-02 | 2025-03-02..2025-03-02 day
        The test came in March 2023. | 2025-03-02 | March 2023 | DATE 2023-03 | 2023-03-01..2023-03-31 month
        The treaty was signed in 1953. | 2025-03-02 | 1953 | DATE 1953 | 1953-01-01..1953-12-31 year
        It repeated 2022's record launches. | 2025-03-02 | 2022 | DATE 2022 | 2022-01-01..2022-12-31 year
        Prices rose in the 1990's. | 2025-03-02 | the 1990's | DATE 199 | 1990-01-01..1999-12-31 decade
        Talks were held on Aug. 7 in Hanoi. | 1998-08-20 | Aug. 7 | DATE 1998-08-07 | 1998-08-07..1998-08-07 day
        Sales rose in the fourth quarter of 2020. | 2025-03-02 | the fourth quarter of 2020 | DATE 2020-Q4 | 2020-10-01..2020-12-31 quarter
        Profit fell in the third quarter. | 1989-10-26 | the third quarter | DATE 1989-Q3 | 1989-07-01..1989-09-30 quarter
        Third-quarter profit fell. | 1989-10-26 | Third-quarter | DATE 1989-Q3 | 1989-07-01..1989-09-30 quarter
        It was built in the summer of 2024. | 2025-03-02 | the summer of 2024 | DATE 2024-SU | 2024-06-01..2024-08-31 season
        The Christmas Day 2024 launch. | 2025-03-02 | Christmas Day 2024 | DATE 2024-12-25 | 2024-12-25..2024-12-25 day
        Troops paraded on Christmas. | 2025-01-10 | Christmas | DATE 2024-12-25 | 2024-12-25..2024-12-25 day
        The drills followed the president's June meeting with the premier. | 2019-07-25 | June | DATE 2019-06 | 2019-06-01..2019-06-30 month
        The general vowed in his New Year's Day speech to build more drones. | 2020-10-10 | New Year's Day | DATE 2020-01-01 | 2020-01-01..2020-01-01 day
        The general will give a New Year's Day speech. | 2020-10-10 | New Year's Day | DATE 2021-01-01 | 2021-01-01..2021-01-01 day
        Sales rose in Q4 2020. | 2025-03-02 | Q4 2020 | DATE 2020-Q4 | 2020-10-01..2020-12-31 quarter
        The results for fiscal 1989 were weak. | 1989-10-26 | fiscal 1989 | DATE 1989 | 1989-01-01..1989-12-31 year
        It launched at 8:37 a.m. on Friday. | 2025-02-28 | 8:37 a.m. on Friday | TIME 2025-02-28T08:37 | 2025-02-28..2025-02-28 day
        The Times said in an editorial on Monday, Oct. 26: | 1998-10-26 | Monday, Oct. 26 | DATE 1998-10-26 | 1998-10-26..1998-10-26 day
        Talks are set for Nov. 25 in Seoul. | 2000-01-06 | Nov. 25 | DATE 1999-11-25 | 1999-11-25..1999-11-25 day
        The drills ran from March 10 to 20 last year. | 2025-03-03 | March 10 to 20 last year | DATE 2024-03-10 | 2024-03-10..2024-03-20 range
        The deadline is 5 p.m. EST Nov. 9. | 1989-11-02 | 5 p.m. EST Nov. 9 | TIME 1989-11-09T17:00 | 1989-11-09..1989-11-09 day
        Net rose for the quarter ended Sept. 30. | 1989-10-26 | the quarter | DATE 1989-Q3 | 1989-07-01..1989-09-30 quarter
        Net sales for this year's third quarter rose. | 1989-10-26 | this year's third quarter | DATE 1989-Q3 | 1989-07-01..1989-09-30 quarter
        Jan 5: The army fires a cruise missile. | 2022-12-18 | Jan 5 | DATE 2022-01-05 | 2022-01-05..2022-01-05 day
        FEB. 9 - The army tests a rocket. | 2024-12-28 | FEB. 9 | DATE 2024-02-09 | 2024-02-09..2024-02-09 day
        """;

    public const string Deictic = """
        Last Friday, North Korea announced a test. | 2025-03-02 | Last Friday | DATE 2025-02-28 | 2025-02-28..2025-02-28 day
        The ministry said on Friday that it fired. | 2025-02-28 | Friday | DATE 2025-02-28 | 2025-02-28..2025-02-28 day
        The premier called a cabinet session for Friday. | 2025-03-05 | Friday | DATE 2025-03-07 | 2025-03-07..2025-03-07 day
        They blamed the army for Friday's shelling. | 2025-03-05 | Friday | DATE 2025-02-28 | 2025-02-28..2025-02-28 day
        The ministry said on Friday that it fired. | 2025-03-02 | Friday | DATE 2025-02-28 | 2025-02-28..2025-02-28 day
        The frigate had been due to leave Manila on Saturday but stayed. | 2025-03-02 | Saturday | DATE 2025-03-01 | 2025-03-01..2025-03-01 day
        The frigate is due to leave Manila on Saturday. | 2025-03-02 | Saturday | DATE 2025-03-08 | 2025-03-08..2025-03-08 day
        "We will respond firmly," the general said on Friday. | 2025-03-02 | Friday | DATE 2025-02-28 | 2025-02-28..2025-02-28 day
        Seoul said this year would be decisive. | 2025-03-02 | this year | DATE 2025 | 2025-01-01..2025-12-31 year
        This is the first time since June last year. | 2025-03-02 | June last year | DATE 2024-06 | 2024-06-01..2024-06-30 month
        Pyongyang fired missiles earlier this month. | 2025-03-12 | earlier this month | DATE 2025-03 | 2025-03-01..2025-03-11 range
        Drills were held this week. | 2025-03-05 | this week | DATE 2025-W10 | 2025-03-03..2025-03-05 week
        Talks resume next week. | 2025-03-05 | next week | DATE 2025-W11 | 2025-03-10..2025-03-16 week
        Talks were held last week. | 2025-03-05 | last week | DATE 2025-W09 | 2025-02-24..2025-03-02 week
        He visited last month. | 2025-03-05 | last month | DATE 2025-02 | 2025-02-01..2025-02-28 month
        He visited last year. | 2025-03-05 | last year | DATE 2024 | 2024-01-01..2024-12-31 year
        The officials met yesterday. | 2025-03-05 | yesterday | DATE 2025-03-04 | 2025-03-04..2025-03-04 day
        The missile was fired late Monday. | 2025-03-05 | late Monday | DATE 2025-03-03 END | 2025-03-03..2025-03-03 day
        It landed early Friday morning. | 2025-03-08 | early Friday morning | DATE 2025-03-07TMO START | 2025-03-07..2025-03-07 day
        The summit opens tomorrow. | 2025-03-05 | tomorrow | DATE 2025-03-06 | 2025-03-06..2025-03-06 day
        It was said two years ago. | 2025-03-05 | two years ago | DATE 2023 | 2023-01-01..2023-12-31 year
        It happened three days ago. | 2025-03-05 | three days ago | DATE 2025-03-02 | 2025-03-02..2025-03-02 day
        The feud began two weeks ago. | 2025-03-05 | two weeks ago | DATE 2025-W08 | 2025-02-19..2025-02-19 approximate
        He visited in April. | 2025-06-05 | April | DATE 2025-04 | 2025-04-01..2025-04-30 month
        The board endorsed the plan in March. | 2016-11-30 | March | DATE 2016-03 | 2016-03-01..2016-03-31 month
        The board announced a new fee, effective Feb. 1. | 2019-10-20 | Feb. 1 | DATE 2020-02-01 | 2020-02-01..2020-02-01 day
        The board endorsed the plan in March, after the vote in January. | 2016-11-30 | January | DATE 2016-01 | 2016-01-01..2016-01-31 month
        It was seen last fall. | 1999-04-10 | last fall | DATE 1998-FA | 1998-09-01..1998-11-30 season
        It will be done this summer. | 1998-03-22 | this summer | DATE 1998-SU | 1998-06-01..1998-08-31 season
        Profits fell in the latest quarter. | 1989-10-26 | the latest quarter | DATE 1989-Q3 | 1989-07-01..1989-09-30 quarter
        The tensions are high now. | 2025-03-05 | now | DATE PRESENT_REF | -
        The envoy will arrive Tuesday. | 2025-03-05 | Tuesday | DATE 2025-03-11 | 2025-03-11..2025-03-11 day
        Elections are due in January. | 2024-11-05 | January | DATE 2025-01 | 2025-01-01..2025-01-31 month
        The drone crossed on Saturday night -- Friday morning in Washington -- and fell. | 2025-03-07 | Saturday night | DATE 2025-03-08TNI | 2025-03-08..2025-03-08 day
        The rocket lifted off at 6:10 a.m. Monday local time (5:10 p.m. EST Sunday). | 2025-03-09 | 6:10 a.m. Monday | TIME 2025-03-10T06:10 | 2025-03-10..2025-03-10 day
        The rocket lifted off on Monday (Sunday in the U.S.) near the coast. | 2025-03-10 | Monday | DATE 2025-03-10 | 2025-03-10..2025-03-10 day
        Talks ended on Monday -- a week after the Sunday vote. | 2025-03-10 | Monday | DATE 2025-03-10 | 2025-03-10..2025-03-10 day
        """;

    public const string Anaphoric = """
        Last Friday, it announced a test conducted earlier in the week. | 2025-03-02 | earlier in the week | DATE 2025-W09 | 2025-02-24..2025-02-27 range
        On March 3, 2024, the envoy arrived; the next day he met Kim. | 2025-03-02 | the next day | DATE 2024-03-04 | 2024-03-04..2024-03-04 day
        In 2019 the talks collapsed. The following year, the pandemic hit. | 2025-03-02 | The following year | DATE 2020 | 2020-01-01..2020-12-31 year
        Sales were $10 million in the third quarter, up from $8 million a year earlier. | 1989-10-26 | a year earlier | DATE 1988-Q3 | 1988-07-01..1988-09-30 quarter
        On May 10, 2022, Yoon took office. Two days later, the North fired a missile. | 2025-03-02 | Two days | DURATION P2D | 2022-05-12..2022-05-12 day
        Net income fell compared with year-earlier results. | 1989-10-26 | year-earlier | DATE 1988 | 1988-01-01..1988-12-31 year
        In March 2019 talks collapsed; later that month Kim left. | 2025-03-02 | later that month | DATE 2019-03 | 2019-03-01..2019-03-31 range
        The summit was in Hanoi in February 2019. That month, sanctions stayed. | 2025-03-02 | That month | DATE 2019-02 | 2019-02-01..2019-02-28 month
        On March 3, 2024, the envoy arrived and left the following day. | 2025-03-02 | the following day | DATE 2024-03-04 | 2024-03-04..2024-03-04 day
        On March 3, 2024, the envoy arrived. A day earlier, talks had failed. | 2025-03-02 | A day | DURATION P1D | 2024-03-02..2024-03-02 day
        On March 3, 2024, the envoys agreed that grain shipments will start within 60 days. | 2025-03-02 | 60 days | DURATION P60D | 2024-03-03..2024-05-02 range
        On March 3, 2024, the envoys met. The ministers later hailed the May 1 declaration. Working groups will convene within the next 30 days. | 2024-03-04 | the next 30 days | DURATION P30D | 2024-03-03..2024-04-02 range
        In 2018, Kim met Trump in Singapore in June that year. | 2024-11-01 | June | DATE 2018-06 | 2018-06-01..2018-06-30 month
        In 2018, Kim met Trump in Singapore in June that year. | 2024-11-01 | that year | DATE 2018 | 2018-01-01..2018-12-31 year
        The summit was in 2018. In June, talks resumed. | 2024-11-01 | June | DATE 2024-06 | 2024-06-01..2024-06-30 month
        On April 4, 2011, the rocket failed, its first failure since March 2008. The next month talks resumed. | 2015-01-10 | The next month | DATE 2011-05 | 2011-05-01..2011-05-31 month
        """;

    public const string Fuzzy = """
        The launch is expected in early 2025. | 2024-11-02 | early 2025 | DATE 2025 START | 2025-01-01..2025-04-30 approximate
        It happened in mid-2024. | 2025-03-02 | mid-2024 | DATE 2024 MID | 2024-05-01..2024-08-31 approximate
        Troops arrived in late 2024. | 2025-03-02 | late 2024 | DATE 2024 END | 2024-09-01..2024-12-31 approximate
        The ship left in early March. | 2025-03-20 | early March | DATE 2025-03 START | 2025-03-01..2025-03-10 approximate
        The ship left in late November. | 2025-09-20 | late November | DATE 2025-11 END | 2025-11-21..2025-11-30 approximate
        The deal is due by the end of 2020. | 2019-03-02 | the end of 2020 | DATE 2020 END | 2020-09-01..2020-12-31 approximate
        A deal may come early next year. | 1989-10-26 | early next year | DATE 1990 START | 1990-01-01..1990-04-30 approximate
        Nuclear talks began in the 1990s. | 2025-03-02 | the 1990s | DATE 199 | 1990-01-01..1999-12-31 decade
        The war shaped the 20th century. | 2025-03-02 | the 20th century | DATE 19 | 1900-01-01..1999-12-31 century
        In the past, North Korea reacted strongly. | 2025-03-02 | the past | DATE PAST_REF | -
        The talks were recently resumed. | 2025-03-02 | recently | DATE PAST_REF | -
        Tensions could rise in the future. | 2025-03-02 | the future | DATE FUTURE_REF | -
        It was built in nineteen ninety-six. | 2025-03-02 | nineteen ninety-six | DATE 1996 | 1996-01-01..1996-12-31 year
        Growth was fast in the nineties. | 2025-03-02 | the nineties | DATE 199 | 1990-01-01..1999-12-31 decade
        The fleet sailed in spring 2024. | 2025-03-02 | spring 2024 | DATE 2024-SP | 2024-03-01..2024-05-31 season
        Launches resumed in the past few weeks. | 2025-03-02 | the past few weeks | DURATION PXW | -
        Tests resumed in the first half of 2025. | 2025-08-02 | the first half of 2025 | DATE 2025-H1 | 2025-01-01..2025-06-30 range
        """;

    public const string Ranges = """
        Trump served from 2017 to 2021. | 2025-03-02 | 2017 | DATE 2017 | 2017-01-01..2017-12-31 year
        Trump served from 2017 to 2021. | 2025-03-02 | 2021 | DATE 2021 | 2021-01-01..2021-12-31 year
        Drills ran between March and May. | 2025-06-02 | March | DATE 2025-03 | 2025-03-01..2025-03-31 month
        Drills ran between March and May. | 2025-06-02 | May | DATE 2025-05 | 2025-05-01..2025-05-31 month
        Launches came in April and July last year. | 2025-03-02 | April | DATE 2024-04 | 2024-04-01..2024-04-30 month
        Launches came in April and July last year. | 2025-03-02 | July last year | DATE 2024-07 | 2024-07-01..2024-07-31 month
        Talks ran between March and May 2019. | 2025-03-02 | March | DATE 2019-03 | 2019-03-01..2019-03-31 month
        """;

    public const string Durations = """
        Over the past three years, tests increased. | 2025-03-02 | the past three years | DURATION P3Y | -
        The talks lasted two weeks. | 2025-03-02 | two weeks | DURATION P2W | -
        The flight took about five hours. | 2025-03-02 | five hours | DURATION PT5H APPROX | -
        The siege lasted 2 1/2 years. | 2025-03-02 | 2 1/2 years | DURATION P2Y6M | -
        A 16-hour flight. | 2025-03-02 | 16-hour | DURATION PT16H | -
        A two-year deal was signed. | 2025-03-02 | two-year | DURATION P2Y | -
        Profit rose in the first nine months. | 1989-10-26 | the first nine months | DURATION P9M | -
        It was announced a month earlier. | 2025-03-02 | a month | DURATION P1M | 2025-02-01..2025-02-28 month
        He has been in power for several years. | 2025-03-02 | several years | DURATION PXY | -
        The agency reports daily. | 2025-03-02 | daily | SET P1D | -
        The envoys meet every Thursday. | 2025-03-02 | every Thursday | SET XXXX-WXX-4 | -
        Profit rose in the year ended Sept. 30. | 1989-10-26 | the year | DURATION P1Y | -
        The drills are held every year. | 2025-03-02 | every year | SET P1Y | -
        """;

    public const string NamedPeriods = """
        During Trump's first term, summits were held. | 2025-03-02 | Trump's first term | DATE 2017 | 2017-01-20..2021-01-20 range
        During Trump’s second term, summits may resume. | 2025-03-02 | Trump’s second term | DATE 2025 | 2025-01-20..2029-01-20 range
        Under the Biden administration, drills grew. | 2025-03-02 | the Biden administration | DATE 2021 | 2021-01-20..2025-01-20 range
        Under the Moon Jae-in administration, talks began. | 2025-03-02 | the Moon Jae-in administration | DATE 2017 | 2017-05-10..2022-05-09 range
        During President Yoon's term, ties chilled. | 2025-03-02 | President Yoon's term | DATE 2022 | 2022-05-10..2025-04-04 range
        Since the Korean War, the peninsula is divided. | 2025-03-02 | the Korean War | DATE 195 | 1950-06-25..1953-07-27 range
        """;

    /// <summary>Texts with no temporal expression at all.</summary>
    public const string Negatives = """
        The flood left 105 children homeless.
        A senior Obama administration official said the talks would go on.
        The missile flew 3,000 kilometres.
        It tested a Hwasong-17 missile.
        The council adopted Resolution 1718.
        They called him the number one enemy.
        Call 02-2100-2114 for details.
        The match ended 3-2.
        Officials may meet the press.
        Protesters march to the embassy.
        The regime sent 2000 troops.
        The march ended peacefully.
        The fund pays $1.76 a year.
        Mr. Kim, 52 years old, will lead it.
        Foreign Minister Jan Kavan said so.
        """;
}
