using System.Globalization;
using KoreaTimeline.Extraction.Pipeline;

namespace KoreaTimeline.Extraction.Tests.Events;

/// <summary>
/// Mechanisms that carry extraction to reports it never saw: verbs of saying, lists of dates, chronologies under
/// year headings, events whose clause names no one. Every text is invented.
/// </summary>
public sealed class GeneralisationTest
{
    private static readonly DateOnly Wednesday = new(2025, 3, 12);

    private static IReadOnlyList<ExtractedEvent> Extract(string text, DateOnly? published = null) =>
        ArticleExtractor.Default.Extract(new ArticleInput(text, Published: published ?? Wednesday)).Events;

    [Fact]
    public void A_named_official_saying_something_on_a_day_is_a_statement_of_that_day_by_that_official()
    {
        var e = Assert.Single(Extract("Foreign Minister Cho Tae-yul said on Monday that the new measures were regrettable."));

        Assert.Equal(EventType.Statement, e.Type);
        Assert.Equal(DateInterval.Day(new DateOnly(2025, 3, 10)), e.Date);
        Assert.Contains(new ActorRef("Cho Tae-yul", "person"), e.Actors);
    }

    [Fact]
    public void What_a_speaker_reports_is_the_event_when_it_is_an_event_of_its_own()
    {
        var e = Assert.Single(Extract("A military spokesman told reporters on Monday that the North fired a cruise missile."));

        Assert.Equal(EventType.MissileTest, e.Type);
        Assert.Equal(DateInterval.Day(new DateOnly(2025, 3, 10)), e.Date);
    }

    [Fact]
    public void The_same_speaker_going_on_is_one_statement_with_every_quote()
    {
        var events = Extract("Defense Minister Kim Yong-hyun said on Tuesday that the drills were defensive. He added that the allies would stay ready.");

        var e = Assert.Single(events);
        Assert.Equal(2, e.Evidence.Count);
    }

    [Fact]
    public void A_date_far_after_a_verb_of_saying_belongs_to_what_was_said()
    {
        var e = Assert.Single(Extract("The envoy said the agreement reached in 2018 was still valid."), x => x.Type == EventType.Statement);

        Assert.Equal(DateInterval.Day(Wednesday), e.Date);
    }

    [Fact]
    public void Undated_reactions_in_a_story_happen_on_the_day_its_lead_dates_the_news()
    {
        var events = Extract("The army test-fired two cruise missiles on Monday. Tokyo convened an emergency security meeting.");

        var meeting = Assert.Single(events, e => e.Type == EventType.Meeting);
        Assert.Equal(DateInterval.Day(new DateOnly(2025, 3, 10)), meeting.Date);
    }

    [Fact]
    public void A_lead_dated_long_before_the_article_leaves_undated_news_on_the_article_date()
    {
        var events = Extract("The army test-fired two cruise missiles on Jan. 10. Tokyo convened an emergency security meeting.");

        var meeting = Assert.Single(events, e => e.Type == EventType.Meeting);
        Assert.Equal(DateInterval.Day(Wednesday), meeting.Date);
    }

    [Fact]
    public void Testing_a_named_weapon_is_a_missile_test_even_without_fire_or_launch()
    {
        var e = Assert.Single(Extract("Chronology of the year:\n* Feb. 2: The navy tests two new cruise missiles off the east coast."));

        Assert.Equal(EventType.MissileTest, e.Type);
        Assert.Equal(DateInterval.Day(new DateOnly(2025, 2, 2)), e.Date);
    }

    [Fact]
    public void A_list_marker_does_not_hide_the_time_phrase_that_opens_an_entry()
    {
        const string text = "■ Oct. 2: The navy test-fires a cruise missile.\n\n■ The same day, the North says it is weighing strikes on the base.";

        var threat = Assert.Single(Extract(text), e => e.Type == EventType.Threat);

        Assert.Equal(DateInterval.Day(new DateOnly(2024, 10, 2)), threat.Date);
    }

    [Fact]
    public void That_day_points_back_to_the_day_told_even_past_a_paragraph_break()
    {
        const string text = "On Oct. 2, the navy test-fired a cruise missile off the east coast.\n\nThat day, the North said it was weighing strikes on the base.";

        var threat = Assert.Single(Extract(text), e => e.Type == EventType.Threat);

        Assert.Equal(DateInterval.Day(new DateOnly(2024, 10, 2)), threat.Date);
    }

    [Fact]
    public void Hours_later_is_the_day_of_the_entry_before_in_a_present_tense_chronology()
    {
        const string text = "A timeline of the standoff.\n\n\u25a0 14 March 2021: South Korea's navy test-fires a cruise missile off the east coast.\n\n"
            + "\u25a0 Hours later, North Korea says it is weighing strikes on the port of Busan.";

        var threat = Assert.Single(Extract(text), e => e.Type == EventType.Threat);

        Assert.Equal(DateInterval.Day(new DateOnly(2021, 3, 14)), threat.Date);
    }

