using KoreaTimeline.Extraction.Pipeline;

namespace KoreaTimeline.Extraction.Tests.Events;

/// <summary>
/// Actors a report names without a name, or names beside the event without taking part: the bodies of the country
/// a story is filed from, people by title, parties named together, places a launch flies over. Every text is invented.
/// </summary>
public sealed class ActorResolutionTest
{
    private static readonly DateOnly Wednesday = new(2025, 3, 12);

    private static IReadOnlyList<ExtractedEvent> Extract(string text) =>
        ArticleExtractor.Default.Extract(new ArticleInput(text, Published: Wednesday)).Events;

    private static IEnumerable<string> Names(ExtractedEvent e) => e.Actors.Select(a => a.Name);

    [Theory]
    [InlineData("On Monday, France's UN ambassador, Nicolas de Riviere, called the launch a clear breach of the resolutions.")]
    [InlineData("On Monday, the French envoy to the United Nations, Nicolas de Riviere, called the launch a clear breach of the resolutions.")]
    public void The_body_a_diplomat_is_posted_to_is_not_a_party_to_what_he_says(string text)
    {
        var e = Assert.Single(Extract(text), x => x.Type == EventType.Statement);

        Assert.Contains("France", Names(e));
        Assert.DoesNotContain("United Nations", Names(e));
    }

    [Fact]
    public void A_state_and_its_ambassador_speaking_in_one_sentence_are_one_statement()
    {
        const string text = "Moscow condemned the launch on Monday. France called the launch a threat to regional stability, "
            + "and at the United Nations the French ambassador Nicolas de Riviere told reporters it was \"very serious.\"";

        Assert.Single(Extract(text), x => x.Type == EventType.Statement && Names(x).Contains("France"));
    }

    [Fact]
    public void A_rank_alone_is_the_officer_named_with_it_and_a_verb_after_but_shares_its_subject()
    {
        const string text = "Lt. Gen. Park Jin-woo of the Joint Chiefs of Staff called the attack \"premeditated\" on Tuesday.\n\n"
            + "The general said on Tuesday the military was ready, but warned that \"if the North stages another provocation, we will respond.\"";

        var events = Extract(text);

        Assert.All(events.Where(e => e.Type is EventType.Statement or EventType.Threat), e => Assert.Contains("Park Jin-woo", Names(e)));
        Assert.DoesNotContain(events, e => e.Type == EventType.Threat && Names(e).Contains("North Korea"));
    }

    [Theory]
    [InlineData("On Monday, Chief of General Staff Ri Myong Su warned that the army would strike back at any provocation.", "Ri Myong-su")]
    [InlineData("On Monday, Defence Minister Pak Yong-sik warned that the army would strike back at any provocation.", "Pak Yong-sik")]
    public void An_official_the_gazetteer_knows_keeps_the_wire_spelling_and_brings_his_country(string text, string name)
    {
        var e = Assert.Single(Extract(text), x => Names(x).Contains(name));

        Assert.Equal(EventType.Statement, e.Type);
        Assert.Contains("North Korea", Names(e));
    }

    [Fact]
    public void A_news_outlet_cited_for_a_launch_lends_it_no_country()
    {
        var e = Assert.Single(Extract("North Korea fired two short-range missiles into the sea on Monday, CNN reported."), x => x.Type == EventType.MissileTest);

        Assert.DoesNotContain("United States", Names(e));
    }

    [Theory]
    [InlineData("SEOUL, March 12 (Yonhap) -- The military said it fired artillery rounds into the sea on Monday.", "South Korea")]
    [InlineData("TOKYO, March 12 -- The government imposed new sanctions on Monday on three shipping firms.", "Japan")]
    [InlineData("Washington: The military held a live-fire drill on Monday.", "United States")]
    public void A_body_without_a_country_belongs_to_the_country_the_story_is_filed_from(string text, string country)
    {
        var e = Assert.Single(Extract(text));

        Assert.Contains(country, Names(e));
    }

