namespace KoreaTimeline.Extraction.Syntax;

/// <summary>Accuracy on a treebank split, in percent of words (punctuation included, as the CoNLL 2018 scorer counts).</summary>
public sealed record SyntaxScores(int Sentences, int Words, double Upos, double Lemma, double Uas, double Las);

/// <summary>
/// How <see cref="SyntaxTrainer"/> trains: <paramref name="Iterations"/> passes of each model; the parser learns from
/// the tags of <paramref name="Folds"/> taggers each trained on the rest of the training split (jackknifing, 0: gold
/// tags), themselves trained <paramref name="FoldIterations"/> passes. With <paramref name="Dev"/>, the parser trains
/// up to <paramref name="ParserIterations"/> passes and keeps the averaged weights of the pass that parses it best.
/// <paramref name="FineTags"/> tags with UPOS and Penn tag pairs ("VERB|VBN") for the parser to read; on EWT dev it
/// scored lower than UPOS alone (UPOS 95.0 against 95.3, UAS 83.3 against 84.1, both jackknifed).
/// </summary>
public sealed record SyntaxTrainingOptions(
    int Iterations = 12, int Folds = 5, int FoldIterations = 6, bool FineTags = false, int ParserIterations = 0, IReadOnlyList<TreebankSentence>? Dev = null);

/// <summary>Trains a <see cref="SyntaxModel"/> on a UD treebank and scores one on a split of it.</summary>
public static class SyntaxTrainer
{
    /// <summary>Trains the four parts in turn on <paramref name="train"/>, <paramref name="iterations"/> passes each.</summary>
    public static SyntaxModel Train(IReadOnlyList<TreebankSentence> train, int iterations, Action<string>? log = null) =>
        Train(train, new SyntaxTrainingOptions(iterations), log);