    [Theory]
    [InlineData("The navy test-fired an anti-ship missile on June 3 and launched two cruise missiles off the west coast on June 6.")]
    [InlineData("On June 3, the navy test-fired an anti-ship missile, and on June 6 it launched two cruise missiles off the west coast.")]
    public void Two_launches_joined_by_and_each_keep_their_own_day(string text)
    {
        var launches = Extract(text, new DateOnly(2025, 6, 10)).Where(e => e.Type == EventType.MissileTest).OrderBy(e => e.Date.Start).ToList();

        Assert.Equal([new DateOnly(2025, 6, 3), new DateOnly(2025, 6, 6)], launches.Select(e => e.Date.Start));
        Assert.Contains("anti-ship", launches[0].Evidence[0].Text);
        Assert.DoesNotContain("cruise", launches[0].Evidence[0].Text);
        Assert.Contains("cruise", launches[1].Evidence[0].Text);
    }

    [Fact]
    public void A_launch_told_again_without_its_actor_is_the_same_launch_whoever_the_story_names_most()
    {
        const string text = "North Korea fired two cruise missiles into the Yellow Sea on Monday, South Korea's navy said. "
            + "The missiles were launched from a coastal battery at 6:10 a.m. Monday, South Korea's Joint Chiefs of Staff said. "
            + "South Korea's defense minister ordered South Korea's forces to stay on alert.";

        var launch = Assert.Single(Extract(text), e => e.Type == EventType.MissileTest);

        Assert.Equal(2, launch.Evidence.Count);
        Assert.Contains(launch.Actors, a => a.Name == "North Korea");
    }

    [Fact]
    public void A_possessive_in_the_sentence_before_does_not_own_the_next_sentence_s_event()
    {
        const string text = "North Korea fired two cruise missiles on Monday, South Korea's navy said. "
            + "The missiles were launched from a coastal battery and flew 200 kilometers. North Korean state media called the weapon a new strategic asset.";

        var events = Extract(text);

        var launch = Assert.Single(events, e => e.Type == EventType.MissileTest);
        Assert.DoesNotContain(launch.Actors, a => a.Name == "South Korea");
        Assert.DoesNotContain(events, e => e.Type == EventType.Deployment); // a missile's range, not an aircraft's flight
    }

    [Fact]
    public void Whom_a_quotation_names_is_not_who_speaks()
    {
        const string text = "\"Japan and South Korea must stop their reckless drills at once,\" North Korea's foreign ministry said in a statement on Monday.";

        var statement = Assert.Single(Extract(text), e => e.Type == EventType.Statement);

        Assert.DoesNotContain(statement.Actors, a => a.Name is "Japan" or "South Korea");
        Assert.Contains(statement.Actors, a => a.Name == "North Korea");
    }

    [Fact]
    public void A_reaction_is_not_dated_by_the_plan_it_goes_on_to_announce()
    {
        var statement = Assert.Single(Extract("Japan's foreign ministry welcomed the measures and said Tokyo would announce its own sanctions later this month."),
            e => e.Type == EventType.Statement);

        Assert.True(statement.Date.End <= Wednesday, $"dated {statement.Date}");
    }

    [Fact]
    public void Blaming_someone_for_an_attack_is_a_statement()
    {
        var statement = Assert.Single(Extract("Investigators on Monday blamed a North Korean hacking group for the attack on the exchange."));

        Assert.Equal(EventType.Statement, statement.Type);
    }

    [Fact]
    public void A_look_back_at_when_it_last_happened_does_not_move_the_story_to_that_year()
    {
        const string text = "A British frigate docked in Busan on Monday, the navy said. The frigate last visited in 2019. "
            + "North Korea called the visit a provocation.";

        var reaction = Assert.Single(Extract(text), e => e.Type == EventType.Statement);

        Assert.Equal(DateInterval.Day(new DateOnly(2025, 3, 10)), reaction.Date);
    }

    [Fact]
    public void An_exercise_said_to_run_through_a_date_is_the_one_begun_before_not_a_new_one()
    {
        const string text = "The allies staged a combined air drill on March 3. Japan and the United States began a joint naval exercise on Monday. "
            + "The ten-day exercise will run through March 19 and includes live-fire drills.";

        var exercises = Extract(text).Where(e => e.Type == EventType.Exercise).OrderBy(e => e.Date.Start).ToList();

        Assert.Equal([new DateOnly(2025, 3, 3), new DateOnly(2025, 3, 10)], exercises.Select(e => e.Date.Start));
        Assert.Contains(exercises[1].Evidence, q => q.Text.Contains("run through", StringComparison.Ordinal));
    }

    [Fact]
    public void A_relative_clause_on_the_object_does_not_date_the_verb()
    {
        var deal = Assert.Single(Extract("The two Koreas agreed to restore a military hotline that Pyongyang cut off in January."),
            e => e.Type == EventType.Agreement);

        Assert.Equal(DateInterval.Day(Wednesday), deal.Date);
    }