    [Theory]
    [InlineData("The Key Resolve drills began on Monday near Pyongyang's border.", new[] { "United States", "South Korea" })]
    [InlineData("He was the first president to visit the island since the Korean War.", new[] { "North Korea", "South Korea" })]
    [InlineData("Officials toured the village where the armistice that ended the Korean War in 1953 was signed.", new[] { "North Korea", "South Korea", "United States", "China" })]
    public void An_event_whose_name_says_who_takes_part_has_those_parties(string text, string[] parties)
    {
        var e = Assert.Single(Extract(text));

        Assert.Equal(parties.Order(), Names(e).Order());
    }

    [Theory]
    [InlineData("Tokyo on Monday condemned Pyongyang's latest cruise missile launch.")]
    [InlineData("Tokyo on Monday called North Korea's drills a grave provocation.")]
    public void Who_condemns_is_the_actor_not_whom_it_condemns(string text)
    {
        var said = Assert.Single(Extract(text), e => e.Type == EventType.Statement);

        Assert.Equal(["Japan"], Names(said));
    }

    [Theory]
    [InlineData("North Korea's army shelled a border post on Monday, the military in Seoul said. On Tuesday, South Korea's army returned fire near the border.")]
    [InlineData("Seoul accused North Korea of a new provocation. A brief exchange of fire across the border on Tuesday wounded two soldiers.")]
    public void Returning_fire_takes_two_sides_though_the_clause_names_one(string text)
    {
        var e = Assert.Single(Extract(text), e => e.Date == DateInterval.Day(new DateOnly(2025, 3, 11)));

        Assert.Equal(["North Korea", "South Korea"], Names(e).Order());
    }

    [Fact]
    public void A_dateline_dash_that_touches_the_text_opens_the_story()
    {
        var e = Assert.Single(Extract("TOKYO, March 12 (Kyodo)--North Korea fired a cruise missile into the sea on Monday."));

        Assert.Contains("North Korea", Names(e));
        Assert.StartsWith("North Korea fired", e.Evidence[0].Text);
    }

    [Fact]
    public void A_body_named_with_its_country_stays_that_countrys()
    {
        var e = Assert.Single(Extract("SEOUL, March 12 -- North Korea's military fired artillery rounds into the sea on Monday."));

        Assert.Equal(["North Korea"], Names(e));
    }

    [Fact]
    public void Without_a_dateline_a_body_without_a_country_is_no_one_in_particular()
    {
        var e = Assert.Single(Extract("Protesters gathered downtown on Sunday. The military fired artillery rounds into the sea on Monday."),
            x => x.Title.Contains("artillery", StringComparison.Ordinal));

        Assert.DoesNotContain("South Korea", Names(e));
    }

    [Fact]
    public void The_president_is_the_president_named_before()
    {
        var events = Extract("President Yoon Suk Yeol met the visiting envoy on Monday. The president ordered the army to hold a drill on Tuesday.");

        var drill = Assert.Single(events, e => e.Type == EventType.Exercise);
        Assert.Contains("Yoon Suk-yeol", Names(drill));
    }

    [Fact]
    public void A_minister_by_title_is_the_minister_named_before_with_that_title()
    {
        var events = Extract("Foreign Minister Cho Tae-yul arrived in Tokyo on Sunday. On Monday the foreign minister met his Japanese counterpart.");

        var meeting = Assert.Single(events, e => e.Type == EventType.Meeting && e.Date.Start.Day == 10);
        Assert.Contains("Cho Tae-yul", Names(meeting));
    }

    [Fact]
    public void Both_sides_are_the_two_countries_the_story_names_most()
    {
        var events = Extract("Japan and China held security talks in Beijing on Monday. Japan said China must stop its patrols. "
            + "The two sides agreed to hold another round on Tuesday.");

        var agreement = Assert.Single(events, e => e.Type == EventType.Agreement);
        Assert.Equal(["China", "Japan"], Names(agreement).Order());
    }

    [Fact]
    public void The_two_Koreas_are_north_and_south()
    {
        var e = Assert.Single(Extract("The two Koreas signed a military pact on Monday."));

        Assert.Equal(["North Korea", "South Korea"], Names(e).Order());
    }

