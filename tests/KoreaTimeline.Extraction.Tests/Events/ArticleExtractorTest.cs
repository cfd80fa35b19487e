using KoreaTimeline.Extraction.Pipeline;

namespace KoreaTimeline.Extraction.Tests.Events;

/// <summary>Event extraction on short invented reports, one behaviour each.</summary>
public sealed class ArticleExtractorTest
{
    private static readonly DateOnly Wednesday = new(2025, 3, 12);

    private static ExtractionResult Extract(string text, DateOnly? published = null) =>
        ArticleExtractor.Default.Extract(new ArticleInput(text, Published: published ?? Wednesday));

    [Fact]
    public void A_launch_is_a_missile_test_dated_by_its_weekday_with_its_actor()
    {
        var result = Extract("North Korea fired two short-range ballistic missiles into the East Sea on Tuesday, the military said.");

        var e = Assert.Single(result.Events);
        Assert.Equal(EventType.MissileTest, e.Type);
        Assert.Equal(DateInterval.Day(new DateOnly(2025, 3, 11)), e.Date);
        Assert.Equal("Tuesday", e.DateText);
        Assert.Contains(new ActorRef("North Korea", "country"), e.Actors);
        Assert.Equal("East Sea", e.Location);
    }

    [Fact]
    public void Two_dates_in_one_sentence_date_two_events()
    {
        var result = Extract("On Tuesday, Pyongyang announced that it had launched a cruise missile on Sunday.");

        Assert.Equal(
            [(EventType.Statement, new DateOnly(2025, 3, 11)), (EventType.MissileTest, new DateOnly(2025, 3, 9))],
            result.Events.Select(e => (e.Type, e.Date.Start)));
    }

    [Fact]
    public void What_an_agency_says_about_an_event_told_before_is_a_statement_of_its_own()
    {
        const string text = "Pyongyang says it has detonated a sixth nuclear device.\n\n"
            + "The state news agency said Tuesday that the underground blast used a \"compact warhead\" made for its rockets.";

        var events = Extract(text).Events;

        Assert.Single(events, e => e.Type == EventType.NuclearTest);
        var said = Assert.Single(events, e => e.Type == EventType.Statement);
        Assert.Equal(DateInterval.Day(new DateOnly(2025, 3, 11)), said.Date);
    }

    [Fact]
    public void A_date_after_a_second_verb_of_another_kind_is_that_verbs_own()
    {
        var events = Extract("The prime minister vowed a firm response to the shelling and convened a cabinet meeting for Friday.").Events;

        Assert.Equal(Wednesday, Assert.Single(events, e => e.Type == EventType.Statement).Date.Start);
        Assert.Equal(new DateOnly(2025, 3, 14), Assert.Single(events, e => e.Type == EventType.Meeting).Date.Start);
    }

    [Fact]
    public void Talks_dated_by_a_possessive_weekday_and_the_summit_dated_by_its_breakdown_are_two_events()
    {
        var events = Extract("Sunday's talks were the first between the two sides since the June collapse of a summit in Hanoi.").Events;

        Assert.Equal(new DateOnly(2025, 3, 9), Assert.Single(events, e => e.Type == EventType.Negotiation).Date.Start);
        Assert.Equal(DateInterval.Month(2024, 6), Assert.Single(events, e => e.Type == EventType.Summit).Date);
    }

    [Fact]
    public void Suspending_an_accord_is_an_event_and_what_an_after_clause_tells_joins_the_day_told_elsewhere()
    {
        const string text = "On Wednesday Tokyo moved to suspend part of a trade accord it signed with Manila in 2019, "
            + "after the North ignored warnings and launched a satellite.\n\nNorth Korea said its satellite reached orbit on Tuesday.";

        var events = Extract(text).Events;

        Assert.Equal(Wednesday, Assert.Single(events, e => e.Type == EventType.Other).Date.Start);
        Assert.Equal(DateInterval.Year(2019), Assert.Single(events, e => e.Type == EventType.Agreement).Date);
        Assert.Equal(new DateOnly(2025, 3, 11), Assert.Single(events, e => e.Type == EventType.MissileTest).Date.Start);
    }

