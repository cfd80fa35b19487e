namespace KoreaTimeline.Extraction.Syntax;

/// <summary>
/// Part-of-speech tagger in two greedy left-to-right passes, the second seeing the first's tags of the
/// following words. Its tags are fine: a UPOS tag with the treebank's Penn tag ("VERB|VBN"), which the parser reads
/// (a participle and a past tense are both VERB); <see cref="Coarse"/> maps them onto UPOS. An averaged perceptron over Honnibal-style features
/// (the word, its affixes and shape, the two previous tags, the neighbouring words), with a dictionary of
/// frequent unambiguous words that are tagged without scoring.
/// </summary>
internal sealed class PosTagger
{
    /// <summary>Room for every feature of one word.</summary>
    public const int MaxFeatures = 48;

    private readonly LinearModel model;
    private readonly Dictionary<ulong, int> unambiguous;

    public PosTagger(string[] tags, LinearModel model, Dictionary<ulong, int> unambiguous)
    {
        Tags = tags;
        this.model = model;
        this.unambiguous = unambiguous;
        Upos = tags.Select(UposOf).Distinct().Order(StringComparer.Ordinal).ToArray();
        Coarse = tags.Select(t => Array.IndexOf(Upos, UposOf(t))).ToArray();
    }

    /// <summary>The fine tag set ("NOUN|NN", or UPOS alone); a tag is an index into it.</summary>
    public string[] Tags { get; }

    /// <summary>The UPOS tag set.</summary>
    public string[] Upos { get; }

    /// <summary>The UPOS index of every fine tag.</summary>
    public int[] Coarse { get; }

    /// <summary>The UPOS part of a fine tag.</summary>
    public static string UposOf(string fine) => fine.IndexOf('|', StringComparison.Ordinal) is var bar and >= 0 ? fine[..bar] : fine;

    public LinearModel Model => model;

    public void Tag(ReadOnlySpan<WordAtoms> words, Span<int> tags)
    {
        Span<ulong> features = stackalloc ulong[MaxFeatures];
        Span<float> scores = stackalloc float[Tags.Length];
        Span<int> first = words.Length <= 256 ? stackalloc int[words.Length] : new int[words.Length];
        Pass(words, first, default, features, scores);
        Pass(words, tags, first, features, scores);
    }

    // One left-to-right pass; the second one also sees the first one's tags of the words to the right.
    private void Pass(ReadOnlySpan<WordAtoms> words, Span<int> tags, ReadOnlySpan<int> lookahead, Span<ulong> features, Span<float> scores)
    {
        for (var i = 0; i < words.Length; i++)
        {
            if (unambiguous.TryGetValue(words[i].Exact, out var known))
            {
                tags[i] = known;
                continue;
            }

            var n = Features(words, i, i > 0 ? tags[i - 1] : -1, i > 1 ? tags[i - 2] : -1, lookahead, features);
            model.Score(features[..n], scores);
            tags[i] = LinearModel.ArgMax(scores);
        }
    }