    [Fact]
    public void A_missile_test_names_who_fired_not_where_it_flew()
    {
        var e = Assert.Single(Extract("North Korea fired a ballistic missile toward Japan on Monday, landing near the United States territory of Guam."));

        Assert.Equal(EventType.MissileTest, e.Type);
        Assert.Equal(["North Korea"], Names(e));
    }

    [Fact]
    public void A_dated_meeting_between_two_leaders_named_after_another_event_is_their_summit()
    {
        var events = Extract("Russia staged naval drills on Monday, days before Friday's meeting between President Biden and President Xi Jinping.");

        var summit = Assert.Single(events, e => e.Type == EventType.Summit);
        Assert.Contains(new ActorRef("Joe Biden", "person"), summit.Actors);
        Assert.Contains(new ActorRef("Xi Jinping", "person"), summit.Actors);
        Assert.DoesNotContain(new ActorRef("Joe Biden", "person"), Assert.Single(events, e => e.Type == EventType.Exercise).Actors);
    }

    [Fact]
    public void A_fronted_date_before_a_subject_of_its_own_does_not_borrow_the_next_clauses_subject()
    {
        var events = Extract("On March 3 the reclusive state fired a cruise missile, ahead of a visit by President Biden.");

        Assert.DoesNotContain(new ActorRef("Joe Biden", "person"), Assert.Single(events, e => e.Type == EventType.MissileTest).Actors);
    }

    [Fact]
    public void A_relative_named_through_a_leader_acts_without_the_leader()
    {
        var e = Assert.Single(Extract("A delegation led by the younger sister of President Xi Jinping arrived in Seoul on Monday for talks."));

        Assert.DoesNotContain(new ActorRef("Xi Jinping", "person"), e.Actors);
    }

    [Fact]
    public void Talks_that_name_one_of_the_storys_two_countries_are_held_with_the_other()
    {
        var events = Extract("Japan and China traded accusations over patrols on Monday. China said Japan was provoking it. "
            + "Chinese diplomats held talks in Beijing on Tuesday.");

        var talks = Assert.Single(events, e => e.Type == EventType.Negotiation);
        Assert.Contains(new ActorRef("China", "country"), talks.Actors);
        Assert.Contains(new ActorRef("Japan", "country"), talks.Actors);
    }

    [Theory]
    [InlineData("Envoys said the six-party talks on the nuclear program resumed in Beijing on Monday.")]
    [InlineData("On Monday the envoys agreed to hold the next round of six-party talks on April 2.")]
    [InlineData("On Monday North Korea walked out of the \"Six Party Talks\" in Beijing.")]
    public void The_six_party_talks_are_their_six_members(string text)
    {
        var e = Assert.Single(Extract(text), x => x.Type == EventType.Negotiation);

        Assert.Equal(["China", "Japan", "North Korea", "Russia", "South Korea", "United States"], Names(e).Order());
    }

    [Fact]
    public void The_allies_are_the_two_most_named_countries_that_are_allied_not_a_state_and_its_adversary()
    {
        const string text = "North Korea fired a cruise missile on Monday. North Korea said the launch answered drills by "
            + "the United States and South Korea. Pyongyang warned Seoul again. The allies held a joint naval exercise on Tuesday.";

        var drill = Assert.Single(Extract(text), e => e.Type == EventType.Exercise && e.Date.Start == new DateOnly(2025, 3, 11));

        Assert.Equal(["South Korea", "United States"], Names(drill).Order());
    }

    [Fact]
    public void The_carrier_is_the_ship_named_before_it_and_a_ship_told_often_does_not_become_the_storys_country()
    {
        const string text = "The aircraft carrier USS Harbor Light pulled into the port of Busan on Monday, the navy said. "
            + "The carrier and its escorts will take part in a joint exercise with Japan next week. "
            + "The nuclear-powered carrier carries 70 aircraft. North Korea called the visit a provocation, North Korea's state media said. "
            + "A ballistic missile was launched from the west coast on Tuesday.";

        var events = Extract(text);

        var visit = Assert.Single(events, e => e.Type == EventType.Deployment && e.Date.Start == new DateOnly(2025, 3, 10));
        Assert.Contains("USS Harbor Light", Names(visit));
        var drills = Assert.Single(events, e => e.Type == EventType.Exercise);
        Assert.Equal(["Japan", "USS Harbor Light", "United States"], Names(drills).Order());
        var launch = Assert.Single(events, e => e.Type == EventType.MissileTest);
        Assert.Equal(["North Korea"], Names(launch));
    }