    [Fact]
    public void A_fronted_since_makes_an_ongoing_range_up_to_the_article_date()
    {
        var e = Assert.Single(Extract("Since January 2024, Seoul has proposed talks with Pyongyang.").Events);

        Assert.Equal(EventType.Proposal, e.Type);
        Assert.Equal(new DateInterval(new DateOnly(2024, 1, 1), Wednesday, DatePrecision.Range), e.Date);
    }

    [Fact]
    public void The_first_time_since_dates_the_earlier_event()
    {
        var e = Assert.Single(Extract("It is the first time since May last year that Washington has deployed a bomber to the peninsula.").Events);

        Assert.Equal(EventType.Deployment, e.Type);
        Assert.Equal(DateInterval.Month(2024, 5), e.Date);
    }

    [Fact]
    public void Mentions_of_the_same_event_become_one_event_with_every_quote()
    {
        const string text = "On Monday, a U.S. aircraft carrier arrived in South Korea. The USS Nimitz entered the port of Busan, officials said.";

        var e = Assert.Single(Extract(text).Events);

        Assert.Equal(EventType.Deployment, e.Type);
        Assert.Equal(2, e.Evidence.Count);
        Assert.Contains(e.Actors, a => a.Name == "USS Nimitz" && a.Kind == "vessel");
        Assert.Equal("Busan, South Korea", e.Location);
        Assert.All(e.Evidence, v => Assert.Equal(text[v.Start..v.End], v.Text));
    }

    [Fact]
    public void A_leader_meeting_a_leader_is_a_summit()
    {
        var text = "Donald Trump met Kim Jong-un in Singapore in June 2018.";

        var e = Assert.Single(Extract(text).Events);

        Assert.Equal(EventType.Summit, e.Type);
        Assert.Equal(DateInterval.Month(2018, 6), e.Date);
        Assert.Equal(["Donald Trump", "United States", "Kim Jong-un", "North Korea"], e.Actors.Select(a => a.Name));
        Assert.Equal("Singapore", e.Location);
    }

    [Theory]
    [InlineData("North Korea may conduct a nuclear test next week.")]
    [InlineData("North Korea has always launched missiles in response to drills.")]
    [InlineData("Experts say Pyongyang launched the missile on Monday to test Washington.")]
    [InlineData("Seoul did not impose sanctions on Monday.")]
    [InlineData("The weather in Seoul was cold.")]
    public void Hedges_habits_opinions_negations_and_undated_mentions_are_not_events(string text) =>
        Assert.Empty(Extract(text).Events);

    [Fact]
    public void An_undated_report_in_the_lead_happened_on_the_article_date()
    {
        var e = Assert.Single(Extract("North Korea launched a ballistic missile toward the East Sea, the military said.").Events);

        Assert.Equal(EventType.MissileTest, e.Type);
        Assert.Equal(DateInterval.Day(Wednesday), e.Date);
        Assert.Null(e.DateText);
        Assert.Equal(["North Korea"], e.Actors.Select(a => a.Name));
    }

    [Fact]
    public void A_later_reference_to_the_lead_event_joins_it_not_an_older_event_of_its_type()
    {
        const string text = "North Korea fired a ballistic missile on Tuesday. It was the first launch since January, when it fired "
            + "a hypersonic missile. Japan confirmed the launch.";

        var events = Extract(text).Events;

        Assert.Equal([new DateOnly(2025, 3, 11), new DateOnly(2025, 1, 1)], events.Select(e => e.Date.Start));
        Assert.Equal(3, events[0].Evidence.Count);
        Assert.Equal(["North Korea"], events[0].Actors.Select(a => a.Name));
    }

    [Fact]
    public void An_undated_report_further_on_with_no_narrative_date_takes_the_article_date()
    {
        var e = Assert.Single(Extract("The weather was fine. Markets were calm. North Korea launched a missile, the military said.").Events);

        Assert.Equal(EventType.MissileTest, e.Type);
        Assert.Equal(DateInterval.Day(Wednesday), e.Date);
    }

    [Fact]
    public void Who_reports_an_event_is_not_an_actor_of_it()
    {
        var e = Assert.Single(Extract("South Korea's Joint Chiefs of Staff said North Korea fired two ballistic missiles on Tuesday.").Events);

        Assert.Equal(["North Korea"], e.Actors.Select(a => a.Name));
        Assert.Equal("North Korea fires two ballistic missiles", e.Title);
    }