    [Fact]
    public void What_happened_while_another_event_took_place_shares_its_day_unless_it_is_background_or_a_plan()
    {
        var events = Extract("The foreign ministers of China and Russia met in Beijing on Monday, while Chinese forces fired two ballistic missiles into the sea.");
        var launch = Assert.Single(events, e => e.Type == EventType.MissileTest);
        Assert.Equal(DateInterval.Day(Wednesday.AddDays(-2)), launch.Date);

        Assert.DoesNotContain(Extract("The envoys met in Geneva on Monday, while Pyongyang has fired dozens of missiles since 2019."),
            e => e.Type == EventType.MissileTest && e.Date == DateInterval.Day(Wednesday.AddDays(-2)));
        Assert.DoesNotContain(Extract("The council expects to vote on Friday, while officials believe a missile was fired."),
            e => e.Type == EventType.MissileTest && e.Date.Start > Wednesday);
    }

    [Fact]
    public void A_passive_launch_or_signing_is_an_event_and_a_named_missile_is_a_missile()
    {
        var events = Extract("The new Pegasus-7 missile was fired at 6:15 a.m. Monday from the west coast. "
            + "The navy last launched a Pegasus-5 on January 9. The fisheries treaty was signed Tuesday by the two ministers.");

        Assert.Equal([new DateOnly(2025, 1, 9), Wednesday.AddDays(-2)],
            events.Where(e => e.Type == EventType.MissileTest).Select(e => e.Date.Start).Order());
        Assert.Equal(DateInterval.Day(Wednesday.AddDays(-1)), Assert.Single(events, e => e.Type == EventType.Agreement).Date);
    }

    [Fact]
    public void Two_meetings_of_one_day_by_different_named_actors_stay_two_events()
    {
        var events = Extract("The Security Council held an emergency session in New York on Tuesday. "
            + "President Lee Jae-myung convened a meeting of his security ministers.");

        var meetings = events.Where(e => e.Type == EventType.Meeting).ToList();
        Assert.Equal(2, meetings.Count);
        Assert.All(meetings, m => Assert.Equal(DateInterval.Day(Wednesday.AddDays(-1)), m.Date));
    }

    [Fact]
    public void A_when_clause_right_after_a_date_happened_at_that_date()
    {
        var events = Extract("The North fired a rocket on Monday. It alarmed the region in August 1998 when it fired a rocket over Japan.");

        Assert.Contains(events, e => e.Type == EventType.MissileTest && e.Date == new DateInterval(new DateOnly(1998, 8, 1), new DateOnly(1998, 8, 31), DatePrecision.Month));
    }

    [Fact]
    public void A_list_of_years_gives_one_event_per_year_sharing_the_quote()
    {
        var events = Extract("The regime's nuclear tests in 2005, 2008 and 2012 drew condemnation.");

        Assert.Equal([2005, 2008, 2012], events.Where(e => e.Type == EventType.NuclearTest).Select(e => e.Date.Start.Year).Order());
        Assert.Single(events.Select(e => e.Evidence[0].Start).Distinct());
    }

    [Fact]
    public void Entries_under_a_year_heading_take_its_year()
    {
        const string text = "How the two presidents met.\n\n2015\n\nOct. 2-4 -- The two presidents hold a summit in Hanoi.\n\n"
            + "2016\n\nFeb. 9 -- The two presidents hold another summit in Manila.";

        var events = Extract(text, new DateOnly(2016, 6, 20));

        Assert.Equal(
            [new DateOnly(2015, 10, 2), new DateOnly(2016, 2, 9)],
            events.Where(e => e.Type == EventType.Summit).Select(e => e.Date.Start));
    }

    [Fact]
    public void A_year_less_month_in_a_paragraph_told_in_another_year_is_in_that_year()
    {
        var events = Extract("March 8, 2011 - The navy holds drills off the east coast. More drills were held in November.");

        Assert.Contains(events, e => e.Type == EventType.Exercise && e.Date.Start == new DateOnly(2011, 11, 1));
    }

    [Fact]
    public void An_event_whose_clause_names_no_one_takes_the_owner_of_its_noun()
    {
        var e = Assert.Single(Extract("North Korea denied the report. Its rocket launch on Sunday failed."), x => x.Type == EventType.MissileTest);

        Assert.Contains(new ActorRef("North Korea", "country"), e.Actors);
    }

    [Fact]
    public void An_event_nobody_is_named_for_takes_the_story_s_protagonist()
    {
        const string text = "Japan said North Korea had fired a missile on Tuesday. North Korea has raised tensions. "
            + "The first test-launch on Monday failed.";

        var e = Assert.Single(Extract(text), x => x.Type == EventType.MissileTest && x.Date.Start == new DateOnly(2025, 3, 10));

        Assert.Equal(["North Korea"], e.Actors.Select(a => a.Name));
    }

    [Fact]
    public void An_announced_noun_event_is_that_event()
    {
        var e = Assert.Single(Extract("On Monday the North announced the successful test launch of a new solid-fuel missile."));

        Assert.Equal(EventType.MissileTest, e.Type);
        Assert.Equal(DateInterval.Day(new DateOnly(2025, 3, 10)), e.Date);
    }

    [Fact]
    public void An_event_a_week_before_the_one_the_sentence_dates_is_dated_a_week_before_it()
    {
        var events = Extract("The destroyer arrived in Busan on Tuesday, a week after North Korea launched a long-range missile.");

        var launch = Assert.Single(events, e => e.Type == EventType.MissileTest);
        Assert.Equal(DateInterval.Day(new DateOnly(2025, 3, 4)), launch.Date);
    }

