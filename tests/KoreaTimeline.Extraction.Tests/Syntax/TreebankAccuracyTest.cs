using KoreaTimeline.Extraction.Syntax;

namespace KoreaTimeline.Extraction.Tests.Syntax;

/// <summary>
/// The embedded models on the dev split of UD English EWT (../shared/corpora/ud-english-ewt), tagging and parsing
/// from the gold words with predicted tags, punctuation included.
/// </summary>
public sealed class TreebankAccuracyTest
{
    private static string? DevSplit()
    {
        if (Environment.GetEnvironmentVariable("UD_ENGLISH_EWT") is { Length: > 0 } configured)
        {
            return Path.Combine(configured, "en_ewt-ud-dev.conllu");
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "corpora", "ud-english-ewt", "en_ewt-ud-dev.conllu");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    [Fact]
    public void Embedded_models_meet_their_accuracy_on_the_dev_split()
    {
        var dev = DevSplit();
        if (dev is null || !File.Exists(dev))
        {
            Assert.Skip("UD English EWT (../shared/corpora/ud-english-ewt, or $UD_ENGLISH_EWT) is not beside the repository.");
        }

        var scores = SyntaxTrainer.Evaluate(SyntaxModel.Default, ConllU.Read(dev));

        Assert.Equal(25147, scores.Words);
        Assert.True(scores.Upos >= TreebankTargets.Upos, $"UPOS {scores.Upos:F2} < {TreebankTargets.Upos}");
        Assert.True(scores.Lemma >= TreebankTargets.Lemma, $"lemma {scores.Lemma:F2} < {TreebankTargets.Lemma}");
        Assert.True(scores.Uas >= TreebankTargets.Uas, $"UAS {scores.Uas:F2} < {TreebankTargets.Uas}");
        Assert.True(scores.Las >= TreebankTargets.Las, $"LAS {scores.Las:F2} < {TreebankTargets.Las}");
    }
}
