using System.IO.Compression;
using KoreaTimeline.Extraction.Pipeline;

namespace KoreaTimeline.Extraction.Syntax;

/// <summary>
/// The part-of-speech tagger, lemmatizer, dependency parser and arc labeller trained on UD English EWT, as one
/// loaded model. Immutable after loading, so one instance serves every thread.
/// </summary>
/// <example>
/// <code>
/// var sentence = SyntaxModel.Default.Parse("North Korea fired two missiles on Tuesday.");
/// var verb = sentence.Root;                                   // fired (VERB, lemma "fire")
/// var subject = sentence.Children(verb!, "nsubj").Single();   // Korea
/// </code>
/// </example>
public sealed class SyntaxModel
{
    /// <summary>The model files, in Resources/syntax when embedded.</summary>
    public static readonly IReadOnlyList<string> FileNames = ["tagger.bin.gz", "lemmatizer.bin.gz", "parser.bin.gz", "labeller.bin.gz"];

    private static readonly Lazy<SyntaxModel> Embedded = new(
        () => Load(name => EmbeddedResources.Open("syntax/" + name)), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly PosTagger tagger;
    private readonly Lemmatizer lemmatizer;
    private readonly DependencyParser parser;
    private readonly ArcLabeller labeller;
    private readonly int verb;

    internal SyntaxModel(PosTagger tagger, Lemmatizer lemmatizer, DependencyParser parser, ArcLabeller labeller)
    {
        this.tagger = tagger;
        this.lemmatizer = lemmatizer;
        this.parser = parser;
        this.labeller = labeller;
        verb = Array.IndexOf(tagger.Upos, "VERB");
    }

    /// <summary>The embedded model, loaded on first use.</summary>
    public static SyntaxModel Default => Embedded.Value;

    /// <summary>The UPOS tag set.</summary>
    public IReadOnlyList<string> Tags => tagger.Upos;

    /// <summary>The dependency relations the labeller predicts (besides "root").</summary>
    public IReadOnlyList<string> Relations => labeller.Labels;

    /// <summary>Bytes of weights held in memory.</summary>
    public long WeightBytes => tagger.Model.Bytes + parser.Model.Bytes + labeller.Model.Bytes;

    /// <summary>Tokenizes <paramref name="sentence"/> (one sentence) and parses it; offsets index <paramref name="sentence"/>.</summary>
    public ParsedSentence Parse(string sentence) => Parse(EnglishTokenizer.Tokenize(sentence));

    /// <summary>Parses one sentence of tokens, keeping their offsets.</summary>
    public ParsedSentence Parse(IReadOnlyList<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        return Build(tokens.Count, i => tokens[i].Text, i => (tokens[i].Start, tokens[i].End));
    }

    /// <summary>Parses one sentence of words (offsets -1).</summary>
    public ParsedSentence Parse(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        return Build(words.Count, i => words[i], _ => (-1, -1));
    }

    private ParsedSentence Build(int n, Func<int, string> text, Func<int, (int, int)> offsets)
    {
        var atoms = new WordAtoms[n];
        for (var i = 0; i < n; i++)
        {
            atoms[i] = WordAtoms.Of(text(i));
        }

        var tags = new int[n];
        var heads = new int[n];
        var labels = new int[n];
        Analyse(atoms, tags, heads, labels);
        var result = new ParsedToken[n];
        for (var i = 0; i < n; i++)
        {
            var word = text(i);
            var upos = tagger.Upos[tags[i]];
            var (start, end) = offsets(i);
            result[i] = new ParsedToken(i, word, start, end, upos, lemmatizer.Lemmatize(word, upos), heads[i], labels[i] < 0 ? ArcLabeller.Root : labeller.Labels[labels[i]]);
        }

        return new ParsedSentence(result);
    }

    /// <summary>Tags, parses and labels: the UPOS tag, head (-1 root) and label index (-1 root) of every word.</summary>
    internal void Analyse(ReadOnlySpan<WordAtoms> atoms, Span<int> tags, Span<int> heads, Span<int> labels)
    {
        var n = atoms.Length;
        if (n == 0)
        {
            return;
        }

        Span<int> fine = n <= 256 ? stackalloc int[n] : new int[n];
        tagger.Tag(atoms, fine);
        parser.Parse(atoms, fine, heads);
        var coarse = tagger.Coarse;
        for (var i = 0; i < n; i++)
        {
            tags[i] = coarse[fine[i]];
        }

        SingleRoot(tags, heads);
        Span<int> marked = n <= 256 ? stackalloc int[n] : new int[n];
        ArcLabeller.MarkFunctionWords(tags, tagger.Upos, marked);
        labeller.Label(atoms, marked, heads, labels);
    }

    internal string Lemma(string form, int tag) => lemmatizer.Lemmatize(form, tagger.Upos[tag]);

    internal string Label(int label) => label < 0 ? ArcLabeller.Root : labeller.Labels[label];

    // The transition system may leave several words on the root; UD wants one. The first verb (else the first word)
    // stays the root and the others hang from it, for the labeller to name (parataxis, list...).
    private void SingleRoot(ReadOnlySpan<int> tags, Span<int> heads)
    {
        var root = -1;
        var roots = 0;
        for (var i = 0; i < heads.Length; i++)
        {
            if (heads[i] < 0)
            {
                roots++;
                if (root < 0 || (tags[i] == verb && tags[root] != verb))
                {
                    root = i;
                }
            }
        }

        if (roots <= 1)
        {
            return;
        }

        for (var i = 0; i < heads.Length; i++)
        {
            if (heads[i] < 0 && i != root)
            {
                heads[i] = root;
            }
        }
    }

    /// <summary>Loads the model files through <paramref name="open"/> (a file name to a stream of it).</summary>
    public static SyntaxModel Load(Func<string, Stream> open)
    {
        ArgumentNullException.ThrowIfNull(open);
        T Read<T>(string name, Func<BinaryReader, T> read)
        {
            using var stream = open(name);
            using var gzip = new GZipStream(stream, CompressionMode.Decompress);
            using var buffered = new BufferedStream(gzip, 1 << 16);
            using var reader = new BinaryReader(buffered);
            return read(reader);
        }

        return new SyntaxModel(
            Read(FileNames[0], PosTagger.Read),
            Read(FileNames[1], Lemmatizer.Read),
            Read(FileNames[2], DependencyParser.Read),
            Read(FileNames[3], ArcLabeller.Read));
    }

    /// <summary>Loads the model files from <paramref name="directory"/>.</summary>
    public static SyntaxModel Load(string directory) => Load(name => File.OpenRead(Path.Combine(directory, name)));

    /// <summary>Writes the model files into <paramref name="directory"/>.</summary>
    public void Save(string directory)
    {
        Directory.CreateDirectory(directory);
        void Write(string name, Action<BinaryWriter> write)
        {
            using var file = File.Create(Path.Combine(directory, name));
            using var gzip = new GZipStream(file, CompressionLevel.SmallestSize);
            using var writer = new BinaryWriter(gzip);
            write(writer);
        }

        Write(FileNames[0], tagger.Write);
        Write(FileNames[1], lemmatizer.Write);
        Write(FileNames[2], parser.Write);
        Write(FileNames[3], labeller.Write);
    }
}