    [Fact]
    public void Further_on_an_undated_statement_of_fact_carries_on_the_narratives_date()
    {
        const string text = "Markets were calm. Officials were cautious. In March 2024, the two leaders spoke by phone. "
            + "North Korea sent troops to Russia.";

        var troops = Assert.Single(Extract(text).Events, e => e.Type == EventType.TroopDeployment);

        Assert.Equal(DateInterval.Month(2024, 3), troops.Date);
        Assert.Null(troops.DateText);
    }

    [Theory]
    [InlineData("North Korea has conducted more than 100 missile tests since 2022.")]
    [InlineData("On Monday, dozens of missile launches were counted by analysts.")]
    [InlineData("The sanctions came into force on Monday.")]
    public void Tallies_and_nouns_that_name_no_new_event_are_not_events(string text) =>
        Assert.DoesNotContain(Extract(text).Events, e => e.Type is EventType.MissileTest or EventType.Sanctions);

    [Fact]
    public void A_dated_noun_inside_a_clause_names_an_earlier_event_of_its_own()
    {
        var events = Extract("On Monday, Seoul imposed new sanctions on Pyongyang, months after its first nuclear test in 2006.").Events;

        Assert.Equal(
            [(EventType.Sanctions, new DateOnly(2025, 3, 10)), (EventType.NuclearTest, new DateOnly(2006, 1, 1))],
            events.Select(e => (e.Type, e.Date.Start)));
        Assert.Equal(["North Korea"], events[1].Actors.Select(a => a.Name));
    }

    [Fact]
    public void The_first_meeting_since_an_earlier_summit_is_not_dated_by_it()
    {
        const string text = "Kim Jong-un met Vladimir Putin on Tuesday. Markets were calm. "
            + "It was Kim's first meeting with Putin since their 2019 summit in Vladivostok.";

        var events = Extract(text).Events;

        Assert.Equal(
            [(EventType.Summit, DateInterval.Day(new DateOnly(2025, 3, 11)), 2), (EventType.Summit, DateInterval.Year(2019), 1)],
            events.Select(e => (e.Type, e.Date, e.Evidence.Count)));
        Assert.Equal("Vladivostok, Russia", events[1].Location);
    }

    [Fact]
    public void A_dateline_under_a_headline_is_not_the_subject()
    {
        const string text = "Missile launched\n\nSEOUL, March 12 (Wire) -- North Korea fired a cruise missile on Tuesday, officials said.";

        var e = Assert.Single(Extract(text).Events);

        Assert.Equal("North Korea fires a cruise missile", e.Title);
        Assert.Equal(new DateOnly(2025, 3, 11), e.Date.Start);
    }

    [Fact]
    public void An_appositive_does_not_date_its_clause()
    {
        var e = Assert.Single(Extract("On Jan. 6, North Korea fired what it called a new hypersonic missile, its first launch of the year.").Events);

        Assert.Equal((EventType.MissileTest, DateInterval.Day(new DateOnly(2025, 1, 6))), (e.Type, e.Date));
    }

    [Fact]
    public void A_pronoun_subject_takes_the_actor_named_before_it()
    {
        var e = Assert.Single(Extract("Vladimir Putin has led Russia since 2000. On Monday, he met with Kim Jong-un in Pyongyang.").Events);

        Assert.Equal(EventType.Summit, e.Type);
        Assert.Contains(e.Actors, a => a.Name == "Vladimir Putin");
        Assert.Equal("Vladimir Putin meets with Kim Jong-un in Pyongyang", e.Title);
    }

    [Fact]
    public void Without_a_published_date_the_article_date_is_inferred()
    {
        var result = ArticleExtractor.Default.Extract(new ArticleInput(
            "On Sunday, March 2nd, North Korea fired a ballistic missile. The launch followed drills held in January 2025."));

        Assert.Equal(("inferred", new DateOnly(2025, 3, 2)), (result.Article.PublishedSource, result.Article.Published));
    }

    [Fact]
    public void Evidence_offsets_always_index_the_text()
    {
        const string text = "\uFEFFOn Monday, North Korea fired a missile.\r\n\r\nOn Tuesday, Seoul condemned the launch.";

        var result = Extract(text);

        Assert.NotEmpty(result.Events);
        Assert.All(result.Events.SelectMany(e => e.Evidence), v => Assert.Equal(text[v.Start..v.End], v.Text));
    }
}