    [Fact]
    public void A_date_alone_on_its_line_dates_the_entries_under_it_and_their_clock_times()
    {
        const string text = "How the week unfolded.\n\n- March 3 -\n\nAt 9:15 pm, the army raised its alert level.\n\n"
            + "- March 4 -\n\n2:10 am\n\nThe cabinet resigned. The ministry closed the border crossing.";

        var events = Extract(text, new DateOnly(2025, 3, 8));

        Assert.Contains(events, e => e.Evidence[0].Text.Contains("alert", StringComparison.Ordinal) && e.Date.Start == new DateOnly(2025, 3, 3));
        Assert.Contains(events, e => e.Evidence[0].Text.Contains("resigned", StringComparison.Ordinal) && e.Date.Start == new DateOnly(2025, 3, 4));
        Assert.DoesNotContain(events, e => e.Date.Start == new DateOnly(2025, 3, 8));
    }

    [Theory]
    [InlineData("Moscow called the launch a grave provocation.")]
    [InlineData("The ministry calls it an \"unacceptable, reckless act\".")]
    [InlineData("The admiral called the incursion \"a deliberate provocation\".")]
    public void Calling_an_event_something_is_a_statement(string text)
    {
        Assert.Contains(Extract(text), e => e.Type == EventType.Statement);
    }

    [Fact]
    public void Two_unlike_events_of_other_kinds_on_one_day_stay_two()
    {
        var events = Extract("On Monday, rioters attacked the ministry. Later that day the senate voted to dismiss the minister.");

        Assert.Equal(2, events.Count(e => e.Type == EventType.Other));
    }

    [Fact]
    public void The_Korean_War_named_in_passing_is_an_event_in_its_own_years()
    {
        var e = Assert.Single(Extract("She is the first envoy to travel there since the 1950-53 Korean War."), x => x.Type == EventType.Other);

        Assert.Equal(new DateOnly(1950, 6, 25), e.Date.Start);
        Assert.Equal(new DateOnly(1953, 7, 27), e.Date.End);
    }

    [Fact]
    public void A_year_right_after_a_named_period_says_when_in_it()
    {
        var e = Assert.Single(Extract("Veterans marked the anniversary of the truce that ended the Korean War in 1953."), x => x.Evidence[0].Text.Contains("1953"));

        Assert.Equal(DateInterval.Year(1953), e.Date);
    }

    [Fact]
    public void Calling_an_event_something_is_a_statement_about_it_not_the_event()
    {
        var e = Assert.Single(Extract("On Tuesday Beijing called the cruise missile launch a grave provocation."));

        Assert.Equal(EventType.Statement, e.Type);
        Assert.Equal(DateInterval.Day(new DateOnly(2025, 3, 11)), e.Date);
    }

    [Fact]
    public void The_fronted_setting_of_a_statement_is_part_of_its_evidence()
    {
        const string text = "In a televised address at the assembly, the premier pledged to rebuild the army.";
        var e = Assert.Single(Extract(text));

        Assert.Equal(EventType.Statement, e.Type);
        Assert.Equal(0, e.Evidence[0].Start);
    }

    [Theory]
    [InlineData("Early reports suggested that the blast was smaller than feared.")]
    [InlineData("The satellite images suggested the launch pad was being rebuilt.")]
    public void Suggesting_what_is_so_is_no_proposal(string text) =>
        Assert.DoesNotContain(Extract(text), e => e.Type == EventType.Proposal);

    [Fact]
    public void Suggesting_talks_is_a_proposal() =>
        Assert.Single(Extract("Tokyo suggested military talks on Monday."), e => e.Type == EventType.Proposal);

    [Fact]
    public void An_undated_further_item_of_a_deal_is_the_same_agreement()
    {
        var e = Assert.Single(Extract("The two defense chiefs agreed on Monday to set up a military hotline. They also agreed to resume joint naval patrols."));

        Assert.Equal(EventType.Agreement, e.Type);
        Assert.Equal(2, e.Evidence.Count);
    }

    [Fact]
    public void A_truce_dated_by_the_clause_that_says_what_it_ended_is_one_event_of_that_year()
    {
        var e = Assert.Single(Extract("Officials toured the village where the armistice that ended the Korean War in 1953 was signed."));

        Assert.Equal(EventType.Agreement, e.Type);
        Assert.Equal(DateInterval.Year(1953), e.Date);
    }

    [Fact]
    public void Naming_an_envoy_following_a_meeting_is_a_statement_and_the_meeting_that_day()
    {
        var events = Extract("Japanese Prime Minister Shigeru Ishiba named a special envoy to Seoul on Friday following a meeting with South Korean President Yoon Suk Yeol.",
            new DateOnly(2025, 3, 15));

        Assert.Equal([EventType.Summit, EventType.Statement], events.Select(e => e.Type).Order());
        Assert.All(events, e => Assert.Equal(DateInterval.Day(new DateOnly(2025, 3, 14)), e.Date));
    }