    /// <summary>Trains the four parts in turn on <paramref name="train"/>.</summary>
    public static SyntaxModel Train(IReadOnlyList<TreebankSentence> train, SyntaxTrainingOptions options, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        var iterations = options.Iterations;
        string Fine(TreebankWord w) => options.FineTags && w.Xpos is { Length: > 0 } x && x != "_" ? w.Upos + "|" + x : w.Upos;
        var tagSet = train.SelectMany(s => s.Words).Select(Fine).Distinct().Order(StringComparer.Ordinal).ToArray();
        var tagIndex = tagSet.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i);
        var labels = train.SelectMany(s => s.Words).Select(w => w.DepRel).Where(l => l != ArcLabeller.Root).Distinct().Order(StringComparer.Ordinal).ToArray();
        var labelIndex = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i);

        var data = train.Select(s => (
            Words: s.Words.Select(w => WordAtoms.Of(w.Form)).ToArray(),
            Tags: s.Words.Select(w => tagIndex[Fine(w)]).ToArray(),
            Heads: s.Words.Select(w => w.Head - 1).ToArray(),
            Labels: s.Words.Select(w => w.DepRel == ArcLabeller.Root ? -1 : labelIndex[w.DepRel]).ToArray())).ToList();

        var tagger = PosTagger.Train(data.Select(d => (d.Words, d.Tags)).ToList(), tagSet, iterations, log);
        var lemmatizer = Lemmatizer.Train(train.SelectMany(s => s.Words));
        log?.Invoke($"lemmatizer: {lemmatizer.ExceptionCount} exceptions");

        // The parser learns from the tags a tagger gives on text it has not seen (each fold tagged by a tagger trained on
        // the others), so it learns how far to trust them; gold tags teach it to trust them blindly (dev UAS 84.1 against
        // 83.9 with the same features).
        var parserTags = options.Folds > 1 ? Jackknife(data.Select(d => (d.Words, d.Tags)).ToList(), tagSet, options, log) : data.Select(d => d.Tags).ToList();
        Func<DependencyParser, double>? score = null;
        if (options.Dev is { Count: > 0 } dev)
        {
            var devData = dev.Select(s =>
            {
                var words = s.Words.Select(w => WordAtoms.Of(w.Form)).ToArray();
                var tags = new int[words.Length];
                tagger.Tag(words, tags);
                return (Words: words, Tags: tags, Heads: s.Words.Select(w => w.Head - 1).ToArray());
            }).ToList();
            score = candidate =>
            {
                int right = 0, all = 0;
                foreach (var (words, tags, heads) in devData)
                {
                    var predicted = new int[words.Length];
                    candidate.Parse(words, tags, predicted);
                    for (var i = 0; i < words.Length; i++)
                    {
                        right += predicted[i] == heads[i] ? 1 : 0;
                    }

                    all += words.Length;
                }

                return 100.0 * right / all;
            };
        }

        var parserIterations = options.ParserIterations > 0 ? options.ParserIterations : iterations;
        var parser = DependencyParser.Train(data.Select((d, i) => (d.Words, parserTags[i], d.Heads)).ToList(), tagSet.Length, parserIterations, log, score);
        var labeller = ArcLabeller.Train(
            data.Select((d, i) =>
            {
                var coarse = parserTags[i].Select(t => tagger.Coarse[t]).ToArray();
                var marked = new int[coarse.Length];
                ArcLabeller.MarkFunctionWords(coarse, tagger.Upos, marked);
                return (d.Words, marked, d.Heads, d.Labels);
            }).ToList(),
            labels, tagger.Upos.Length, iterations, log);
        return new SyntaxModel(tagger, lemmatizer, parser, labeller);
    }

    private static List<int[]> Jackknife(List<(WordAtoms[] Words, int[] Tags)> data, string[] tagSet, SyntaxTrainingOptions options, Action<string>? log)
    {
        var result = new int[data.Count][];
        var correct = new int[options.Folds];
        var total = new int[options.Folds];
        Parallel.For(0, options.Folds, new ParallelOptions { MaxDegreeOfParallelism = 2 }, fold =>
        {
            var rest = data.Where((_, i) => i % options.Folds != fold).ToList();
            var tagger = PosTagger.Train(rest, tagSet, options.FoldIterations);
            for (var i = fold; i < data.Count; i += options.Folds)
            {
                var tags = new int[data[i].Words.Length];
                tagger.Tag(data[i].Words, tags);
                result[i] = tags;
                for (var j = 0; j < tags.Length; j++)
                {
                    correct[fold] += tags[j] == data[i].Tags[j] ? 1 : 0;
                    total[fold]++;
                }
            }
        });
        log?.Invoke($"jackknife: {options.Folds} folds, tags {100.0 * correct.Sum() / total.Sum():F2} % right");
        return [.. result];
    }

    /// <summary>Tags, lemmatises and parses the words of <paramref name="sentences"/> and compares with their gold annotation.</summary>
    public static SyntaxScores Evaluate(SyntaxModel model, IReadOnlyList<TreebankSentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(sentences);
        int words = 0, upos = 0, lemma = 0, uas = 0, las = 0;
        foreach (var s in sentences)
        {
            var n = s.Words.Count;
            var atoms = s.Words.Select(w => WordAtoms.Of(w.Form)).ToArray();
            var tags = new int[n];
            var heads = new int[n];
            var labels = new int[n];
            model.Analyse(atoms, tags, heads, labels);
            for (var i = 0; i < n; i++)
            {
                var gold = s.Words[i];
                words++;
                var tag = model.Tags[tags[i]];
                upos += tag == gold.Upos ? 1 : 0;
                lemma += model.Lemma(gold.Form, tags[i]) == gold.Lemma ? 1 : 0;
                if (heads[i] == gold.Head - 1)
                {
                    uas++;
                    las += model.Label(labels[i]) == gold.DepRel ? 1 : 0;
                }
            }
        }

        double P(int x) => words == 0 ? 0 : 100.0 * x / words;
        return new SyntaxScores(sentences.Count, words, P(upos), P(lemma), P(uas), P(las));
    }
}
