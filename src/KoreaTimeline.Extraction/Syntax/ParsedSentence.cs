namespace KoreaTimeline.Extraction.Syntax;

/// <summary>
/// One word of a parsed sentence. <see cref="Head"/> is the index of its head in the sentence, or -1 for the root
/// (whose <see cref="DepRel"/> is "root"); <see cref="Start"/> and <see cref="End"/> are character offsets in the
/// source text when the sentence was tokenized from one, else -1.
/// </summary>
public sealed record ParsedToken(int Index, string Text, int Start, int End, string Upos, string Lemma, int Head, string DepRel);

/// <summary>A sentence tagged (UPOS), lemmatised and parsed into a Universal Dependencies tree.</summary>
public sealed record ParsedSentence(IReadOnlyList<ParsedToken> Tokens)
{
    /// <summary>The word whose head is the root, or null for an empty sentence.</summary>
    public ParsedToken? Root => Tokens.FirstOrDefault(t => t.Head < 0);

    /// <summary>The head of <paramref name="token"/>, or null for the root.</summary>
    public ParsedToken? HeadOf(ParsedToken token) => token.Head < 0 ? null : Tokens[token.Head];

    /// <summary>The dependents of <paramref name="token"/> in word order, optionally only those with relation <paramref name="depRel"/>.</summary>
    public IEnumerable<ParsedToken> Children(ParsedToken token, string? depRel = null) =>
        Tokens.Where(t => t.Head == token.Index && (depRel is null || t.DepRel == depRel));

    /// <summary>One line per word in CoNLL-U-like columns (1-based index, form, lemma, UPOS, head, relation), for traces.</summary>
    public override string ToString() => string.Join('\n', Tokens.Select(t => $"{t.Index + 1}\t{t.Text}\t{t.Lemma}\t{t.Upos}\t{t.Head + 1}\t{t.DepRel}"));
}