    [Fact]
    public void A_coordinated_verb_of_another_kind_is_an_event_too()
    {
        var events = Extract("On Monday Seoul denounced the drills and pulled out of the fishery talks.");

        Assert.Equal([EventType.Statement, EventType.Negotiation], events.Select(e => e.Type).Order());
        Assert.All(events, e => Assert.Equal(DateInterval.Day(new DateOnly(2025, 3, 10)), e.Date));
    }

    [Fact]
    public void Talks_with_a_party_are_a_negotiation()
    {
        var e = Assert.Single(Extract("Seoul's chief negotiator said Saturday that talks with Tokyo on fishing quotas around the disputed islands have broken down.",
            new DateOnly(2025, 3, 16)));

        Assert.Equal(EventType.Negotiation, e.Type);
    }

    [Fact]
    public void An_event_in_one_month_or_another_spans_both()
    {
        var e = Assert.Single(Extract("The two defense chiefs are set to meet in Manila in July or August."));

        Assert.Equal(new DateInterval(new DateOnly(2025, 7, 1), new DateOnly(2025, 8, 31), DatePrecision.Range), e.Date);
    }

    [Fact]
    public void Saying_on_another_day_what_happened_is_a_statement_of_that_day()
    {
        var events = Extract("Two generals were dismissed on Monday, South Korea's defense ministry said on Tuesday.");

        var said = Assert.Single(events, e => e.Type == EventType.Statement);
        Assert.Equal(DateInterval.Day(new DateOnly(2025, 3, 11)), said.Date);
        Assert.Contains(events, e => e.Date == DateInterval.Day(new DateOnly(2025, 3, 10)));
    }

    [Theory]
    [InlineData("Two generals were dismissed on Monday, South Korea's defense ministry said on Monday.")]
    [InlineData("Two generals were dismissed on Monday, South Korea's state news agency said on Tuesday.")]
    public void Attributing_news_on_its_day_or_passing_it_on_is_no_statement(string text) =>
        Assert.DoesNotContain(Extract(text), e => e.Type == EventType.Statement);