    /// <summary>
    /// The features of word <paramref name="i"/> given the two previous tags (-1 before the sentence) and, in the
    /// second pass, the first pass's tags of the whole sentence (<paramref name="lookahead"/>, empty in the first).
    /// </summary>
    public static int Features(ReadOnlySpan<WordAtoms> words, int i, int prev, int prev2, ReadOnlySpan<int> lookahead, Span<ulong> f)
    {
        var w = words[i];
        var p1 = i > 0 ? words[i - 1] : WordAtoms.Start;
        var p2 = i > 1 ? words[i - 2] : WordAtoms.Start;
        var n1 = i + 1 < words.Length ? words[i + 1] : WordAtoms.End;
        var n2 = i + 2 < words.Length ? words[i + 2] : WordAtoms.End;
        var t1 = (ulong)(prev + 2);
        var t2 = (ulong)(prev2 + 2);
        var first = i == 0 ? 1UL : 0UL;
        var k = 0;
        f[k++] = FeatureHash.Mix(0, 0);
        f[k++] = FeatureHash.Mix(1, w.Word);
        f[k++] = FeatureHash.Mix(2, w.Suffix1);
        f[k++] = FeatureHash.Mix(3, w.Suffix2);
        f[k++] = FeatureHash.Mix(4, w.Suffix3);
        f[k++] = FeatureHash.Mix(5, w.Suffix4);
        f[k++] = FeatureHash.Mix(6, w.Prefix1);
        f[k++] = FeatureHash.Mix(7, w.Prefix3);
        f[k++] = FeatureHash.Mix(8, w.Shape);
        f[k++] = FeatureHash.Mix(9, w.Flags, first);
        f[k++] = FeatureHash.Mix(10, t1);
        f[k++] = FeatureHash.Mix(11, t2);
        f[k++] = FeatureHash.Mix(12, t1, t2);
        f[k++] = FeatureHash.Mix(13, t1, w.Word);
        f[k++] = FeatureHash.Mix(14, p1.Word);
        f[k++] = FeatureHash.Mix(15, p1.Suffix3);
        f[k++] = FeatureHash.Mix(16, p2.Word);
        f[k++] = FeatureHash.Mix(17, n1.Word);
        f[k++] = FeatureHash.Mix(18, n1.Suffix3);
        f[k++] = FeatureHash.Mix(19, n2.Word);
        f[k++] = FeatureHash.Mix(20, p1.Word, w.Word);
        f[k++] = FeatureHash.Mix(21, w.Word, n1.Word);
        f[k++] = FeatureHash.Mix(22, n1.Shape);
        f[k++] = FeatureHash.Mix(23, t1, w.Suffix3);
        f[k++] = FeatureHash.Mix(24, t1, n1.Word);
        f[k++] = FeatureHash.Mix(25, t1, w.Flags, first);
        f[k++] = FeatureHash.Mix(26, w.Exact);
        f[k++] = FeatureHash.Mix(27, p1.Shape);
        f[k++] = FeatureHash.Mix(28, n1.Suffix1);
        f[k++] = FeatureHash.Mix(29, w.Suffix2, n1.Word);
        f[k++] = FeatureHash.Mix(30, p1.Word, n1.Word);
        f[k++] = FeatureHash.Mix(31, n1.Flags, w.Flags);
        f[k++] = FeatureHash.Mix(32, t2, w.Word);
        f[k++] = FeatureHash.Mix(33, n1.Word, n2.Word);
        f[k++] = FeatureHash.Mix(34, t1, p1.Word);
        f[k++] = FeatureHash.Mix(35, p1.Flags, w.Flags, n1.Flags);
        f[k++] = FeatureHash.Mix(36, p1.Exact, w.Flags);
        f[k++] = FeatureHash.Mix(37, n1.Exact, w.Flags);
        if (!lookahead.IsEmpty)
        {
            var a1 = i + 1 < words.Length ? (ulong)(lookahead[i + 1] + 2) : 0UL;
            var a2 = i + 2 < words.Length ? (ulong)(lookahead[i + 2] + 2) : 0UL;
            f[k++] = FeatureHash.Mix(40, a1);
            f[k++] = FeatureHash.Mix(41, a1, a2);
            f[k++] = FeatureHash.Mix(42, t1, a1);
            f[k++] = FeatureHash.Mix(43, w.Word, a1);
            f[k++] = FeatureHash.Mix(44, w.Suffix3, a1);
            f[k++] = FeatureHash.Mix(45, t1, a1, a2);
        }

        return k;
    }