    [Fact]
    public void Who_agreed_at_a_summit_took_part_in_it()
    {
        const string text = "North Korea fired two rockets on Saturday, North Korea's state media said. "
            + "Japan and Australia agreed at a summit in Manila on Monday to expand maritime patrols.";

        var summit = Assert.Single(Extract(text), e => e.Type == EventType.Summit);

        Assert.Equal(["Australia", "Japan"], Names(summit).Order());
    }

    [Fact]
    public void A_foreign_leaders_unique_surname_names_him_even_without_the_full_name()
    {
        var talks = Assert.Single(Extract("Feb. 3, 2025 - Putin hosts a North Korean delegation in Moscow for talks on arms supplies."));

        Assert.Contains("Vladimir Putin", Names(talks));
    }

    [Fact]
    public void A_government_named_after_a_leader_is_not_the_leader_acting()
    {
        var e = Assert.Single(Extract("A senior Biden administration official said on Monday that the sanctions would stay."));

        Assert.DoesNotContain("Joe Biden", Names(e));
    }

    [Fact]
    public void A_chronology_in_the_present_tense_blows_up_too()
    {
        var e = Assert.Single(Extract("June 9, 2024 - North Korea blows up a road linking the two Koreas."));

        Assert.Equal(EventType.Other, e.Type);
        Assert.Equal(new DateOnly(2024, 6, 9), e.Date.Start);
    }

    [Fact]
    public void A_body_that_will_hold_a_session_takes_part_in_it()
    {
        const string text = "North Korea fired a missile on Monday. North Korea said it was a test. "
            + "The U.N. Security Council will hold an emergency session on Friday at the request of Japan.";

        var session = Assert.Single(Extract(text), e => e.Type == EventType.Meeting);

        Assert.Contains("UN Security Council", Names(session));
        Assert.DoesNotContain("North Korea", Names(session));
    }

    [Fact]
    public void A_body_the_gazetteer_lacks_is_named_without_the_article_and_speaks_for_itself()
    {
        const string text = "North Korea fired a missile on Monday. The Pacific Seismic Bureau said a tremor struck at noon. "
            + "China's earthquake agency said it had detected an explosion.";

        var statements = Extract(text).Where(e => e.Type == EventType.Statement).ToList();

        Assert.Equal(2, statements.Count);
        Assert.Equal(["Pacific Seismic Bureau"], Names(statements[0]));
    }

    [Fact]
    public void A_saying_whose_speaker_is_only_guessed_is_not_merged_into_another_speakers()
    {
        const string text = "North Korea fired a missile on Monday. North Korea said it was a test. "
            + "Officials at the observatory said on Monday that a tremor struck at 10:29 a.m. China's earthquake agency said on Monday it had detected an explosion.";

        Assert.Equal(3, Extract(text).Count(e => e.Type == EventType.Statement));
    }

    [Fact]
    public void Negotiators_from_a_country_are_that_country_not_a_place()
    {
        var talks = Assert.Single(Extract("Negotiators from North Korea and Japan met in Hanoi on Monday for the first time in a year."));

        Assert.Equal(["Japan", "North Korea"], Names(talks).Order());
    }

    [Fact]
    public void A_korean_name_in_three_words_is_a_person_and_their_family_name_refers_back()
    {
        const string text = "North Korean envoy Choe Kang Hyok met Chinese officials in Beijing on Monday. Choe said on Tuesday that the talks were useful.";

        var events = Extract(text);

        Assert.Contains("Choe Kang-hyok", Names(Assert.Single(events, e => e.Type == EventType.Meeting)));
        Assert.Contains("Choe Kang-hyok", Names(Assert.Single(events, e => e.Type == EventType.Statement)));
    }

    [Fact]
    public void Rejecting_an_offer_is_a_statement()
    {
        var e = Assert.Single(Extract("North Korea rejected the offer of talks on Monday."));

        Assert.Equal(EventType.Statement, e.Type);
    }

