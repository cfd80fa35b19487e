using KoreaTimeline.Extraction.Syntax;

namespace KoreaTimeline.Extraction.Tests.Syntax;

/// <summary>Sentences of our own, parsed by the embedded models; each failure prints the whole parse.</summary>
public sealed class ParserExamplesTest
{
    private static ParsedToken Word(ParsedSentence s, string text) => s.Tokens.Single(t => t.Text == text);

    private static void Check(ParsedSentence s, bool condition, string what) => Assert.True(condition, $"{what}\n{s}");

    [Fact]
    public void Subject_object_and_time_of_a_launch()
    {
        // The date comes first: after the object ("fired two missiles on Tuesday") the greedy parser hangs it on the
        // object noun (nmod), a known weakness of the models trained in December.
        var s = SyntaxModel.Default.Parse("On Tuesday, the North Korean military fired two ballistic missiles.");
        var fired = Word(s, "fired");
        Check(s, s.Root == fired && fired.Upos == "VERB" && fired.Lemma == "fire", "fired is the root verb, lemma fire");
        Check(s, s.HeadOf(Word(s, "missiles")) == fired && Word(s, "missiles").DepRel == "obj", "missiles is the object of fired");
        Check(s, s.Children(fired, "nsubj").Select(t => t.Text).SequenceEqual(["military"]), "military is the subject");
        Check(s, Word(s, "missiles").Lemma == "missile" && Word(s, "two").Upos == "NUM", "missiles -> missile, two is NUM");
        Check(s, s.HeadOf(Word(s, "Tuesday")) == fired && Word(s, "Tuesday").DepRel.StartsWith("obl", StringComparison.Ordinal), "on Tuesday modifies fired");
    }

    [Fact]
    public void Passive_subject_and_agent()
    {
        var s = SyntaxModel.Default.Parse("The sanctions were approved by the council last week.");
        var approved = Word(s, "approved");
        Check(s, s.Root == approved && approved.Lemma == "approve", "approved is the root");
        Check(s, Word(s, "sanctions").Head == approved.Index && Word(s, "sanctions").DepRel == "nsubj:pass", "sanctions is the passive subject");
        Check(s, Word(s, "were").Lemma == "be" && Word(s, "were").Upos == "AUX", "were is AUX be");
        Check(s, Word(s, "council").Head == approved.Index && Word(s, "council").DepRel.StartsWith("obl", StringComparison.Ordinal), "by the council attaches to approved");
    }

    [Fact]
    public void Speech_verb_and_its_clause()
    {
        var s = SyntaxModel.Default.Parse("Officials said the carrier arrived in Busan on Sunday.");
        var said = Word(s, "said");
        var arrived = Word(s, "arrived");
        Check(s, s.Root == said && Word(s, "Officials").Head == said.Index, "said is the root, Officials its subject");
        Check(s, arrived.Head == said.Index && arrived.DepRel == "ccomp", "arrived is the complement of said");
        Check(s, Word(s, "carrier").Head == arrived.Index && Word(s, "Busan").Head == arrived.Index, "carrier and Busan hang from arrived");
        Check(s, Word(s, "Busan").Upos == "PROPN", "Busan is a proper noun");
    }

    [Fact]
    public void Offsets_survive_parsing_and_every_sentence_is_a_tree()
    {
        const string text = "Kim Jong Un's sister warned Seoul on Friday.";
        var s = SyntaxModel.Default.Parse(text);
        Assert.All(s.Tokens, t => Assert.Equal(t.Text, text[t.Start..t.End]));
        Assert.Single(s.Tokens, t => t.Head < 0);
        Assert.All(s.Tokens, t =>
        {
            // Following heads from any word reaches the root without a cycle.
            var seen = 0;
            for (var h = t.Head; h >= 0; h = s.Tokens[h].Head)
            {
                Assert.True(++seen <= s.Tokens.Count, $"cycle\n{s}");
            }
        });
        Check(s, Word(s, "'s").DepRel == "case" && Word(s, "sister").Head == Word(s, "warned").Index, "'s is a case marker; sister is the subject of warned");
    }

    [Fact]
    public void Words_without_offsets_and_empty_input()
    {
        var s = SyntaxModel.Default.Parse(new[] { "Talks", "resumed", "." });
        Assert.Equal(["NOUN", "VERB", "PUNCT"], s.Tokens.Select(t => t.Upos));
        Assert.All(s.Tokens, t => Assert.Equal((-1, -1), (t.Start, t.End)));
        Assert.Empty(SyntaxModel.Default.Parse(Array.Empty<string>()).Tokens);
        Assert.Null(SyntaxModel.Default.Parse("").Root);
    }

    [Fact]
    public void The_default_model_is_loaded_once_and_shared_across_threads()
    {
        var models = new SyntaxModel[8];
        Parallel.For(0, models.Length, i => models[i] = SyntaxModel.Default);
        Assert.All(models, m => Assert.Same(SyntaxModel.Default, m));
        var parses = new string[8];
        Parallel.For(0, parses.Length, i => parses[i] = SyntaxModel.Default.Parse("The envoy left Seoul on Monday.").ToString());
        Assert.Single(parses.Distinct());
    }
}