    /// <summary>Trains on <paramref name="sentences"/> (forms and gold tags), <paramref name="iterations"/> shuffled passes.</summary>
    public static PosTagger Train(IReadOnlyList<(WordAtoms[] Words, int[] Tags)> sentences, string[] tagSet, int iterations, Action<string>? log = null)
    {
        var unambiguous = Unambiguous(sentences, tagSet.Length);

        // Count features in the gold context and keep those seen twice: fewer, better-estimated weights.
        var counts = new Dictionary<ulong, int>();
        Span<ulong> f = stackalloc ulong[MaxFeatures];
        foreach (var (words, tags) in sentences)
        {
            for (var i = 0; i < words.Length; i++)
            {
                foreach (var lookahead in new[] { [], tags })
                {
                    var n = Features(words, i, i > 0 ? tags[i - 1] : -1, i > 1 ? tags[i - 2] : -1, lookahead, f);
                    foreach (var key in f[..n])
                    {
                        counts[key] = counts.GetValueOrDefault(key) + 1;
                    }
                }
            }
        }

        var trainer = new PerceptronTrainer(tagSet.Length, PerceptronTrainer.Index(counts, 1));
        log?.Invoke($"tagger: {counts.Count} features, {tagSet.Length} tags");
        counts = null;
        var order = Enumerable.Range(0, sentences.Count).ToArray();
        var random = new Random(17);
        Span<float> scores = stackalloc float[tagSet.Length];
        for (var it = 0; it < iterations; it++)
        {
            random.Shuffle(order);
            int correct = 0, total = 0;
            foreach (var s in order)
            {
                var (words, gold) = sentences[s];
                // Both passes are tagged with the weights as they stand before this sentence, and only then updated: updating
                // the first pass's mistakes before the second pass ran would let the second copy them right, and the
                // lookahead features would never learn how wrong the first pass is on new text.
                var first = new int[words.Length];
                var guess = new int[words.Length];
                var mistakes = new List<(ulong[] Features, int Gold, int Guess)>();
                foreach (var (tags, lookahead) in new[] { (first, Array.Empty<int>()), (guess, first) })
                {
                    for (var i = 0; i < words.Length; i++)
                    {
                        if (unambiguous.TryGetValue(words[i].Exact, out var known))
                        {
                            tags[i] = known;
                            continue;
                        }

                        var n = Features(words, i, i > 0 ? tags[i - 1] : -1, i > 1 ? tags[i - 2] : -1, lookahead, f);
                        trainer.Score(f[..n], scores);
                        tags[i] = LinearModel.ArgMax(scores);
                        if (tags[i] != gold[i])
                        {
                            mistakes.Add((f[..n].ToArray(), gold[i], tags[i]));
                        }
                    }
                }

                foreach (var (features, truth, wrong) in mistakes)
                {
                    trainer.Update(features, truth, wrong);
                }

                trainer.Tick();

                for (var i = 0; i < words.Length; i++)
                {
                    correct += guess[i] == gold[i] ? 1 : 0;
                    total++;
                }
            }

            log?.Invoke($"tagger iteration {it + 1}: train accuracy {100.0 * correct / total:F2}");
        }

        return new PosTagger(tagSet, trainer.Build(0.002f), unambiguous);
    }

    /// <summary>Words seen at least 20 times with one tag 97 % of the time (case-sensitive form).</summary>
    private static Dictionary<ulong, int> Unambiguous(IReadOnlyList<(WordAtoms[] Words, int[] Tags)> sentences, int tagCount)
    {
        var seen = new Dictionary<ulong, int[]>();
        foreach (var (words, tags) in sentences)
        {
            for (var i = 0; i < words.Length; i++)
            {
                if (!seen.TryGetValue(words[i].Exact, out var c))
                {
                    seen[words[i].Exact] = c = new int[tagCount];
                }

                c[tags[i]]++;
            }
        }

        var result = new Dictionary<ulong, int>();
        foreach (var (word, c) in seen)
        {
            var total = c.Sum();
            var best = Array.IndexOf(c, c.Max());
            if (total >= 20 && c[best] >= 0.995 * total)
            {
                result[word] = best;
            }
        }

        return result;
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(Tags.Length);
        foreach (var t in Tags)
        {
            writer.Write(t);
        }

        writer.Write(unambiguous.Count);
        foreach (var (word, tag) in unambiguous)
        {
            writer.Write(word);
            writer.Write((byte)tag);
        }

        model.Write(writer);
    }

    public static PosTagger Read(BinaryReader reader)
    {
        var tags = new string[reader.ReadInt32()];
        for (var i = 0; i < tags.Length; i++)
        {
            tags[i] = reader.ReadString();
        }

        var count = reader.ReadInt32();
        var unambiguous = new Dictionary<ulong, int>(count);
        for (var i = 0; i < count; i++)
        {
            unambiguous[reader.ReadUInt64()] = reader.ReadByte();
        }

        return new PosTagger(tags, LinearModel.Read(reader), unambiguous);
    }
}