    [Theory]
    [InlineData("The navy fired three cruise missiles into the sea early Wednesday and launched another one in the afternoon.")]
    [InlineData("The navy fired three cruise missiles on Wednesday. Earlier in the day, the army test-fired a rocket.")]
    [InlineData("The army fired a barrage of rockets into the sea on Wednesday, the ministry said. The navy also launched two cruise missiles, officials said.")]
    public void One_more_launch_of_the_same_day_is_an_event_of_its_own(string text)
    {
        var events = Extract(text);

        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal(EventType.MissileTest, e.Type));
        Assert.All(events, e => Assert.Equal(DateInterval.Day(new DateOnly(2025, 3, 12)), e.Date));
    }

    [Theory]
    [InlineData("Trade with the port fell after the sanctions resolution, which the council adopted in September.")]
    [InlineData("The new text aims to close gaps in the sanctions resolution, which the council adopted in September.")]
    public void A_relative_clause_after_a_comma_dates_its_noun(string text)
    {
        var e = Assert.Single(Extract(text, new DateOnly(2025, 11, 30)));

        Assert.Equal(EventType.Sanctions, e.Type);
        Assert.Equal(DateInterval.Month(2025, 9), e.Date);
        Assert.EndsWith("adopted in September", e.Evidence[0].Text);
    }

    [Fact]
    public void A_meeting_that_adopts_a_deal_gives_the_deal_too()
    {
        var events = Extract("The defense ministers of Japan and South Korea met in Tokyo on Monday and adopted a joint declaration on maritime safety.");

        var deal = Assert.Single(events, e => e.Type == EventType.Agreement);
        Assert.Equal(DateInterval.Day(new DateOnly(2025, 3, 10)), deal.Date);
        Assert.Contains(new ActorRef("Japan", "country"), deal.Actors);
        Assert.Single(events, e => e.Type == EventType.Meeting);
    }

    [Fact]
    public void A_when_clause_after_since_and_a_year_happened_in_that_year()
    {
        var e = Assert.Single(Extract("It was the longest flight since 2016, when the navy tested a cruise missile over the strait."));

        Assert.Equal(EventType.MissileTest, e.Type);
        Assert.Equal(DateInterval.Year(2016), e.Date);
    }

    [Fact]
    public void A_date_inside_a_relative_clause_of_a_deal_dates_the_deal_and_no_other_clause()
    {
        var events = Extract("On Tuesday Tokyo walked away from a defence pact it signed with Seoul in 2015, after the navy fired a cruise missile.");

        var pact = Assert.Single(events, e => e.Type == EventType.Agreement);
        Assert.Equal(DateInterval.Year(2015), pact.Date);
        var launch = Assert.Single(events, e => e.Type == EventType.MissileTest);
        Assert.Equal(DateInterval.Day(new DateOnly(2025, 3, 11)), launch.Date);
    }

    [Fact]
    public void An_undated_lead_and_the_dated_account_after_it_a_day_apart_are_one_event()
    {
        const string text = "The navy has test-fired two cruise missiles, officials in Seoul said.\n\n"
            + "The missiles were launched at 6:10 a.m. Thursday local time (5:10 p.m. ET Wednesday), the military said.";
        var e = Assert.Single(Extract(text, new DateOnly(2025, 3, 12)));

        Assert.Equal(EventType.MissileTest, e.Type);
        Assert.Equal(DateInterval.Day(new DateOnly(2025, 3, 13)), e.Date);
        Assert.Equal(2, e.Evidence.Count);
    }

    [Fact]
    public void The_same_day_points_back_to_the_last_day_told_even_past_a_paragraph_break()
    {
        const string text = "The first launchers reached the base on March 6, carrying out the allies' July 2016 decision.\n\n"
            + "The move came on the same day that the army fired four cruise missiles.";
        var launch = Assert.Single(Extract(text, new DateOnly(2017, 3, 8)), e => e.Type == EventType.MissileTest);

        Assert.Equal(DateInterval.Day(new DateOnly(2017, 3, 6)), launch.Date);
    }

    [Fact]
    public void Saying_that_someone_took_part_in_an_event_tells_the_event()
    {
        var e = Assert.Single(Extract("The navy said a destroyer joined the final day of a joint naval exercise that ended on Monday."));

        Assert.Equal(EventType.Exercise, e.Type);
        Assert.Equal(DateInterval.Day(new DateOnly(2025, 3, 10)), e.Date);
    }

    [Fact]
    public void A_speaker_named_before_a_relative_clause_still_makes_the_statement()
    {
        var e = Assert.Single(Extract("Premier Lars Lindqvist, who met the envoy in Oslo, said on Monday that Sweden would host more talks."),
            x => x.Type == EventType.Statement);

        Assert.Equal(DateInterval.Day(new DateOnly(2025, 3, 10)), e.Date);
        Assert.Contains(new ActorRef("Lars Lindqvist", "person"), e.Actors);
    }

    [Theory]
    [InlineData("Hours after the talks ended on Monday, the foreign minister of Norway disputed that account at a briefing.")]
    [InlineData("On Monday the ministry dismissed the report as fabricated.")]
    [InlineData("The navy acknowledged on Monday that a patrol boat had crossed the line.")]
    public void Disputing_dismissing_and_acknowledging_are_statements(string text)
    {
        Assert.Contains(Extract(text), x => x.Type == EventType.Statement && x.Date == DateInterval.Day(new DateOnly(2025, 3, 10)));
    }

    [Fact]
    public void A_timeline_written_in_capitals_dates_each_entry_by_its_heading()
    {
        const string text = "Here is how the crisis unfolded:\n\nJAN. 9 - The navy test-fires two cruise missiles.\n\n"
            + "FEB. 2 - Envoys of the two sides meet in Geneva.\n\nMARCH 1 - The council adopts new sanctions.";

        var events = Extract(text);

        Assert.Contains(events, e => e.Type == EventType.MissileTest && e.Date == DateInterval.Day(new DateOnly(2025, 1, 9)));
        Assert.Contains(events, e => e.Type == EventType.Meeting && e.Date == DateInterval.Day(new DateOnly(2025, 2, 2)));
        Assert.Contains(events, e => e.Type == EventType.Sanctions && e.Date == DateInterval.Day(new DateOnly(2025, 3, 1)));
    }

    [Fact]
    public void A_list_entry_is_dated_by_its_own_date_not_by_a_date_its_phrase_names()
    {
        const string text = "2024\n\nFeb. 6 -- Weeks past its year-end target, the ministry says it sent the report to the council.";

        var e = Assert.Single(Extract(text));

        Assert.Equal(DateInterval.Day(new DateOnly(2024, 2, 6)), e.Date);
    }

    [Theory]
    [InlineData("The upper house voted on Monday to ratify the border treaty.")]
    [InlineData("On Monday the two envoys signed a \"comprehensive strategic\" treaty in Oslo.")]
    public void Ratifying_a_treaty_and_signing_one_with_a_quoted_name_are_agreements(string text)
    {
        Assert.Contains(Extract(text), e => e.Type == EventType.Agreement && e.Date == DateInterval.Day(new DateOnly(2025, 3, 10)));
    }

    [Fact]
    public void Receiving_a_visiting_minister_is_a_meeting()
    {
        Assert.Contains(Extract("On Monday the premier received Foreign Minister Ola Berg at his residence."), e => e.Type == EventType.Meeting);
    }

    [Fact]
    public void A_verb_after_a_relative_clause_shares_the_subject_and_day_of_the_first_clause()
    {
        const string text = "Japan has said little. Its Foreign Affairs Committee on Monday called the report a fabrication, which the press "
            + "had printed in full, and proposed a joint inquiry into the incident.";

        var proposal = Assert.Single(Extract(text), e => e.Type == EventType.Proposal);

        Assert.Equal(DateInterval.Day(new DateOnly(2025, 3, 10)), proposal.Date);
        Assert.Contains(proposal.Actors, a => a.Name == "Foreign Affairs Committee");
        Assert.Contains(proposal.Actors, a => a.Name == "Japan");
    }

    [Fact]
    public void Trading_shells_across_a_border_is_a_clash_of_both_sides()
    {
        var e = Assert.Single(Extract("On Monday the two Koreas exchanged hundreds of artillery shells near the island."));

        Assert.Equal(EventType.Other, e.Type);
        Assert.Equal(DateInterval.Day(new DateOnly(2025, 3, 10)), e.Date);
    }

    [Fact]
    public void A_deed_told_by_the_day_it_was_announced_is_the_deed_the_story_dates_before()
    {
        const string text = "The army said Wednesday it had test-fired a new cruise missile, its first this year.\n\n"
            + "Officials in Tokyo said the missile was launched at 6:10 a.m. Monday from the west coast.";

        var e = Assert.Single(Extract(text), x => x.Type == EventType.MissileTest);

        Assert.Equal(DateInterval.Day(new DateOnly(2025, 3, 10)), e.Date);
        Assert.Equal(2, e.Evidence.Count);
    }

    [Fact]
    public void Whoever_detects_a_launch_does_not_own_it()
    {
        const string text = "Pyongyang test-fired a new missile on Monday. On Monday Japan's coast guard detected the launch of a missile toward the sea.";

        Assert.DoesNotContain(Extract(text), e => e.Type == EventType.MissileTest && e.Actors.Any(a => a.Name == "Japan"));
    }

    [Fact]
    public void A_speaker_who_judges_a_deed_by_a_gerund_makes_a_statement_not_the_deed()
    {
        const string text = "The navy test-fired a cruise missile on Monday. Premier Lars Lindqvist, speaking in Oslo, said on Monday "
            + "that the navy had broken its word by testing a missile.";

        var events = Extract(text);

        Assert.Contains(events, e => e.Type == EventType.Statement && e.Actors.Any(a => a.Name == "Lars Lindqvist"));
        Assert.Single(events, e => e.Type == EventType.MissileTest);
    }

    [Fact]
    public void A_date_after_a_comma_still_dates_the_noun_before_it()
    {
        const string text = "The resolution was adopted after the country's first nuclear test, on Oct. 9, 2006.";

        Assert.Contains(Extract(text), e => e.Type == EventType.NuclearTest && e.Date == DateInterval.Day(new DateOnly(2006, 10, 9)));
    }

    [Fact]
    public void A_reply_on_social_media_is_a_statement_and_what_its_quotation_says_over_two_sentences_is_no_event()
    {
        const string text = "The army test-fired a cruise missile on Monday. Minutes after the launch was reported, Premier Lars Lindqvist "
            + "responded on Twitter on Monday night: \"Their army fired one more cruise missile today. Is there nothing else to spend money on? "
            + "We fired three more in May and nobody cared at all.\"";

        var events = Extract(text);

        Assert.Contains(events, e => e.Type == EventType.Statement && e.Actors.Any(a => a.Name == "Lars Lindqvist"));
        Assert.Single(events, e => e.Type == EventType.MissileTest);
    }

    [Fact]
    public void A_where_clause_after_a_dated_noun_shares_its_time()
    {
        const string text = "The talks in Oslo on Monday were their second, following their first meeting in Geneva last June, "
            + "where they signed a vaguely worded joint declaration.";

        Assert.Contains(Extract(text), e => e.Type == EventType.Agreement && e.Date.Start == new DateOnly(2024, 6, 1));
    }

    [Fact]
    public void Two_unlike_events_of_the_other_kind_in_one_clause_are_two_events()
    {
        const string text = "On Monday the court upheld the impeachment of the premier over his declaration of martial law on Jan. 3.";

        var events = Extract(text);

        Assert.Contains(events, e => e.Type == EventType.Other && e.Date == DateInterval.Day(new DateOnly(2025, 1, 3)));
        Assert.Contains(events, e => e.Type == EventType.Other && e.Date == DateInterval.Day(new DateOnly(2025, 3, 10)));
    }

    [Theory]
    [InlineData("On Monday the rebels mounted a night-time offensive on the port.")]
    [InlineData("On Monday the army fired about 150 shells into the bay.")]
    [InlineData("On Monday one of the drones crashed near the border.")]
    [InlineData("Monday -- The ministry shuts down the reactor at the complex.")]
    public void Incursions_barrages_crashes_and_shutdowns_are_events(string text)
    {
        Assert.Contains(Extract(text), e => e.Type == EventType.Other && e.Date == DateInterval.Day(new DateOnly(2025, 3, 10)));
    }

    [Fact]
    public void A_deal_told_in_the_perfect_in_the_lead_is_the_one_the_story_dates_days_before()
    {
        const string text = "Norway has ratified a fisheries treaty with Iceland, state media said on Wednesday.\n\n"
            + "The treaty was negotiated over two years.\n\nThe fishing fleets of both countries welcomed it.\n\n"
            + "Officials said trade would grow.\n\nKing Harald signed a decree on Monday ratifying the treaty, the palace said.";

        var deal = Assert.Single(Extract(text), e => e.Type == EventType.Agreement);

        Assert.Equal(DateInterval.Day(new DateOnly(2025, 3, 10)), deal.Date);
    }

    [Theory]
    [InlineData("On Monday the premier announced he would lift some sanctions on the North.", EventType.Sanctions)]
    [InlineData("On Monday the two presidents issued a joint statement proposing a freeze on the drills.", EventType.Proposal)]
    public void Announcing_a_measure_is_the_measure_and_a_statement_that_proposes_is_a_proposal(string text, EventType type)
    {
        var e = Assert.Single(Extract(text));

        Assert.Equal(type, e.Type);
    }

    [Fact]
    public void Talks_that_produce_an_agreement_are_the_agreement_of_the_six_parties()
    {
        const string text = "2024\n\nMarch 2 -- Six-party talks in Geneva produce an accord on the plant.";

        var e = Assert.Single(Extract(text));

        Assert.Equal(EventType.Agreement, e.Type);
        Assert.Equal(DateInterval.Day(new DateOnly(2024, 3, 2)), e.Date);
        Assert.Equal(6, e.Actors.Count(a => a.Kind == "country"));
    }

    [Fact]
    public void A_state_a_speaker_asserts_in_the_passive_perfect_is_the_statement()
    {
        var e = Assert.Single(Extract("On Monday the alliance's chief said foreign troops have been deployed to the border region."));

        Assert.Equal(EventType.Statement, e.Type);
    }

    [Theory]
    [InlineData("A fishing trawler ran aground off the island on Tuesday.", "2025-03-11", "A fishing trawler runs aground off the island")]
    [InlineData("The envoy left the capital on Tuesday.", "2025-03-11", "The envoy leaves the capital")]
    [InlineData("In 2019 the navy scrapped its oldest frigate, which had served for forty years.", "2019", null)]
    public void A_dated_sentence_of_fact_whose_verb_no_rule_lists_is_an_event_of_its_own(string text, string date, string? title)
    {
        var e = Assert.Single(Extract(text));

        Assert.Equal(EventType.Other, e.Type);
        Assert.Equal(date.Length == 4 ? DateInterval.Year(int.Parse(date, CultureInfo.InvariantCulture)) : DateInterval.Day(DateOnly.Parse(date, CultureInfo.InvariantCulture)), e.Date);
        if (title is not null)
        {
            Assert.Equal(title, e.Title);
        }
    }

    [Fact]
    public void A_noun_of_a_kind_in_the_clause_gives_an_unlisted_verb_its_kind()
    {
        var e = Assert.Single(Extract("The old accord was superseded in 2001 by a defense treaty."));

        Assert.Equal(EventType.Agreement, e.Type);
        Assert.Equal(DateInterval.Year(2001), e.Date);
    }

    [Theory]
    [InlineData("A fishing trawler ran aground off the island.")]
    [InlineData("The ferry did not sail on Tuesday.")]
    [InlineData("The ferry could sail on Tuesday.")]
    [InlineData("The ferry has sailed daily since 2019.")]
    [InlineData("\"The ferry sailed on Tuesday.\"")]
    [InlineData("Analysts counted more than 40 launches in 2022.")]
    public void Undated_hedged_negated_quoted_lasting_or_tallied_sentences_give_no_such_event(string text) =>
        Assert.Empty(Extract(text));

    [Theory]
    [InlineData("The minister likened the new tariffs to a blockade on Monday.", EventType.Statement)]
    [InlineData("The envoy landed in Hanoi on Tuesday.", EventType.Meeting)]
    [InlineData("The parliament put three banks on a blacklist on Monday.", EventType.Sanctions)]
    public void An_unlisted_verb_of_telling_or_travelling_or_words_of_sanctions_give_the_kind(string text, EventType type) =>
        Assert.Equal(type, Assert.Single(Extract(text)).Type);

    [Fact]
    public void An_event_of_an_unlisted_verb_stays_apart_from_the_days_other_statements()
    {
        const string text = "The premier thanked the envoy for his help on Monday. The envoy said on Monday that the talks had gone well.";

        Assert.Equal(2, Extract(text).Count(e => e.Type == EventType.Statement));
    }

    [Fact]
    public void A_clause_with_a_date_of_its_own_and_an_unlisted_verb_is_an_event_beside_the_sentences_other()
    {
        var events = Extract("The navy fired a missile on Monday, and the coast guard towed the wreck to port on Tuesday.");

        Assert.Equal(2, events.Count);
        var towed = Assert.Single(events, e => e.Type == EventType.Other);
        Assert.Equal(DateInterval.Day(new DateOnly(2025, 3, 11)), towed.Date);
    }

    [Theory]
    [InlineData("The navy fired a missile on Monday, a spokesman said on Tuesday.")]
    [InlineData("The navy, which employed 3,000 sailors as of May, fired a missile on Monday.")]
    [InlineData("The navy fired a missile on Monday, though it had already moved its fleet in July.")]
    public void Attributions_counts_on_a_day_and_pluperfect_background_are_no_clause_events(string text) =>
        Assert.Equal(EventType.MissileTest, Assert.Single(Extract(text)).Type);

    [Theory]
    [InlineData("On Monday, Air Force bombers flew along the coast, the longest patrol of its kind in the 21st century.")]
    [InlineData("On Monday, Air Force bombers flew over the strait, more of them than at any point this century.")]
    public void A_period_a_superlative_or_comparison_names_dates_nothing(string text) =>
        Assert.Equal(DateInterval.Day(new DateOnly(2025, 3, 10)), Assert.Single(Extract(text)).Date);
}