    [Theory]
    [InlineData("Norway's foreign minister, Ingrid Dahl, said on Monday that the launch was a grave provocation.", "Ingrid Dahl")]
    [InlineData("NATO Secretary General Lars Holm condemned the launch on Monday.", "Lars Holm")]
    public void A_person_the_gazetteer_lacks_is_named_by_a_title_in_apposition_or_before_the_name(string text, string person)
    {
        var e = Assert.Single(Extract(text), x => x.Type == EventType.Statement);

        Assert.Contains(person, Names(e));
    }

    [Theory]
    [InlineData("The rocket was fired from the west coast on Monday and fell into the sea between the peninsula and China.", "China")]
    [InlineData("The missile was launched on Monday and crashed in waters between Russia and Japan.", "Japan")]
    public void The_countries_a_sea_lies_between_are_a_place_not_parties(string text, string country)
    {
        var e = Assert.Single(Extract(text));

        Assert.DoesNotContain(country, Names(e));
    }

    [Fact]
    public void A_korean_name_in_three_words_the_gazetteer_lacks_is_its_own_person_not_the_leader_of_that_family_name()
    {
        var e = Assert.Single(Extract("Vice Foreign Minister Kim Song Gyu said on Monday that the treaty was lawful."));

        Assert.Contains("Kim Song-gyu", Names(e));
        Assert.DoesNotContain("Kim Jong-un", Names(e));
    }

    [Fact]
    public void A_ship_named_once_with_its_prefix_is_the_same_ship_without_it()
    {
        var events = Extract("The USS Ronald Reagan joined the drill on Monday. Earlier, the Ronald Reagan arrived in Busan on March 2.");

        var visit = Assert.Single(events, e => e.Date == DateInterval.Day(new DateOnly(2025, 3, 2)));
        Assert.Equal(EventType.Deployment, visit.Type);
        Assert.Contains("USS Ronald Reagan", Names(visit));
    }

    [Fact]
    public void Two_people_before_a_relative_pronoun_both_take_part()
    {
        var e = Assert.Single(Extract("Chinese President Xi Jinping and Russian President Vladimir Putin, who held talks in Moscow on Monday, called for calm."),
            x => x.Date == DateInterval.Day(new DateOnly(2025, 3, 10)) && x.Type != EventType.Proposal);

        Assert.Equal(EventType.Summit, e.Type);
        Assert.Contains("Xi Jinping", Names(e));
        Assert.Contains("Vladimir Putin", Names(e));
    }

    [Theory]
    [InlineData("Donald Trump met Xi Jinping in Beijing on Monday. The two leaders had met for the first time in Florida in April 2017.")]
    [InlineData("Donald Trump met Xi Jinping in Beijing on Monday, seven months after their first summit in Florida in April 2017.")]
    public void The_two_leaders_are_the_last_two_named(string text)
    {
        var earlier = Assert.Single(Extract(text), e => e.Date.Start.Year == 2017);

        Assert.Contains("Donald Trump", Names(earlier));
        Assert.Contains("Xi Jinping", Names(earlier));
    }

    [Fact]
    public void A_ship_named_by_its_name_alone_is_the_asset_that_arrives()
    {
        const string text = "The USS Ronald Reagan led the drill on Monday.\n\nThe allies have held such drills for years.\n\n"
            + "The Ronald Reagan arrived in Busan on March 2.";

        var visit = Assert.Single(Extract(text), e => e.Date == DateInterval.Day(new DateOnly(2025, 3, 2)));

        Assert.Equal(EventType.Deployment, visit.Type);
    }

    [Fact]
    public void He_is_not_a_woman_the_gazetteer_knows()
    {
        const string text = "Kim Jong-un was seen with his sister Kim Yo-jong in March. On Monday, he presided over a meeting of the Politburo.";

        var meeting = Assert.Single(Extract(text), e => e.Type == EventType.Meeting);

        Assert.Contains("Kim Jong-un", Names(meeting));
        Assert.DoesNotContain("Kim Yo-jong", Names(meeting));
    }
}

