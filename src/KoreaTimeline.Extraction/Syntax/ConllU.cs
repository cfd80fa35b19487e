namespace KoreaTimeline.Extraction.Syntax;

/// <summary>One syntactic word of a treebank sentence: its form and gold annotation (Head is 1-based, 0 for the root).</summary>
public sealed record TreebankWord(string Form, string Lemma, string Upos, string Xpos, int Head, string DepRel);

/// <summary>One sentence of a CoNLL-U treebank, its words in order.</summary>
public sealed record TreebankSentence(IReadOnlyList<TreebankWord> Words);

/// <summary>Reads CoNLL-U files (Universal Dependencies).</summary>
public static class ConllU
{
    /// <summary>
    /// The sentences of <paramref name="path"/>. Multiword-token ranges (<c>3-4</c>) and empty nodes (<c>8.1</c>) are
    /// skipped: the tagger and parser work on syntactic words, which is what the tokenizer produces ("do" "n't").
    /// </summary>
    public static IReadOnlyList<TreebankSentence> Read(string path)
    {
        var sentences = new List<TreebankSentence>();
        var words = new List<TreebankWord>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0)
            {
                if (words.Count > 0)
                {
                    sentences.Add(new TreebankSentence(words));
                    words = [];
                }

                continue;
            }

            if (line[0] == '#')
            {
                continue;
            }

            var cols = line.Split('\t');
            if (cols.Length < 8 || cols[0].Contains('-', StringComparison.Ordinal) || cols[0].Contains('.', StringComparison.Ordinal))
            {
                continue;
            }

            var head = cols[6] == "_" ? 0 : int.Parse(cols[6], System.Globalization.CultureInfo.InvariantCulture);
            words.Add(new TreebankWord(cols[1], cols[2], cols[3], cols[4], head, cols[7]));
        }

        if (words.Count > 0)
        {
            sentences.Add(new TreebankSentence(words));
        }

        return sentences;
    }
}
